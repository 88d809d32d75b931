import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../estimate/estimate';
import type { Plan } from '../plan/types';
import type { Rules } from '../rules/types';
import { buildTable, type EventInput } from '../testing/table-builder';
import { allocateEstimate } from './allocate-estimate';
import { planOf, repeat, rulesOf, TWO_CENTRES } from './test-helpers';

const amounts = (table: ReturnType<typeof buildTable>, plan: Plan, rules: Rules) =>
  allocateEstimate(table, plan, estimatePlan(table, plan), rules).centres.map((c) => [c.id, c.amount]);

describe('multiCentre: a distinct unit made up of events of several centres', () => {
  // Users at 10.00 each (4 users = 40.00). alice: sales at 09:00, support at 10:00 and 11:00 (table order differs
  // from time order); bob: sales; carol: no queue (unattributed); dave: sales + no queue (an attributed event wins).
  const plan = planOf({
    meters: { users: { type: 'unique', of: ['contact'] } },
    charges: [{ id: 'users', label: 'Users', meter: 'users', model: 'standard', unitPrice: '10' }],
  });
  const rows: EventInput[] = [
    { timestamp: '2025-03-03T11:00:00Z', contact: 'alice', queue: 'suporte' },
    { timestamp: '2025-03-03T09:00:00Z', contact: 'alice', queue: 'vendas' },
    { timestamp: '2025-03-03T10:00:00Z', contact: 'alice', queue: 'suporte' },
    { timestamp: '2025-03-04T10:00:00Z', contact: 'bob', queue: 'vendas' },
    { timestamp: '2025-03-05T10:00:00Z', contact: 'carol' },
    { timestamp: '2025-03-06T10:00:00Z', contact: 'dave' },
    { timestamp: '2025-03-06T11:00:00Z', contact: 'dave', queue: 'vendas' },
  ];
  const table = buildTable(rows);
  const policy = (multiCentre: string, unattributed = 'proportional') =>
    amounts(table, plan, rulesOf({ ...TWO_CENTRES, multiCentre, unattributed: { method: unattributed } }));

  it('even: alice is half sales, half support -> units 2.5 : 0.5 of 3 attributed -> 33.33, 6.67', () => {
    expect(policy('even')).toEqual([['sales', '33.33'], ['support', '6.67']]);
    expect(policy('even', 'separate')).toEqual([['sales', '25.00'], ['support', '5.00'], ['unattributed', '10.00']]);
    const line = allocateEstimate(table, plan, estimatePlan(table, plan), rulesOf(TWO_CENTRES)).cycles[0].lines[0];
    expect(line.parts.map((p) => p.units)).toEqual([2.5, 0.5]);
    expect(line).toMatchObject({ units: 4, unattributedUnits: 1 });
    expect(line.method).toBe('by users; 1 unattributed spread in proportion to the attributed units');
  });

  it('first / last: by event time, not table order -> 3 : 0 and 2 : 1', () => {
    expect(policy('first')).toEqual([['sales', '40.00'], ['support', '0.00']]);
    expect(policy('last')).toEqual([['sales', '26.67'], ['support', '13.33']]);
  });

  it('weighted: by events, alice 1 : 2 -> units 7/3 : 2/3 -> 31.11, 8.89', () => {
    expect(policy('weighted')).toEqual([['sales', '31.11'], ['support', '8.89']]);
  });
});

describe('shared cost: flat fees and true-ups', () => {
  // Base 100.00 flat; messages at 1.00: sales 30, support 10.
  const base = {
    meters: { messages: { type: 'count' } },
    charges: [
      { id: 'base', label: 'Base', model: 'flat', amount: '100' },
      { id: 'msgs', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '1' },
    ],
  };
  const table = buildTable([...repeat(30, { queue: 'vendas' }), ...repeat(10, { queue: 'suporte' })]);
  const plan = planOf(base);

  it('proportional to usage-based cost: 75 : 25 of the base; even: 50 : 50; fixed 1 : 3: 25 : 75', () => {
    expect(amounts(table, plan, rulesOf(TWO_CENTRES))).toEqual([['sales', '105.00'], ['support', '35.00']]);
    expect(amounts(table, plan, rulesOf({ ...TWO_CENTRES, shared: { method: 'even' } }))).toEqual([['sales', '80.00'], ['support', '60.00']]);
    const fixed = rulesOf({ ...TWO_CENTRES, shared: { method: 'fixed', weights: { sales: 1, support: '3' } } });
    expect(amounts(table, plan, fixed)).toEqual([['sales', '55.00'], ['support', '85.00']]);
  });

  it('R$100 over three equal centres: 33.34, 33.33, 33.33', () => {
    const flatOnly = planOf({ meters: {}, charges: [{ id: 'base', label: 'Base', model: 'flat', amount: '100' }] });
    const three = rulesOf({ centres: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], rules: [], shared: { method: 'even' } });
    expect(amounts(table, flatOnly, three)).toEqual([['a', '33.34'], ['b', '33.33'], ['c', '33.33']]);
    // proportional with no usage-based cost at all falls back to even
    expect(amounts(table, flatOnly, { ...three, shared: { method: 'proportional' } })).toEqual([['a', '33.34'], ['b', '33.33'], ['c', '33.33']]);
  });

  it('shares the minimum-spend true-up like other shared cost', () => {
    const minimum = planOf({ ...base, charges: [base.charges[1]], minimumSpend: '100' });
    const a = allocateEstimate(table, minimum, estimatePlan(table, minimum), rulesOf(TWO_CENTRES));
    expect(a.cycles[0].lines.map((l) => [l.charge, l.kind, l.parts.map((p) => p.amount)])).toEqual([
      ['msgs', 'usage', ['30.00', '10.00']],
      ['minimum-spend', 'shared', ['45.00', '15.00']],
    ]);
  });

  it('counts the separate unattributed centre in proportional shares', () => {
    const withStray = buildTable([...repeat(30, { queue: 'vendas' }), ...repeat(10, { queue: 'suporte' }), ...repeat(10, {})]);
    const sep = rulesOf({ ...TWO_CENTRES, unattributed: { method: 'separate' } });
    expect(amounts(withStray, plan, sep)).toEqual([['sales', '90.00'], ['support', '30.00'], ['unattributed', '30.00']]);
  });
});

describe('cap, discount and tax', () => {
  it('cap follows the capped lines; discount the subtotals; tax the subtotals after discount', () => {
    const plan = planOf({
      meters: { messages: { type: 'count' } },
      charges: [
        { id: 'base', label: 'Base', model: 'flat', amount: '10' },
        { id: 'msgs', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '1' },
      ],
      cap: { amount: '30', charges: ['msgs'] },
      discountPercent: '10',
      taxPercent: '5',
    });
    const table = buildTable([...repeat(30, { queue: 'vendas' }), ...repeat(10, { queue: 'suporte' })]);
    const estimate = estimatePlan(table, plan);
    expect(estimate.total).toBe('37.80'); // 10 + 40 - 10 = 40; -4.00; +1.80
    const a = allocateEstimate(table, plan, estimate, rulesOf(TWO_CENTRES));
    expect(a.cycles[0].lines.map((l) => [l.charge, l.kind, l.amount, l.parts.map((p) => p.amount)])).toEqual([
      ['base', 'shared', '10.00', ['7.50', '2.50']],
      ['msgs', 'usage', '40.00', ['30.00', '10.00']],
      ['cap', 'cap', '-10.00', ['-7.50', '-2.50']],
      ['discount', 'discount', '-4.00', ['-3.00', '-1.00']],
      ['tax', 'tax', '1.80', ['1.35', '0.45']],
    ]);
    expect(a.centres.map((c) => [c.id, c.amount, c.ratio])).toEqual([['sales', '28.35', '0.750000'], ['support', '9.45', '0.250000']]);
  });
});
