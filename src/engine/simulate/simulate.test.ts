import { describe, expect, it } from 'vitest';
import { estimateOfMeasured, estimatePlan, measureForEstimate } from '../estimate/estimate';
import { comparePlans, explainDifference } from './compare';
import { multiplierCurve, multipliers } from './curve';
import { NEUTRAL_KNOBS } from './knobs';
import { monthlyPlanCost, roi } from './roi';
import type { Tco } from './tco';
import { applyKnobs } from './resample';
import { parseScenario, newScenario } from './scenario';
import { simulate } from './simulate';
import { projectTco } from './tco';
import { contactsAndSeats, flat15, perMessage, plan, threeMonths, volume } from './test-plans';

const table = threeMonths();

describe('comparePlans', () => {
  it('sets the plans side by side per cycle and in total, cheapest marked', () => {
    const c = comparePlans([flat15, perMessage, contactsAndSeats].map((p) => estimatePlan(table, p)));
    expect(c.plans.map((p) => [p.name, p.total])).toEqual([
      ['Flat 15', '45.00'],            // 3 × 15
      ['Per message', '30.00'],        // 3 × 100 × 0.10
      ['Contacts and seats', '240.00'], // 3 × (100 × 0.50 + 3 × 10)
    ]);
    expect(c.cheapest).toBe(1);
    expect(c.cheapestName).toBe('Per message');
    expect(c.rows.map((r) => [r.start, r.totals, r.cheapest])).toEqual([
      ['2026-01-01T00:00:00.000Z', ['15.00', '10.00', '80.00'], [1]],
      ['2026-02-01T00:00:00.000Z', ['15.00', '10.00', '80.00'], [1]],
      ['2026-03-01T00:00:00.000Z', ['15.00', '10.00', '80.00'], [1]],
    ]);
  });

  it('refuses plans of different currencies', () => {
    const eur = { ...flat15, currency: 'EUR' };
    expect(() => comparePlans([flat15, eur].map((p) => estimatePlan(table, p)))).toThrow(/plans\[1\].*EUR/);
  });
});

describe('explainDifference', () => {
  it('names the lines that make the difference; they add up to it exactly', () => {
    const taxed = plan('Taxed', { messages: { type: 'count' } }, [
      { id: 'base', label: 'Base fee', model: 'flat', amount: '10' },
      { id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.05' },
    ]);
    const withTax = { ...taxed, taxPercent: '10', discountPercent: '0' };
    const d = explainDifference(estimatePlan(table, flat15), estimatePlan(table, withTax), flat15.rounding);
    // Flat 15: 45.00. Taxed: 3 × (10 + 5) × 1.10 = 49.50.
    expect(d.difference).toBe('4.50');
    expect(d.lines).toEqual([
      { label: 'Base fee', a: '45.00', b: '30.00', difference: '-15.00' }, // equal sizes: by label
      { label: 'Messages', a: '0.00', b: '15.00', difference: '15.00' },
      { label: 'Tax', a: '0.00', b: '4.50', difference: '4.50' },
    ]);
  });
});

describe('multiplierCurve', () => {
  const curve = multiplierCurve(table, [perMessage, flat15, volume], [0.5, 1, 1.4, 1.6, 2]);

  it('prices each point from the measured usage; at 1x it equals the estimate', () => {
    expect(curve.points.map((p) => [p.multiplier, ...p.totals])).toEqual([
      [0.5, '15.00', '45.00', '15.00'],
      [1, '30.00', '45.00', '30.00'],
      [1.4, '42.00', '45.00', '42.00'],
      [1.6, '48.00', '45.00', '24.00'], // 160 messages: all at 0.05 (volume)
      [2, '60.00', '45.00', '30.00'],
    ]);
  });

  it('finds where plans cross and where a volume tier begins', () => {
    expect(curve.crossings).toEqual([
      { a: 0, b: 1, from: 1.4, to: 1.6 }, // per message passes the flat 15 (at 1.5x)
    ]); // the volume plan stays below the flat one, and leaves the per-message plan at its tier (equal before: no crossing)
    expect(curve.jumps.map((j) => [j.plan, j.charge, j.bound, j.multiplier])).toEqual([
      [2, 'vol', 150, 1.5], [2, 'vol', 150, 1.5], [2, 'vol', 150, 1.5],
    ]);
  });

  it('spaces 48 points on a log scale from 0.25 to 4, plus 1', () => {
    const m = multipliers();
    expect(m).toHaveLength(49);
    expect(m[0]).toBe(0.25);
    expect(m[48]).toBe(4);
    expect(m).toContain(1);
    expect(m[1] / m[0]).toBeCloseTo(m[48] / m[47], 5);
  });
});

describe('projectTco', () => {
  it('grows the last full cycle month by month (10%: 110, 121, 133.1 … messages at 0.10, each month rounded)', () => {
    const t = projectTco(table, perMessage, { months: 6, growthPercent: '10', spikes: [], numbers: 1, terms: { setupFee: '0', prepayDiscountPercent: '0', perNumberFee: '0' } });
    expect(t.baseCycleStart).toBe('2026-03-01T00:00:00.000Z');
    expect(t.months.map((m) => [m.month, m.planCost])).toEqual([
      ['2026-04', '11.00'], ['2026-05', '12.10'], ['2026-06', '13.31'], ['2026-07', '14.64'], ['2026-08', '16.11'], ['2026-09', '17.72'],
    ]);
    expect(t.total).toBe('84.88'); // 11.00 + 12.10 + 13.31 + 14.64 + 16.11 + 17.72
  });

  it('adds the setup fee once, the plan once-fees in month 1, the annual prepay discount and number fees', () => {
    const seat = plan('Seat', { messages: { type: 'count' } }, [
      { id: 'base', label: 'Base fee', model: 'flat', amount: '100' },
      { id: 'activation', label: 'Activation', model: 'flat', amount: '50', once: true },
      { id: 'extra', label: 'Extra messages', meter: 'messages', model: 'standard', unitPrice: '0.5', freeUnits: 100 },
    ]);
    const t = projectTco(table, seat, { months: 12, growthPercent: '0', spikes: [], numbers: 1, terms: { setupFee: '300', prepayDiscountPercent: '10', perNumberFee: '5' } });
    // Month 1: 300 setup + (150 − 15) + 5 = 440; months 2..12: 100 − 10 + 5 = 95. 440 + 11 × 95 = 1485.
    expect(t.months[0]).toMatchObject({ planCost: '150.00', prepayDiscount: '15.00', numberFees: '5.00', oneTime: '300.00', total: '440.00' });
    expect(t.months[1]).toMatchObject({ planCost: '100.00', prepayDiscount: '10.00', total: '95.00', cumulative: '535.00' });
    expect(t.total).toBe('1485.00');
    expect([t.setupFee, t.planCost, t.prepayDiscount, t.numberFees]).toEqual(['300.00', '1250.00', '125.00', '60.00']);
  });

  it('applies a campaign spike to its projected month', () => {
    const t = projectTco(table, perMessage, { months: 6, growthPercent: '0', spikes: [{ month: '2026-05', percent: '300' }], numbers: 1, terms: { setupFee: '0', prepayDiscountPercent: '0', perNumberFee: '0' } });
    expect(t.months.map((m) => m.planCost)).toEqual(['10.00', '40.00', '10.00', '10.00', '10.00', '10.00']);
  });

  it('refuses a horizon outside 6..24 months', () => {
    expect(() => projectTco(table, perMessage, { months: 36, growthPercent: '0', spikes: [], numbers: 1, terms: { setupFee: '0', prepayDiscountPercent: '0', perNumberFee: '0' } })).toThrow(/tco\.months/);
  });
});

describe('roi', () => {
  it('compares with the average month of a TCO projection, setup fee apart, to the cent', () => {
    const months = Array.from({ length: 3 }) as Tco['months']; // only their count matters here
    expect(monthlyPlanCost({ total: '1700.00', setupFee: '200', months })).toBe('500.00');
    expect(monthlyPlanCost({ total: '100.01', setupFee: '0', months })).toBe('33.34'); // 33.336… half-up
  });

  it('5 agents at 2,000 a month with a 25% gain save 2,500 against a 500 plan', () => {
    expect(roi({ agents: 5, monthlySalary: '2000', efficiencyGainPercent: '25', planMonthlyCost: '500', setupFee: '600' })).toEqual({
      monthlySaving: '2500.00', planMonthlyCost: '500.00', monthlyNet: '2000.00', roiPercent: '400.0', paybackMonths: '0.3', yearlyNet: '24000.00',
    });
  });
  it('has no payback when the plan costs more than it saves', () => {
    expect(roi({ agents: 1, monthlySalary: '1000', efficiencyGainPercent: '10', planMonthlyCost: '500', setupFee: '100' }).paybackMonths).toBeNull();
  });
});

describe('simulate', () => {
  it('compares on the knob-adjusted events and explains each plan against the cheapest', () => {
    const s = simulate(table, { plans: [flat15, perMessage], knobs: { ...NEUTRAL_KNOBS, scale: '2' }, timeZone: 'UTC', curve: [1, 2], tco: { months: 6, terms: [] } });
    expect(s.comparison.plans.map((p) => p.total)).toEqual(['45.00', '60.00']);
    expect(s.comparison.cheapestName).toBe('Flat 15');
    expect(s.differences[0]).toBeNull();
    expect(s.differences[1]?.difference).toBe('15.00');
    expect(s.curve?.points.map((p) => p.totals)).toEqual([['45.00', '60.00'], ['45.00', '120.00']]);
    expect(s.events).toEqual({ measured: 300, simulated: 600 });
    expect(s.tco?.[1].months[0].planCost).toBe('20.00');
  });
});

describe('simulate prices from one measurement per plan', () => {
  // Dated cards (usage split at 2026-02-15), tiers, seats and unique contacts: every kind of usage the curve and the
  // TCO reuse from the estimate's measurement.
  const dated = plan('Dated cards', { messages: { type: 'count', by: ['category'] } }, [
    { id: 'card', label: 'Messages', meter: 'messages', model: 'rate-card', cards: [
      { effectiveFrom: '2026-01-01', currency: 'USD', rates: { marketing: '0.20', utility: '0.03' } },
      { effectiveFrom: '2026-02-15', currency: 'USD', rates: { marketing: '0.25', utility: '0.02' } },
    ] },
  ]);
  const plans = [flat15, perMessage, volume, contactsAndSeats, dated];
  const terms = { setupFee: '100', prepayDiscountPercent: '5', perNumberFee: '3' };

  it.each([
    ['growth', { growthPercent: '20' }],
    ['scale and a spike', { scale: '1.7', spikes: [{ month: '2026-02', percent: '50' }] }],
    ['thinning, mix and extra agents', { scale: '0.6', mix: [{ from: 'marketing', to: 'utility', percent: '30' }], extraAgents: 2 }],
  ])('%s: estimates, curve and TCO equal estimatePlan, multiplierCurve and projectTco on the same resampled table', (_, k) => {
    const knobs = { ...NEUTRAL_KNOBS, ...k };
    const points = [0.5, 1, 1.5, 3];
    const s = simulate(table, { plans, knobs, timeZone: 'UTC', curve: points, tco: { months: 12, terms: plans.map(() => terms) } });
    const resampled = applyKnobs(table, knobs, 'UTC');
    expect(resampled.table.columns.length).toBe(s.events.simulated);
    const estimates = plans.map((p) => estimatePlan(resampled.table, p));
    expect(s.estimates).toEqual(estimates);
    expect(s.comparison).toEqual(comparePlans(estimates));
    expect(s.comparison.plans.map((p) => p.total)).toEqual(estimates.map((e) => e.total));
    expect(s.curve).toEqual(multiplierCurve(resampled.table, plans, points));
    expect(s.curve?.points[1].totals).toEqual(estimates.map((e) => e.total));
    const options = { months: 12, growthPercent: knobs.growthPercent, spikes: knobs.spikes, numbers: resampled.numbers, terms };
    expect(s.tco).toEqual(plans.map((p) => projectTco(resampled.table, p, options)));
  });

  it('estimatePlan is the pricing of measureForEstimate, with or without a running cycle', () => {
    const now = Date.parse('2026-03-20T00:00:00Z');
    for (const p of plans) {
      expect(estimateOfMeasured(measureForEstimate(table, p))).toEqual(estimatePlan(table, p));
      expect(estimateOfMeasured(measureForEstimate(table, p), { now })).toEqual(estimatePlan(table, p, { now }));
    }
  });
});

describe('parseScenario', () => {
  it('accepts a new scenario and names bad fields by path', () => {
    const ok = newScenario('Growth', ['shipped:seat-plan.json'], NEUTRAL_KNOBS);
    expect(parseScenario(JSON.parse(JSON.stringify(ok)))).toEqual({ ok: true, scenario: ok });
    const bad = parseScenario({ ...ok, knobs: { ...ok.knobs, spikes: [{ month: '2026-13', percent: '300' }] }, plans: ['seat.json'] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path).sort()).toEqual(['knobs.spikes[0].month', 'plans[0]']);
  });
});
