import { describe, expect, it } from 'vitest';
import { parsePlan } from '../plan/validate';
import { checkRulesForPlan, parseRules } from './parse-rules';

const SPEC_EXAMPLE = {
  format: 'tarifa.rules/1',
  centres: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }],
  rules: [
    { centre: 'sales', where: { queue: ['vendas', 'sales*'] } },
    { centre: 'support', where: { queue: 'suporte' } },
  ],
  driver: 'conversations',
  multiCentre: 'even',
  shared: { method: 'proportional' },
  unattributed: { method: 'proportional' },
};

const issuesOf = (input: unknown) => {
  const r = parseRules(input);
  if (r.ok) throw new Error('expected issues');
  // The English text by path (each issue's code and parameters are tested in engine/issue-codes.test.ts).
  return r.issues.map(({ path, message }) => ({ path, message }));
};

describe('parseRules', () => {
  it('accepts the spec example as is', () => {
    const r = parseRules(SPEC_EXAMPLE);
    expect(r).toEqual({ ok: true, rules: SPEC_EXAMPLE });
  });

  it('fills defaults: label = id, multiCentre even, shared and unattributed proportional; a rule may omit where', () => {
    const r = parseRules({ format: 'tarifa.rules/1', centres: [{ id: 'ops' }], rules: [{ centre: 'ops' }] });
    expect(r).toEqual({
      ok: true,
      rules: {
        format: 'tarifa.rules/1',
        centres: [{ id: 'ops', label: 'ops' }],
        rules: [{ centre: 'ops' }],
        multiCentre: 'even',
        shared: { method: 'proportional' },
        unattributed: { method: 'proportional' },
      },
    });
  });

  it('names unknown fields and bad values with their paths', () => {
    expect(issuesOf({ ...SPEC_EXAMPLE, colour: 'red', centres: [{ id: 'a', lable: 'A' }] })).toEqual([
      { path: 'centres[0].lable', message: "unknown field 'lable'" },
      { path: 'colour', message: "unknown field 'colour'" },
    ]);
    expect(issuesOf({ ...SPEC_EXAMPLE, multiCentre: 'random', shared: { method: 'fixed' } })).toEqual([
      { path: 'multiCentre', message: "must be one of 'even', 'first', 'last', 'weighted'" },
      { path: 'shared.weights', message: 'is required' },
    ]);
    expect(issuesOf({ ...SPEC_EXAMPLE, format: 'tarifa.plan/1' })[0]).toEqual({ path: 'format', message: "must be 'tarifa.rules/1'" });
    expect(issuesOf([])).toEqual([{ path: '', message: 'a rules file must be a JSON object' }]);
  });

  it('checks ids: unique, not the reserved unattributed, and every reference to a declared centre', () => {
    expect(
      issuesOf({
        ...SPEC_EXAMPLE,
        centres: [{ id: 'sales' }, { id: 'sales' }, { id: 'unattributed' }],
        rules: [{ centre: 'support', where: { queue: 'x' } }],
        unattributed: { method: 'centre', centre: 'ops' },
      }),
    ).toEqual([
      { path: 'centres[1].id', message: "duplicate centre id 'sales' (also centres[0])" },
      { path: 'centres[2].id', message: "'unattributed' is reserved for cost that no rule attributes" },
      { path: 'rules[0].centre', message: "unknown centre 'support' (centres: sales)" },
      { path: 'unattributed.centre', message: "unknown centre 'ops' (centres: sales)" },
    ]);
  });

  it('checks where exactly like a plan filter, at the rule path', () => {
    expect(
      issuesOf({
        ...SPEC_EXAMPLE,
        rules: [
          { centre: 'sales', where: { queue: ['vendas', 3], hour: [8, 25] } },
          { centre: 'support', where: { colour: 'red', status: { not: { nope: 1 } } } },
        ],
      }),
    ).toEqual([
      { path: 'rules[0].where.queue[1]', message: 'must be a string, not number 3 (write "3")' },
      { path: 'rules[0].where.hour[1]', message: 'hour takes a whole number 0-23 or a [from, to] range, not 25' },
      { path: 'rules[1].where.status', message: 'must be a value, a list of values or { "not": … }' },
    ]);
    expect(
      issuesOf({ ...SPEC_EXAMPLE, rules: [{ centre: 'sales', where: { queue: ['vendas', 3], hour: [8, 25], colour: 'red' } }] }),
    ).toEqual([
      { path: 'rules[0].where.queue[1]', message: 'must be a string, not number 3 (write "3")' },
      { path: 'rules[0].where.hour[1]', message: 'hour takes a whole number 0-23 or a [from, to] range, not 25' },
      { path: 'rules[0].where.colour', message: "unknown field 'colour'" },
    ]);
  });

  it('checks fixed weights: declared centres, adding up to more than 0; numbers become decimal strings', () => {
    expect(issuesOf({ ...SPEC_EXAMPLE, shared: { method: 'fixed', weights: { sales: 0, ops: 2, support: '-1' } } })).toEqual([
      { path: 'shared.weights.support', message: 'must not be negative' },
    ]);
    expect(issuesOf({ ...SPEC_EXAMPLE, shared: { method: 'fixed', weights: { sales: 0, ops: 2 } } })).toEqual([
      { path: 'shared.weights.ops', message: "unknown centre 'ops' (centres: sales, support)" },
      { path: 'shared.weights', message: 'the weights of the declared centres must add up to more than 0' },
    ]);
    const r = parseRules({ ...SPEC_EXAMPLE, shared: { method: 'fixed', weights: { sales: 0.25, support: '3' } } });
    expect(r.ok && r.rules.shared).toEqual({ method: 'fixed', weights: { sales: '0.25', support: '3' } });
  });
});

describe('checkRulesForPlan', () => {
  const plan = parsePlan({
    format: 'tarifa.plan/1',
    name: 'Blip',
    currency: 'BRL',
    cycle: { anchorDay: 1, timeZone: 'America/Sao_Paulo' },
    meters: { users: { type: 'unique', of: ['contact'] } },
    charges: [],
  });
  if (!plan.ok) throw new Error('plan');
  const rules = parseRules(SPEC_EXAMPLE);
  if (!rules.ok) throw new Error('rules');

  it('needs the driver to be a meter of the plan, and a driver to split an invoice', () => {
    expect(checkRulesForPlan(rules.rules, plan.plan)).toMatchObject([
      { path: 'driver', message: "unknown meter 'conversations' in plan 'Blip' (meters: users)" },
    ]);
    expect(checkRulesForPlan({ ...rules.rules, driver: 'users' }, plan.plan, 'invoice')).toEqual([]);
    const { driver: _, ...noDriver } = rules.rules;
    expect(checkRulesForPlan(noDriver, plan.plan)).toEqual([]);
    expect(checkRulesForPlan(noDriver, plan.plan, 'invoice')).toMatchObject([
      { path: 'driver', message: 'is required to split an invoice total (meters: users)' },
    ]);
  });
});
