import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codeOfMessage } from './issue-codes';
import { issuesFromZod } from './plan/issues';
import { parsePlan } from './plan/validate';
import { checkRulesForPlan, parseRules } from './rules/parse-rules';
import { parseContract } from './profitability/contract';
import { parseScenario } from './simulate/scenario';

const zodIssues = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error('expected issues');
  return issuesFromZod(r.error);
};

describe('zod issues get a code and parameters beside their English message', () => {
  it('invalid_type: required, or the expected kind and what was given', () => {
    const s = z.strictObject({ a: z.string(), b: z.number(), c: z.array(z.string()), d: z.boolean() });
    expect(zodIssues(s, { b: 'x', c: {}, d: 3 })).toEqual([
      { path: 'a', message: 'is required', code: 'required' },
      { path: 'b', message: 'must be a number, not the string "x"', code: 'type', params: { expected: 'number', got: 'string', value: '"x"' } },
      { path: 'c', message: 'must be a list, not an object', code: 'type', params: { expected: 'array', got: 'object' } },
      { path: 'd', message: 'must be true or false, not number 3', code: 'type', params: { expected: 'boolean', got: 'number', value: '3' } },
    ]);
  });

  it('too_small and too_big with their bounds, strings and lists apart', () => {
    const s = z.strictObject({
      name: z.string().min(1), day: z.number().int().min(1).max(28), size: z.number().positive(),
      one: z.array(z.string()).min(1), two: z.array(z.string()).min(2), few: z.array(z.string()).max(1), under: z.number().lt(5),
    });
    expect(zodIssues(s, { name: '', day: 29, size: 0, one: [], two: ['a'], few: ['a', 'b'], under: 5 })).toEqual([
      { path: 'name', message: 'must not be empty', code: 'notEmpty' },
      { path: 'day', message: 'must be at most 28', code: 'max', params: { max: '28' } },
      { path: 'size', message: 'must be greater than 0', code: 'gt', params: { min: '0' } },
      { path: 'one', message: 'must have at least 1 item', code: 'minItem' },
      { path: 'two', message: 'must have at least 2 items', code: 'minItems', params: { min: '2' } },
      { path: 'few', message: 'must have at most 1 items', code: 'maxItems', params: { max: '1' } },
      { path: 'under', message: 'must be less than 5', code: 'lt', params: { max: '5' } },
    ]);
    expect(zodIssues(z.number().min(-100), -101)[0]).toMatchObject({ code: 'min', params: { min: '-100' } });
  });

  it('literals, enums, discriminated unions and unknown keys', () => {
    const s = z.strictObject({
      format: z.literal('tarifa.plan/1'), mode: z.enum(['up', 'down']),
      m: z.discriminatedUnion('type', [z.strictObject({ type: z.literal('a') }), z.strictObject({ type: z.literal('b') })]),
    });
    expect(zodIssues(s, { format: 'x', mode: 'sideways', m: { type: 'c' }, colour: 'red' })).toEqual([
      { path: 'format', message: "must be 'tarifa.plan/1'", code: 'oneValue', params: { value: 'tarifa.plan/1' } },
      { path: 'mode', message: "must be one of 'up', 'down'", code: 'oneOf', params: { options: "'up', 'down'" } },
      { path: 'm.type', message: `must be one of 'a', 'b', not the string "c"`, code: 'oneOfType', params: { options: "'a', 'b'", got: 'string', value: '"c"' } },
      { path: 'colour', message: "unknown field 'colour'", code: 'unknownField', params: { field: 'colour' } },
    ]);
  });

  it('custom refinements are coded by their wording, their message kept', () => {
    const s = z.strictObject({
      price: z.string().refine((v) => /^\d+(\.\d+)?$/.test(v), { message: 'must be a decimal string such as "12.50"' }),
      fee: z.string().refine((v) => !v.startsWith('-'), { message: 'must not be negative' }),
      odd: z.string().refine(() => false, { message: 'something no validator says' }),
    });
    expect(zodIssues(s, { price: '1,5', fee: '-1', odd: 'x' })).toEqual([
      { path: 'price', message: 'must be a decimal string such as "12.50"', code: 'decimalExample', params: { example: '12.50' } },
      { path: 'fee', message: 'must not be negative', code: 'notNegative' },
      { path: 'odd', message: 'something no validator says' },
    ]);
  });
});

describe('every validator gives each of its issues a code', () => {
  const plan = (more: Record<string, unknown>) => ({
    format: 'tarifa.plan/1', name: 'p', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' },
    meters: { msgs: { type: 'count' } }, charges: [], ...more,
  });
  const issuesOf = (r: { ok: boolean; issues?: { path: string; message: string; code?: string }[] }) => r.issues ?? [];

  it('plans: shape, cross-field rules, filters, tiers and rate cards', () => {
    const bad = [
      parsePlan([]),
      parsePlan(plan({ cycle: { anchorDay: 0, timeZone: 'Mars/Base' }, colour: 1 })),
      parsePlan(plan({ cycle: { anchorDay: 1, timeZone: 'Mars/Base' } })),
      parsePlan(plan({
        meters: {
          msgs: { type: 'count', where: { hour: [8, 25], price: 0.5, country: 3, colour: 'x', weekday: [1, 2, 3] }, by: ['agent', 'agent', 'bogus'] },
          s: { type: 'sum', field: 'agent' },
        },
        charges: [
          { id: 'a', label: 'A', model: 'flat', amount: '1', meter: 'msgs', quantity: 1, freeUnits: 1 },
          { id: 'a', label: 'B', model: 'standard', unitPrice: '0.1' },
          { id: 'c', label: 'C', model: 'standard', unitPrice: '0.1', meter: 'nope', quantity: 2 },
          { id: 'd', label: 'D', model: 'graduated', meter: 'msgs', tiers: [{ upTo: null, unitPrice: '1' }, { upTo: 5, unitPrice: '1' }] },
          { id: 'e', label: 'E', model: 'rate-card', meter: 'msgs' },
          { id: 'f', label: 'F', model: 'rate-card', meter: 'msgs', rates: { XX: '1' }, cards: [{ effectiveFrom: 'soon', rates: {} }] },
        ],
        cap: { amount: '1', charges: ['zz'] },
      })),
      parsePlan(plan({ charges: [{ id: 'a', label: 'A', model: 'standard', unitPrice: '-1', meter: 'msgs' }], discountPercent: '101' })),
    ].flatMap(issuesOf);
    expect(bad.length).toBeGreaterThan(15);
    expect(bad.filter((i) => i.code === undefined)).toEqual([]);
  });

  it('rules, contracts and scenarios (presets: import/mapping/issue-codes.test.ts)', () => {
    const rules = parseRules({
      format: 'tarifa.rules/1', centres: [{ id: 'a' }, { id: 'a' }, { id: 'unattributed' }],
      rules: [{ centre: 'zz', where: { hour: 30 } }], shared: { method: 'fixed', weights: { a: 0, q: 1 } },
    });
    const contract = parseContract({ format: 'tarifa.contract/1', name: '', currency: 'eur', referencePricePerMinute: '0', terms: { kind: 'cost-cap', category: 3, categories: ['2', '1'] } });
    const scenario = parseScenario({ format: 'x', growthPercent: '-200' });
    const all = [rules, contract, scenario, parseRules(7), parseContract(7)].flatMap(issuesOf);
    expect(all.length).toBeGreaterThan(10);
    expect(all.filter((i) => i.code === undefined)).toEqual([]);
    const plan1 = parsePlan(plan({}));
    if (!plan1.ok) throw new Error('plan');
    const okRules = parseRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [], driver: 'zz' });
    if (!okRules.ok) throw new Error(JSON.stringify(okRules.issues));
    expect(checkRulesForPlan(okRules.rules, plan1.plan)).toMatchObject([{ code: 'driverUnknown', params: { name: 'zz', plan: 'p', known: 'msgs' } }]);
  });

  it('recognises only whole wordings', () => {
    expect(codeOfMessage("unknown meter 'x' (meters: a, b)")).toEqual({ code: 'unknownMeterKnown', params: { name: 'x', known: 'a, b' } });
    expect(codeOfMessage('must not be negative, ever')).toBeUndefined();
  });
});
