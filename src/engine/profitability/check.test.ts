import { describe, expect, it } from 'vitest';
import { checkContract, checkPeriod, roundDownToCent, roundDownToTen, usageFigures } from './check';
import { Dec } from '../money';
import type { Contract, ContractTerms } from './types';

const period = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 10, 1), partial: false };

const contract = (terms: ContractTerms, extra: Partial<Contract> = {}): Contract => ({
  format: 'tarifa.contract/1', name: 'C', client: 'Sales', currency: 'EUR',
  referencePricePerMinute: '0.80', tolerancePercent: '10', terms, ...extra,
});

describe('flat rate', () => {
  // 500 minutes × 0.80 = 400.00; fee 350; bound 350 × 1.10 = 385.00: flagged.
  it('flags a cost above fee × (1 + tolerance) and proposes minutes × price rounded down to a ten', () => {
    const c = checkPeriod(contract({ kind: 'flat', monthlyFee: '350' }), { seconds: 500 * 60, calls: 120 }, period, 0);
    expect(c).toMatchObject({ minutes: '500.00', cost: '400.00', revenue: '350.00', bound: '385.00', margin: '-50.00', marginPercent: '-14.3', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'flat', monthlyFee: '400.00', rounding: 'down' });
  });

  it('at exactly the bound is not flagged; one cent above is', () => {
    // fee 400, tolerance 10 %: bound 440.00 = 550 minutes × 0.80.
    const at = checkPeriod(contract({ kind: 'flat', monthlyFee: '400' }), { seconds: 550 * 60, calls: 1 }, period, 0);
    expect(at).toMatchObject({ cost: '440.00', bound: '440.00', status: 'loss-within-tolerance', proposal: null, margin: '-40.00' });
    // 550.0125 minutes × 0.80 = 440.01 (seconds 33000.75).
    const above = checkPeriod(contract({ kind: 'flat', monthlyFee: '400' }), { seconds: 33000.75, calls: 1 }, period, 0);
    expect(above).toMatchObject({ cost: '440.01', status: 'flagged' });
  });

  it('a zero tolerance flags any loss; a profit is ok', () => {
    const zero = contract({ kind: 'flat', monthlyFee: '400' }, { tolerancePercent: '0' });
    expect(checkPeriod(zero, { seconds: 500.0125 * 60, calls: 0 }, period, 0).status).toBe('flagged'); // 400.01
    expect(checkPeriod(zero, { seconds: 500 * 60, calls: 0 }, period, 0).status).toBe('ok'); // 400.00 = fee
    const ok = checkPeriod(zero, { seconds: 100 * 60, calls: 0 }, period, 0);
    expect(ok).toMatchObject({ cost: '80.00', margin: '320.00', marginPercent: '80.0', status: 'ok' });
  });

  it('rounds the proposal down to the ten in the client favour (437.99 -> 430, 440 stays)', () => {
    // 547.4875 min × 0.80 = 437.99
    const c = checkPeriod(contract({ kind: 'flat', monthlyFee: '100' }), { seconds: 547.4875 * 60, calls: 0 }, period, 0);
    expect(c.cost).toBe('437.99');
    expect(c.proposal).toEqual({ kind: 'flat', monthlyFee: '430.00', rounding: 'down' });
    const even = checkPeriod(contract({ kind: 'flat', monthlyFee: '100' }), { seconds: 550 * 60, calls: 0 }, period, 0);
    expect(even.proposal).toEqual({ kind: 'flat', monthlyFee: '440.00', rounding: 'down' });
  });
});

describe('when rounding down would not raise the price', () => {
  it('flat: rounded up to the cent instead (437.990… -> 438.00 above a fee of 435)', () => {
    // 32849.3 s × 0.80 / 60 = 437.9906…: down to a ten 430 <= 435, so up to the cent (half-up would give 437.99).
    const c = checkPeriod(contract({ kind: 'flat', monthlyFee: '435' }, { tolerancePercent: '0' }), { seconds: 32849.3, calls: 0 }, period, 0);
    expect(c).toMatchObject({ cost: '437.99', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'flat', monthlyFee: '438.00', rounding: 'up-to-cent' });
  });

  it('per call: 4.4466… is 4.44 down, not above the price 4.44, so 4.45', () => {
    // 1000.5 s × 0.80 / 60 = 13.34 > 3 × 4.44 = 13.32 (no tolerance): flagged.
    const c = checkPeriod(contract({ kind: 'per-call', pricePerCall: '4.44' }, { tolerancePercent: '0' }), { seconds: 1000.5, calls: 3 }, period, 0);
    expect(c).toMatchObject({ cost: '13.34', revenue: '13.32', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'per-call', pricePerCall: '4.45', rounding: 'up-to-cent' });
  });
});

describe('price per handled inbound call', () => {
  it('revenue is calls × price; flagged above the bound; proposal minutes / calls × price rounded down to the cent', () => {
    // 1000 s = 16.666… min × 0.80 = 13.33; 3 calls × 2.00 = 6.00, bound 6.60: flagged.
    // Proposal: 16.666…/3 × 0.80 = 4.4444… -> 4.44.
    const c = checkPeriod(contract({ kind: 'per-call', pricePerCall: '2.00' }), { seconds: 1000, calls: 3 }, period, 0);
    expect(c).toMatchObject({ minutes: '16.67', cost: '13.33', revenue: '6.00', bound: '6.60', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'per-call', pricePerCall: '4.44', rounding: 'down' });
  });

  it('rounds the proposal down where half-up would round up (4.4466… -> 4.44)', () => {
    // 1000.5 s × 0.80 / 60 / 3 = 4.44666…: half-up would give 4.45.
    const c = checkPeriod(contract({ kind: 'per-call', pricePerCall: '1.00' }), { seconds: 1000.5, calls: 3 }, period, 0);
    expect(c.proposal).toEqual({ kind: 'per-call', pricePerCall: '4.44', rounding: 'down' });
  });

  it('exactly at the bound is not flagged', () => {
    // 10 calls × 3.00 = 30.00, tolerance 20 %: bound 36.00 = 45 minutes × 0.80.
    const terms: ContractTerms = { kind: 'per-call', pricePerCall: '3.00' };
    const at = checkPeriod(contract(terms, { tolerancePercent: '20' }), { seconds: 45 * 60, calls: 10 }, period, 0);
    expect(at).toMatchObject({ cost: '36.00', bound: '36.00', status: 'loss-within-tolerance', proposal: null });
    const above = checkPeriod(contract(terms, { tolerancePercent: '20' }), { seconds: 45 * 60 + 1, calls: 10 }, period, 0);
    expect(above).toMatchObject({ cost: '36.01', status: 'flagged', proposal: { kind: 'per-call', pricePerCall: '3.60' } });
  });

  it('minutes without handled inbound calls: flagged, no per-call price can be proposed', () => {
    const c = checkPeriod(contract({ kind: 'per-call', pricePerCall: '3.00' }), { seconds: 600, calls: 0 }, period, 0);
    expect(c).toMatchObject({ cost: '8.00', revenue: '0.00', marginPercent: null, status: 'flagged', proposal: null });
  });
});

describe('cost cap', () => {
  const caps = ['100', '200', '300', '400', '500', '600', '700'];

  it('items within the cap are billed as they are (no loss)', () => {
    const c = checkPeriod(contract({ kind: 'cost-cap', category: 2, categories: caps }), { seconds: 150 * 60, calls: 5 }, period, 0);
    expect(c).toMatchObject({ cost: '120.00', revenue: '120.00', margin: '0.00', capped: false, status: 'ok' });
  });

  it('above the cap the cap is billed; within cap + tolerance not flagged, exactly at it neither, above it flagged with the next category', () => {
    const terms: ContractTerms = { kind: 'cost-cap', category: 2, categories: caps };
    // 260 min × 0.80 = 208.00 > cap 200: capped, bound 220.00.
    expect(checkPeriod(contract(terms), { seconds: 260 * 60, calls: 5 }, period, 0))
      .toMatchObject({ cost: '208.00', revenue: '200.00', capped: true, status: 'loss-within-tolerance', proposal: null });
    // 275 min × 0.80 = 220.00 = bound.
    expect(checkPeriod(contract(terms), { seconds: 275 * 60, calls: 5 }, period, 0))
      .toMatchObject({ cost: '220.00', bound: '220.00', status: 'loss-within-tolerance' });
    // 275.0125 min = 220.01 > bound.
    const above = checkPeriod(contract(terms), { seconds: 275.0125 * 60, calls: 5 }, period, 0);
    expect(above).toMatchObject({ cost: '220.01', status: 'flagged', margin: '-20.01' });
    expect(above.proposal).toEqual({ kind: 'category', category: 3, cap: '300.00', coversCost: true });
  });

  it('the next category says whether it covers the cost', () => {
    const c = checkPeriod(contract({ kind: 'cost-cap', category: 1, categories: caps }), { seconds: 400 * 60, calls: 0 }, period, 0);
    expect(c).toMatchObject({ cost: '320.00', revenue: '100.00', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'category', category: 2, cap: '200.00', coversCost: false });
  });

  it('beyond category 7: billed per minute at the reference price', () => {
    const c = checkPeriod(contract({ kind: 'cost-cap', category: 7, categories: caps }), { seconds: 1000 * 60, calls: 0 }, period, 0);
    expect(c).toMatchObject({ cost: '800.00', revenue: '700.00', bound: '770.00', status: 'flagged' });
    expect(c.proposal).toEqual({ kind: 'per-minute', pricePerMinute: '0.80' });
  });

  it('beyond the last category when fewer than 7 are defined', () => {
    const c = checkPeriod(contract({ kind: 'cost-cap', category: 2, categories: ['50', '100'] }), { seconds: 500 * 60, calls: 0 }, period, 0);
    expect(c.proposal).toEqual({ kind: 'per-minute', pricePerMinute: '0.80' });
  });
});

describe('rounding helpers', () => {
  it('round down to ten and to the cent, never up', () => {
    expect(roundDownToTen(new Dec('439.999')).toFixed(2)).toBe('430.00');
    expect(roundDownToTen(new Dec('9.99')).toFixed(2)).toBe('0.00');
    expect(roundDownToTen(new Dec('1230')).toFixed(2)).toBe('1230.00');
    expect(roundDownToCent(new Dec('4.449999')).toFixed(2)).toBe('4.44');
    expect(roundDownToCent(new Dec('4.45')).toFixed(2)).toBe('4.45');
  });
});

describe('checkContract', () => {
  it('checks every period and counts the flagged ones; a client without calls has zero cost', () => {
    const periods = [period, { start: Date.UTC(2026, 10, 1), end: Date.UTC(2026, 11, 1), partial: true }];
    const r = checkContract(contract({ kind: 'flat', monthlyFee: '100' }), periods, { label: 'Sales', periods: [{ seconds: 200 * 60, calls: 3 }, { seconds: 60, calls: 1 }] });
    expect(r.periods.map((p) => [p.cost, p.status, p.partial])).toEqual([['160.00', 'flagged', false], ['0.80', 'ok', true]]);
    expect(r.flagged).toBe(1);
    const none = checkContract(contract({ kind: 'flat', monthlyFee: '100' }), periods, undefined);
    expect(none.periods.map((p) => p.cost)).toEqual(['0.00', '0.00']);
    expect(none.clientLabel).toBe('Sales');
  });
});

describe('usageFigures', () => {
  it('minutes to 2 decimals and cost to the cent, half-up', () => {
    // 1000 s = 16.666… min; × 0.80 = 13.333… -> 13.33; 1001.25 s × 0.80 / 60 = 13.35 exactly.
    expect(usageFigures({ seconds: 1000, calls: 1 }, '0.80')).toEqual({ minutes: '16.67', cost: '13.33' });
    expect(usageFigures({ seconds: 1000.125, calls: 1 }, '0.06')).toEqual({ minutes: '16.67', cost: '1.00' });
    expect(usageFigures({ seconds: 90, calls: 1 })).toEqual({ minutes: '1.50', cost: null });
  });
});
