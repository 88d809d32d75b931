/**
 * The contract check of one client, period by period (tabuni seed case):
 * - cost = billable seconds / 60 × reference price per minute, rounded to the cent (half-up);
 * - revenue: flat = the monthly fee; per call = handled inbound calls × price per call; cost cap = the items (the cost
 *   at the reference price) up to the cap of the client's category: above it their quantities are zeroed and the cap
 *   is billed;
 * - flagged when cost > revenue × (1 + tolerance / 100); exactly at that bound is not flagged;
 * - proposal when flagged: flat = minutes × reference price rounded DOWN to a multiple of ten (the nearest ten in the
 *   client's favour); per call = minutes / calls × reference price rounded DOWN to the cent (the client's favour);
 *   either, when rounding down would not raise the current price, rounded UP to the cent instead (see `raised`);
 *   cost cap = the next category, or per-minute billing at the reference price beyond the last one (7 at most).
 */
import { Dec, type Big } from '../money';
import type { Contract, ContractCheck, PeriodCheck, PeriodUsage, Proposal, Period } from './types';

const cents = (v: Big): string => v.round(2, 1).toFixed(2);
const HUNDRED = new Dec(100);

/** Exact seconds (a JS sum of durations) as a decimal, to the millisecond. */
const secondsOf = (s: number): Big => new Dec(s.toFixed(3));

/** Rounds down to a multiple of ten: 437.99 -> 430 (never below zero). */
export const roundDownToTen = (v: Big): Big => v.div(10).round(0, 0).times(10);

/** Rounds down to the cent: 4.4466 -> 4.44. */
export const roundDownToCent = (v: Big): Big => v.round(2, 0);

/** The exact cost of the work: seconds × price / 60 (unrounded). */
const exactCost = (seconds: Big, price: Big): Big => seconds.times(price).div(60);

/**
 * The price rounded in the client's favour (down, to `step`), unless that would not raise the current price (a
 * rounding down to or below it: only possible with a small tolerance); then the exact value rounded up to the cent,
 * which is always above the current price because the period was flagged.
 */
const raised = (exact: Big, current: Big, down: (v: Big) => Big): { amount: string; rounding: 'down' | 'up-to-cent' } => {
  const d = down(exact);
  return d.gt(current) ? { amount: d.toFixed(2), rounding: 'down' } : { amount: exact.round(2, 3).toFixed(2), rounding: 'up-to-cent' };
};

const proposalFor = (contract: Contract, seconds: Big, calls: number, cost: Big): Proposal | null => {
  const price = new Dec(contract.referencePricePerMinute);
  const t = contract.terms;
  if (t.kind === 'flat') {
    const r = raised(exactCost(seconds, price), new Dec(t.monthlyFee), roundDownToTen);
    return { kind: 'flat', monthlyFee: r.amount, rounding: r.rounding };
  }
  if (t.kind === 'per-call') {
    if (calls === 0) return null;
    const r = raised(exactCost(seconds, price).div(calls), new Dec(t.pricePerCall), roundDownToCent);
    return { kind: 'per-call', pricePerCall: r.amount, rounding: r.rounding };
  }
  if (t.category < t.categories.length) {
    const cap = new Dec(t.categories[t.category]);
    return { kind: 'category', category: t.category + 1, cap: cap.toFixed(2), coversCost: cost.lte(cap) };
  }
  return { kind: 'per-minute', pricePerMinute: contract.referencePricePerMinute };
};

/** Handled minutes (2 decimals half-up) and, with a reference price, their cost (to the cent, half-up). */
export const usageFigures = (usage: PeriodUsage, referencePricePerMinute?: string): { minutes: string; cost: string | null } => {
  const seconds = secondsOf(usage.seconds);
  return {
    minutes: seconds.div(60).round(2, 1).toFixed(2),
    cost: referencePricePerMinute ? cents(exactCost(seconds, new Dec(referencePricePerMinute))) : null,
  };
};

/** Checks one period of a client's usage against the contract. */
export const checkPeriod = (contract: Contract, usage: PeriodUsage, period: Period, index: number): PeriodCheck => {
  const price = new Dec(contract.referencePricePerMinute);
  const tolerance = new Dec(contract.tolerancePercent);
  const seconds = secondsOf(usage.seconds);
  const cost = exactCost(seconds, price).round(2, 1);
  const t = contract.terms;
  let revenue: Big;
  let capped: boolean | undefined;
  let rule: string;
  if (t.kind === 'flat') {
    revenue = new Dec(t.monthlyFee);
    rule = `revenue = monthly fee ${cents(revenue)}`;
  } else if (t.kind === 'per-call') {
    revenue = new Dec(t.pricePerCall).times(usage.calls).round(2, 1);
    rule = `revenue = ${usage.calls} handled inbound calls × ${t.pricePerCall}`;
  } else {
    const cap = new Dec(t.categories[t.category - 1]);
    capped = cost.gt(cap);
    revenue = capped ? cap : cost;
    rule = capped
      ? `items ${cents(cost)} above the category ${t.category} cap ${cents(cap)}: quantities zeroed, the cap is billed`
      : `items ${cents(cost)} within the category ${t.category} cap ${cents(cap)}: billed as they are`;
  }
  const bound = revenue.times(HUNDRED.plus(tolerance)).div(HUNDRED);
  const margin = revenue.minus(cost);
  const flagged = cost.gt(bound);
  const status = flagged ? 'flagged' : cost.gt(revenue) ? 'loss-within-tolerance' : 'ok';
  const minutes = seconds.div(60);
  return {
    period: index,
    start: period.start,
    end: period.end,
    partial: period.partial,
    seconds: usage.seconds,
    minutes: minutes.round(2, 1).toFixed(2),
    calls: usage.calls,
    cost: cents(cost),
    revenue: cents(revenue),
    bound: cents(bound),
    margin: cents(margin),
    marginPercent: revenue.eq(0) ? null : margin.times(100).div(revenue).round(1, 1).toFixed(1),
    status,
    ...(capped !== undefined ? { capped } : {}),
    proposal: flagged ? proposalFor(contract, seconds, usage.calls, cost) : null,
    explanation: `cost = ${minutes.round(2, 1).toFixed(2)} min × ${contract.referencePricePerMinute} = ${cents(cost)}; ${rule}; `
      + `flagged when cost > revenue × (1 + ${tolerance.toFixed()} %) = ${cents(bound)}`,
  };
};

/** Checks every period of a client's usage (`usage` absent: no handled call, every period zero). */
export const checkContract = (
  contract: Contract,
  periods: readonly Period[],
  usage: { label: string; periods: readonly PeriodUsage[] } | undefined,
): ContractCheck => {
  const checks = periods.map((p, k) => checkPeriod(contract, usage?.periods[k] ?? { seconds: 0, calls: 0 }, p, k));
  return {
    contractName: contract.name,
    client: contract.client,
    clientLabel: usage?.label ?? contract.client,
    currency: contract.currency,
    kind: contract.terms.kind,
    periods: checks,
    flagged: checks.filter((c) => c.status === 'flagged').length,
  };
};
