import { describe, expect, it } from 'vitest';
import { parsePlan } from './validate';

const withCharge = (charge: Record<string, unknown>, currency = 'USD') => ({
  format: 'tarifa.plan/1',
  name: 'Test',
  currency,
  cycle: { anchorDay: 1, timeZone: 'America/Sao_Paulo' },
  meters: { pmp: { type: 'whatsapp-pmp' } },
  charges: [
    { id: 'base', label: 'Base', model: 'flat', amount: '10' },
    { id: 'fee', label: 'Fee', model: 'flat', amount: '1' },
    { id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', ...charge },
  ],
});

const issuesOf = (plan: unknown) => {
  const r = parsePlan(plan);
  // The English text by path (each issue's code and parameters are tested in engine/issue-codes.test.ts).
  return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
};

const card = (effectiveFrom: string, more: Record<string, unknown> = {}) => ({ effectiveFrom, rates: { 'BR:marketing': '0.0625' }, ...more });

describe('rate-card charges with dated cards', () => {
  it('accepts sorted cards with dates, date-times and offsets', () => {
    const r = parsePlan(withCharge({ cards: [card('2026-07-01'), card('2026-10-01T00:00', { currency: 'USD', default: '0.1' }), card('2027-01-01T03:00:00Z')] }));
    expect(r.ok).toBe(true);
  });

  it('requires exactly one of rates and cards', () => {
    expect(issuesOf(withCharge({}))).toEqual([{ path: 'charges[2]', message: "a 'rate-card' charge needs 'rates' or 'cards'" }]);
    expect(issuesOf(withCharge({ rates: {}, cards: [card('2026-07-01')] }))).toEqual([
      { path: 'charges[2].cards', message: "give either 'rates' (one card) or 'cards' (dated cards), not both" },
    ]);
    expect(issuesOf(withCharge({ cards: [] }))).toEqual([{ path: 'charges[2].cards', message: 'must have at least 1 item' }]);
  });

  it('names the card and field of each problem', () => {
    const issues = issuesOf(
      withCharge({
        cards: [
          card('2026-10-01'),
          card('2026-07-01'),
          card('2026-13-01'),
          card('1 Oct 2026'),
          { effectiveFrom: '2027-01-01', rates: { 'XX:marketing': '0.1', default: '1' }, default: '2', currency: 'BRL' },
          { effectiveFrom: '2027-04-01', rates: { 'BR:marketing': '$0.10' }, note: 'x' },
        ],
      }),
    );
    expect(issues).toEqual([
      { path: 'charges[2].cards[5].rates["BR:marketing"]', message: 'must be a decimal string such as "12.50"' },
      { path: 'charges[2].cards[5].note', message: "unknown field 'note'" },
    ]);
    const semantic = issuesOf(
      withCharge({
        cards: [
          card('2026-10-01'),
          card('2026-07-01'),
          card('2026-13-01'),
          card('1 Oct 2026'),
          { effectiveFrom: '2027-01-01', rates: { 'XX:marketing': '0.1', default: '1' }, default: '2', currency: 'BRL' },
          card('2026-10-01T00:00:00-03:00'),
        ],
      }),
    );
    expect(semantic).toEqual([
      { path: 'charges[2].cards[1].effectiveFrom', message: 'must be after charges[2].cards[0].effectiveFrom (cards are sorted by effectiveFrom)' },
      { path: 'charges[2].cards[2].effectiveFrom', message: 'must be an ISO date ("2026-07-01") or date-time ("2026-07-01T00:00", optional offset), not "2026-13-01"' },
      { path: 'charges[2].cards[3].effectiveFrom', message: 'must be an ISO date ("2026-07-01") or date-time ("2026-07-01T00:00", optional offset), not "1 Oct 2026"' },
      { path: 'charges[2].cards[4].currency', message: 'the card is in BRL but the plan is in USD (rates are not converted)' },
      { path: 'charges[2].cards[4].default', message: "give the default rate once: 'default' or rates.default, not both" },
      {
        path: 'charges[2].cards[4].rates["XX:marketing"]',
        message: expect.stringMatching(/^unknown market 'XX' in rate key 'XX:marketing' \(markets are/),
      },
      { path: 'charges[2].cards[5].effectiveFrom', message: 'must be after charges[2].cards[4].effectiveFrom (cards are sorted by effectiveFrom)' },
    ]);
  });

  it('treats the same instant written two ways as not after', () => {
    // 2026-10-01 00:00 in Sao Paulo is 03:00Z
    expect(issuesOf(withCharge({ cards: [card('2026-10-01'), card('2026-10-01T03:00:00Z')] }))).toEqual([
      { path: 'charges[2].cards[1].effectiveFrom', message: 'must be after charges[2].cards[0].effectiveFrom (cards are sorted by effectiveFrom)' },
    ]);
  });
});
