/**
 * Profitability checks of client contracts (issue #6, the tabuni seed case in shared/notes/domain.md).
 *
 * A client is a cost centre of a rule set or a value of a text field (queue, cost_centre, channel …). Per client and
 * period (calendar month or billing cycle in a time zone) the engine counts the voice work handled for it and checks
 * the client's contract: what the work costs at the reference price per minute against what the contract earns.
 */
import type { StringField } from '../events';
import type { Rules } from '../rules/types';

/** How events are grouped into clients: by a field's values, or by the centres of a rule set. */
export type ClientsBy = { kind: 'field'; field: StringField } | { kind: 'rules'; rules: Rules };

/** Periods: calendar months (anchor day 1) or billing cycles from `anchorDay`, in `timeZone`. */
export type PeriodSpec = { kind: 'month'; timeZone: string } | { kind: 'cycle'; anchorDay: number; timeZone: string };

/** One period [start, end) in epoch ms; `partial` when the data does not cover all of it. */
export type Period = { start: number; end: number; partial: boolean };

/**
 * A client's voice work in one period. A handled call is an event of kind `call` with billable seconds (duration > 0).
 * `seconds` sums the billable seconds of every handled call (inbound and outbound: all of it is work done for the
 * client); `calls` counts the handled inbound calls (what a per-call price is paid for).
 */
export type PeriodUsage = { seconds: number; calls: number };

export type ClientUsage = {
  /** The field value or the centre id ('' = events with no value / no matching rule). */
  key: string;
  label: string;
  /** One entry per period of `UsageResult.periods`. */
  periods: PeriodUsage[];
};

export type UsageResult = {
  timeZone: string;
  periods: Period[];
  /** Clients with any handled call, by label; the no-value / unattributed bucket last (key ''). */
  clients: ClientUsage[];
};

/** Contract terms: the three kinds of the tabuni seed case. Amounts are decimal strings. */
export type ContractTerms =
  | { kind: 'flat'; monthlyFee: string }
  | { kind: 'per-call'; pricePerCall: string }
  /** Cost cap: `categories[k]` is the cap of category k + 1 (1..7, increasing); `category` is the client's. */
  | { kind: 'cost-cap'; category: number; categories: string[] };

export type ContractKind = ContractTerms['kind'];

/** A client contract (`"format": "tarifa.contract/1"`), as parsed. */
export type Contract = {
  format: 'tarifa.contract/1';
  name: string;
  /** The client's key: the field value or the centre id. */
  client: string;
  currency: string;
  /** What a handled minute costs (decimal string). */
  referencePricePerMinute: string;
  /** Tolerance in percent (decimal string, e.g. "10"). */
  tolerancePercent: string;
  terms: ContractTerms;
  contact?: { name?: string; email?: string };
};

export type ContractIssue = { path: string; message: string; code?: string; params?: Record<string, string> };
export type ParseContractResult = { ok: true; contract: Contract } | { ok: false; issues: ContractIssue[] };

export type ProposalRounding = 'down' | 'up-to-cent';

/** A proposed new price for a flagged period. */
export type Proposal =
  /**
   * Flat rate: minutes × reference price, rounded down to a multiple of ten (the client's favour); `rounding` is
   * 'up-to-cent' when rounding down would not have raised the current fee (then the exact cost rounded up to the cent).
   */
  | { kind: 'flat'; monthlyFee: string; rounding: ProposalRounding }
  /** Per call: minutes / calls × reference price, rounded down to the cent (the client's favour); `rounding` as for flat. */
  | { kind: 'per-call'; pricePerCall: string; rounding: ProposalRounding }
  /** Cost cap: the next category and its cap; `coversCost` says whether that cap reaches this period's cost. */
  | { kind: 'category'; category: number; cap: string; coversCost: boolean }
  /** Cost cap beyond the last category: billed per minute at the reference price. */
  | { kind: 'per-minute'; pricePerMinute: string };

/**
 * - `ok`: the contract earns at least the cost.
 * - `loss-within-tolerance`: cost > revenue, but cost <= revenue × (1 + tolerance).
 * - `flagged`: cost > revenue × (1 + tolerance); exactly at the bound is not flagged.
 */
export type CheckStatus = 'ok' | 'loss-within-tolerance' | 'flagged';

export type PeriodCheck = {
  period: number;
  start: number;
  end: number;
  partial: boolean;
  seconds: number;
  /** Handled minutes, 2 decimals half-up (display; money uses the exact seconds). */
  minutes: string;
  calls: number;
  /** seconds / 60 × reference price, 2 decimals half-up. */
  cost: string;
  /** What the contract earns in the period (flat fee; calls × price; the items up to the cap). */
  revenue: string;
  /** revenue × (1 + tolerance / 100), 2 decimals half-up: cost above it is flagged. */
  bound: string;
  /** revenue − cost. */
  margin: string;
  /** margin / revenue × 100, 1 decimal half-up; null when the revenue is zero. */
  marginPercent: string | null;
  status: CheckStatus;
  /** Cost cap: whether the items reached the cap (their quantities zeroed, the cap billed). */
  capped?: boolean;
  /** Present when flagged (null when no price can be proposed: per call without calls). */
  proposal: Proposal | null;
  /** Why: each number's rule in words, for the UI's explanation. */
  explanation: string;
};

export type ContractCheck = {
  contractName: string;
  client: string;
  clientLabel: string;
  currency: string;
  kind: ContractKind;
  periods: PeriodCheck[];
  /** Periods flagged. */
  flagged: number;
};
