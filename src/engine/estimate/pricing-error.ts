/**
 * Errors found while pricing a valid plan against data, that validation could not see: today, a rate card with no
 * rate (and no `default`) for a key the data produced, or
 * units before the first of a charge's dated cards.
 *
 * `estimatePlan` prices every cycle first, collecting every missing key, then throws one `PricingError` listing them
 * all as `{ path, message }` issues, the same shape as plan validation issues (path `charges[i].rates`), so callers
 * show them like an invalid plan. `tryEstimatePlan` (estimate.ts) returns them as a value instead of throwing.
 * `name` is 'PricingError' so the error is recognisable after crossing a worker boundary.
 */
import type { PlanIssue } from '../plan/types';
import type { ScheduledCard } from '../rate-cards/schedule';
import { withCodes } from '../issue-codes';

export class PricingError extends Error {
  readonly issues: PlanIssue[];

  constructor(uncoded: PlanIssue[]) {
    // Each issue keeps its English message and gains the code the UI says it by (issue-codes.ts).
    const issues = withCodes(uncoded);
    const n = issues.length;
    super(`The plan cannot price this data: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}${n > 1 ? ` (${n} problems)` : ''}`);
    this.name = 'PricingError';
    this.issues = issues;
  }
}

export const isPricingError = (error: unknown): error is PricingError =>
  error instanceof PricingError ||
  (typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'PricingError' && Array.isArray((error as { issues?: unknown }).issues));

/**
 * Collects missing rates during an estimate: one issue per charge, card and key, in the order found. `card` is the
 * card that lacks the key (plain `rates`: path `charges[i].rates`; dated: `charges[i].cards[j].rates`), or null for
 * units before the first dated card (`first`), reported at `charges[i].cards[0].effectiveFrom`.
 */
export const missingRates = () => {
  const seen = new Map<string, PlanIssue>();
  return {
    add(chargeIndex: number, chargeId: string, key: string, card?: ScheduledCard | null, first?: ScheduledCard): void {
      const at = `charges[${chargeIndex}]`;
      let issue: PlanIssue;
      if (card === null) {
        issue = {
          path: `${at}.cards[0].effectiveFrom`,
          message: `key '${key}' has units before the first card of rate card '${chargeId}' (${first?.effectiveFrom ?? '?'}): no card is in force then`,
        };
      } else if (card === undefined || card.label === '') {
        issue = { path: `${at}.rates`, message: `no rate for key '${key}' in rate card '${chargeId}', and no 'default' rate` };
      } else {
        issue = {
          path: `${at}.${card.ratesPath}`,
          message: `no rate for key '${key}' in the ${card.label} of rate card '${chargeId}', and no 'default' rate`,
        };
      }
      const id = `${issue.path}\u0000${key}`;
      if (!seen.has(id)) seen.set(id, issue);
    },
    throwIfAny(): void {
      if (seen.size > 0) throw new PricingError([...seen.values()]);
    },
  };
};
export type MissingRates = ReturnType<typeof missingRates>;
