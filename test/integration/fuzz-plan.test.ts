/**
 * Fuzz: the plan, rules and rate-card gates take any input (random JSON, mutated real files, 10,000-level nesting,
 * huge numbers, wrong types) and answer with a result and issues, never a thrown exception or a hang.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/engine/plan/validate';
import { parseRules } from '../../src/engine/rules/parse-rules';
import { readMetaRateCard } from '../../src/import/rate-cards/meta-csv';

const fixture = (path: string): string => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const PLANS = ['seat-plan', 'twilio-sms-voice', 'whatsapp-per-message', 'whatsapp-conversation-based', 'genesys-per-conversation']
  .map((name) => JSON.parse(readFileSync(new URL(`../../public/plans/${name}.json`, import.meta.url), 'utf8')) as unknown);
const RULES = JSON.parse(fixture('fixtures/split/blip-rules.json')) as unknown;

/** A plan/rules answer is clean when it is ok, or not ok with at least one issue of string path and message. */
const expectClean = (r: { ok: boolean; issues?: { path: string; message: string }[] }): void => {
  expect(typeof r.ok).toBe('boolean');
  if (!r.ok) {
    expect(r.issues!.length).toBeGreaterThan(0);
    for (const i of r.issues!) {
      expect(typeof i.path).toBe('string');
      expect(typeof i.message).toBe('string');
    }
  }
};

const nasty = fc.oneof(
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 1e-320, -0, 2 ** 53, 1.2345678901234568e29,
    '', ' ', '1e999', '99999999999999999999999999999.999999', '-1', 'NaN', '__proto__', 'constructor', 'toString',
    '\u0000', '\uD800', null, true, false, [], {}),
  fc.double(), fc.integer(), fc.string(), fc.boolean(),
);

/** Sets an own property, as JSON.parse does (a "__proto__" key is data, not the prototype). */
const put = (node: object, key: string, value: unknown): void => {
  Object.defineProperty(node, key, { value, enumerable: true, writable: true, configurable: true });
};

/** Sets `value` at a random path of a deep copy of `doc` (or adds a key there). */
const mutate = (doc: unknown, picks: number[], value: unknown, key: string): unknown => {
  const copy = structuredClone(doc) as Record<string, unknown>;
  let node: unknown = copy;
  for (const p of picks) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = keys[p % keys.length];
    const child = (node as Record<string, unknown>)[k];
    if (typeof child !== 'object' || child === null || p % 5 === 0) {
      put(node, p % 7 === 0 ? key : k, value);
      return copy;
    }
    node = child;
  }
  if (typeof node === 'object' && node !== null) put(node, key, value);
  return copy;
};

/** `{"not": {"not": … value}}` or `[[[…]]]` nested `depth` times, built without recursion. */
const deep = (depth: number, kind: 'not' | 'array' | 'object', leaf: unknown): unknown => {
  let v: unknown = leaf;
  for (let i = 0; i < depth; i++) v = kind === 'not' ? { not: v } : kind === 'array' ? [v] : { a: v };
  return v;
};

describe('fuzz: parsePlan', () => {
  it('answers random JSON with issues, never a throw', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => expectClean(parsePlan(v))), { numRuns: 500 });
  });

  it('answers mutated real plans (wrong types, huge numbers, odd keys) with a result, never a throw', () => {
    fc.assert(fc.property(
      fc.constantFrom(...PLANS), fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 })),
      fc.constantFrom('extra', 'not', 'where', 'tiers', 'upTo', '__proto__', 'constructor'),
      (plan, picks, value, key) => expectClean(parsePlan(mutate(plan, picks, value, key))),
    ), { numRuns: 600 });
  });

  it('answers 10,000 levels of nesting in a filter, a meter and the root with issues', () => {
    const plan = PLANS[0] as { meters: Record<string, Record<string, unknown>> };
    const meter = Object.keys(plan.meters)[0];
    for (const kind of ['not', 'array', 'object'] as const) {
      const withFilter = structuredClone(plan);
      withFilter.meters[meter].where = { contact: deep(10_000, kind, 'x') };
      const r = parsePlan(withFilter);
      expectClean(r);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.issues[0].message).toBe('nested more than 64 levels deep');
      expect(r.ok ? '' : r.issues[0].path).toMatch(new RegExp(`^meters\\.${meter}\\.where\\.contact`));
      expectClean(parsePlan({ ...plan, meters: deep(10_000, kind, 1) }));
      expectClean(parsePlan(deep(10_000, kind, 1)));
    }
  });

  it('checks a JSON text of 10,000 nested levels parsed as the app does', () => {
    const text = `${'{"not":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    expectClean(parsePlan(JSON.parse(text)));
  });
});

describe('fuzz: parseRules', () => {
  it('answers random JSON and mutated real rules with issues, never a throw', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => expectClean(parseRules(v))), { numRuns: 300 });
    fc.assert(fc.property(
      fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 })),
      fc.constantFrom('extra', 'not', 'where', 'weights', 'centre', '__proto__'),
      (picks, value, key) => expectClean(parseRules(mutate(RULES, picks, value, key))),
    ), { numRuns: 400 });
  });

  it('answers 10,000 levels of nesting in a rule filter with issues', () => {
    const rules = structuredClone(RULES) as { rules: { where?: unknown }[] };
    for (const kind of ['not', 'array', 'object'] as const) {
      rules.rules[0].where = { contact: deep(10_000, kind, 'x') };
      expectClean(parseRules(rules));
    }
  });
});

describe('fuzz: Meta rate-card CSV', () => {
  const real = fixture('fixtures/rate-cards/meta-pricing-usd-2026-10-01.csv');
  const expectCard = (r: ReturnType<typeof readMetaRateCard>): void => {
    expect(r.ok).toBe(r.issues.length === 0);
    for (const i of r.issues) {
      expect(Number.isInteger(i.line)).toBe(true);
      expect(typeof i.message).toBe('string');
    }
  };

  it('reads random text, truncated and spliced real cards with issues, never a throw', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (s) => expectCard(readMetaRateCard(s))), { numRuns: 300 });
    fc.assert(fc.property(
      fc.nat({ max: real.length }), fc.nat({ max: real.length }), fc.string({ maxLength: 30, unit: 'binary' }),
      (cut, at, junk) => {
        expectCard(readMetaRateCard(real.slice(0, cut)));
        expectCard(readMetaRateCard(`${real.slice(0, at)}${junk}${real.slice(at)}`));
      },
    ), { numRuns: 200 });
  });

  it('reads huge numbers, a 5 MB cell and only delimiters with issues', () => {
    const header = 'Market,Currency,Marketing,Utility,Authentication,Service\n';
    for (const rate of ['1e999', '9'.repeat(400), '-0.01', '0x10', 'Infinity', '1,000,000,000,000,000.123456789']) {
      expectCard(readMetaRateCard(`${header}Brazil,$US,${rate},0.01,0.01,0\n`));
    }
    expectCard(readMetaRateCard(`${header}Brazil,$US,${'7'.repeat(5_000_000)},0.01,0.01,0\n`));
    expectCard(readMetaRateCard(','.repeat(100_000)));
    expectCard(readMetaRateCard('\n\r,;\t"'.repeat(20_000)));
  });
});
