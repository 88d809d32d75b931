/**
 * The cost-centre rules file (spec section 3, `"format": "tarifa.rules/1"`), as the engine sees it after `parseRules`.
 * Defaults are filled in by parsing: `multiCentre` "even", `shared` and `unattributed` `{ method: "proportional" }`,
 * a centre's `label` its id, a rule without `where` matches every event.
 */
import type { Filter, PlanIssue } from '../plan/types';

/** Id of the centre that holds unattributed cost when it is kept `separate`; reserved, no declared centre may use it. */
export const UNATTRIBUTED_CENTRE = 'unattributed';

export const MULTI_CENTRE_POLICIES = ['even', 'first', 'last', 'weighted'] as const;
/** How a billable unit made up of events of several centres is divided (spec: `multiCentre`). */
export type MultiCentrePolicy = (typeof MULTI_CENTRE_POLICIES)[number];

export type CostCentre = { id: string; label: string };

/** Rules are tried in order; the first whose `where` matches an event attributes it to `centre`. */
export type CentreRule = { centre: string; where?: Filter };

/** Cost no event carries (flat fees, fixed quantities, minimum-spend true-ups). `weights` are decimal strings by centre id. */
export type SharedPolicy =
  | { method: 'proportional' }
  | { method: 'even' }
  | { method: 'fixed'; weights: Record<string, string> };

/** Cost of units whose events matched no rule. */
export type UnattributedPolicy = { method: 'proportional' } | { method: 'centre'; centre: string } | { method: 'separate' };

export type Rules = {
  format: 'tarifa.rules/1';
  name?: string;
  description?: string;
  centres: CostCentre[];
  rules: CentreRule[];
  /** Meter (of the plan) counting a centre's share when an invoice total is split; checked against the plan. */
  driver?: string;
  multiCentre: MultiCentrePolicy;
  shared: SharedPolicy;
  unattributed: UnattributedPolicy;
};

export type RulesIssue = PlanIssue;

export type ParseRulesResult = { ok: true; rules: Rules } | { ok: false; issues: RulesIssue[] };
