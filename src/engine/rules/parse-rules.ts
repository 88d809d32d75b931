/**
 * `parseRules`: the rules file's gate (spec section 3). Shape by the zod schema (schema.ts); each rule's `where` is
 * checked by the plan's own validation (a one-meter plan carrying that filter, its issue paths moved to the rule), so
 * rules and meters accept exactly the same filters; then the cross-field rules: centre ids unique and not the
 * reserved `unattributed`, rules and the unattributed policy naming declared centres, fixed weights naming declared
 * centres and adding up to more than zero. `checkRulesForPlan` checks what needs the plan (the `driver` meter).
 */
import { Dec } from '../money';
import { tooDeepAt, tooDeepMessage } from '../plan/depth';
import { formatPath, issuesFromZod } from '../plan/issues';
import { coded } from '../issue-codes';
import type { Filter, Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { rulesSchema, type RawRules } from './schema';
import { UNATTRIBUTED_CENTRE, type ParseRulesResult, type Rules, type RulesIssue } from './types';

type Path = (string | number)[];

const PROBE_PREFIX = 'meters.m.where';

/**
 * Issues of `where` as a plan meter filter, at `path` (e.g. rules[1].where.queue[0]); extra fields (`col:<header>`,
 * engine/events.ts) are checked as text fields there.
 */
const filterIssues = (where: Record<string, unknown>, path: Path): RulesIssue[] => {
  const probe = parsePlan({
    format: 'tarifa.plan/1',
    name: 'rules',
    currency: 'XXX',
    cycle: { anchorDay: 1, timeZone: 'UTC' },
    meters: { m: { type: 'count', where } },
    charges: [],
  });
  if (probe.ok) return [];
  const at = formatPath(path);
  return probe.issues.map((issue) => ({
    ...issue,
    path: issue.path.startsWith(PROBE_PREFIX) ? at + issue.path.slice(PROBE_PREFIX.length) : at,
  }));
};

const listOf = (ids: readonly string[]): string => ids.join(', ');

const checkRules = (raw: RawRules): RulesIssue[] => {
  const issues: RulesIssue[] = [];
  const report = (path: Path, message: string) => issues.push(coded(formatPath(path), message));
  const firstIndexOf = new Map<string, number>();
  raw.centres.forEach((c, i) => {
    const earlier = firstIndexOf.get(c.id);
    if (c.id === UNATTRIBUTED_CENTRE) {
      report(['centres', i, 'id'], `'${UNATTRIBUTED_CENTRE}' is reserved for cost that no rule attributes`);
    } else if (earlier !== undefined) report(['centres', i, 'id'], `duplicate centre id '${c.id}' (also centres[${earlier}])`);
    else firstIndexOf.set(c.id, i);
  });
  const ids = [...firstIndexOf.keys()];
  const unknown = (id: string) => `unknown centre '${id}' (centres: ${listOf(ids)})`;
  raw.rules.forEach((rule, i) => {
    if (!firstIndexOf.has(rule.centre)) report(['rules', i, 'centre'], unknown(rule.centre));
    if (rule.where) issues.push(...filterIssues(rule.where, ['rules', i, 'where']));
  });
  const { shared, unattributed } = raw;
  if (unattributed.method === 'centre' && !firstIndexOf.has(unattributed.centre)) {
    report(['unattributed', 'centre'], unknown(unattributed.centre));
  }
  if (shared.method === 'fixed') {
    let sum = new Dec(0);
    for (const [id, w] of Object.entries(shared.weights)) {
      if (!firstIndexOf.has(id)) report(['shared', 'weights', id], unknown(id));
      else sum = sum.plus(new Dec(w));
    }
    if (!sum.gt(0)) report(['shared', 'weights'], 'the weights of the declared centres must add up to more than 0');
  }
  return issues;
};

const normalise = (raw: RawRules): Rules => {
  const shared: Rules['shared'] =
    raw.shared.method === 'fixed'
      ? { method: 'fixed', weights: Object.fromEntries(Object.entries(raw.shared.weights).map(([id, w]) => [id, new Dec(w).toFixed()])) }
      : raw.shared;
  return {
    format: raw.format,
    ...(raw.name !== undefined ? { name: raw.name } : {}),
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    centres: raw.centres.map((c) => ({ id: c.id, label: c.label ?? c.id })),
    rules: raw.rules.map((r) => (r.where ? { centre: r.centre, where: r.where as Filter } : { centre: r.centre })),
    ...(raw.driver !== undefined ? { driver: raw.driver } : {}),
    multiCentre: raw.multiCentre,
    shared,
    unattributed: raw.unattributed,
  };
};

/** Validates an untrusted rules file (parsed JSON). Issues come in document order, each with a path and a plain message. */
export const parseRules = (input: unknown): ParseRulesResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [coded('', 'a rules file must be a JSON object')] };
  }
  const deepAt = tooDeepAt(input);
  if (deepAt !== null) return { ok: false, issues: [coded(deepAt, tooDeepMessage)] };
  const parsed = rulesSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const issues = checkRules(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, rules: normalise(parsed.data) };
};

/**
 * What the rules need from the plan they split: the `driver` names one of its meters; splitting an invoice total
 * (`basis: 'invoice'`) needs a driver.
 */
export const checkRulesForPlan = (rules: Rules, plan: Plan, basis: 'estimate' | 'invoice' = 'estimate'): RulesIssue[] => {
  const meters = Object.keys(plan.meters);
  if (rules.driver === undefined) {
    return basis === 'invoice' ? [coded('driver', `is required to split an invoice total (meters: ${listOf(meters)})`)] : [];
  }
  if (!(rules.driver in plan.meters)) {
    return [coded('driver', `unknown meter '${rules.driver}' in plan '${plan.name}' (meters: ${listOf(meters)})`)];
  }
  return [];
};
