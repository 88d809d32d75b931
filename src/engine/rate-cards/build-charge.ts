/**
 * Plan-side helpers for imported rate cards (e.g. Meta's rate-card CSV, read by src/import/rate-cards): turn cards
 * with their effective dates into a `rate-card` charge, or add them to an existing one. Pure: the caller validates
 * the resulting plan with `parsePlan` as usual.
 */
import type { DatedRateCard, RateCardCharge } from '../plan/types';
import { effectiveInstant } from './schedule';

/** A rate card as read from a file: rates by key ("BR:marketing"), its currency (ISO) when known, its markets. */
export type ImportedRateCard = { rates: Record<string, string>; currency: string | null; markets: string[] };

/** An imported card with the date from which it is in force. */
export type CardFrom = { effectiveFrom: string; card: ImportedRateCard; default?: string };

export type BuildChargeResult = { ok: true; charge: RateCardCharge } | { ok: false; message: string };

const datedCard = ({ effectiveFrom, card, default: fallback }: CardFrom): DatedRateCard => ({
  effectiveFrom,
  rates: { ...card.rates },
  ...(fallback !== undefined ? { default: fallback } : {}),
  ...(card.currency !== null ? { currency: card.currency } : {}),
});

const sortCards = (cards: DatedRateCard[], timeZone: string): BuildChargeResult | DatedRateCard[] => {
  const timed = cards.map((c) => ({ c, ms: effectiveInstant(c.effectiveFrom, timeZone) }));
  const bad = timed.find((t) => t.ms === null);
  if (bad) return { ok: false, message: `effectiveFrom '${bad.c.effectiveFrom}' is not an ISO date or date-time` };
  timed.sort((a, b) => a.ms! - b.ms!);
  for (let k = 1; k < timed.length; k++) {
    if (timed[k].ms === timed[k - 1].ms) {
      return { ok: false, message: `two cards take effect at the same instant ('${timed[k - 1].c.effectiveFrom}' and '${timed[k].c.effectiveFrom}')` };
    }
  }
  return timed.map((t) => t.c);
};

/** A new `rate-card` charge on `base.meter` from one or more cards, sorted by their effective instants in `timeZone`. */
export const rateCardCharge = (
  base: { id: string; label: string; meter: string; freeUnits?: number },
  cards: readonly CardFrom[],
  timeZone: string,
): BuildChargeResult => {
  if (cards.length === 0) return { ok: false, message: 'no cards given' };
  const sorted = sortCards(cards.map(datedCard), timeZone);
  if (!Array.isArray(sorted)) return sorted;
  return { ok: true, charge: { ...base, model: 'rate-card', cards: sorted } };
};

/**
 * `charge` with `cards` added; a card with the same `effectiveFrom` as an existing one replaces it. A charge with
 * plain `rates` becomes dated: its rates become a card from `ratesFrom` (required then).
 */
export const withCards = (
  charge: RateCardCharge,
  cards: readonly CardFrom[],
  timeZone: string,
  options: { ratesFrom?: string } = {},
): BuildChargeResult => {
  let existing: DatedRateCard[] = charge.cards ? [...charge.cards] : [];
  if (charge.rates !== undefined) {
    if (options.ratesFrom === undefined) {
      return { ok: false, message: `rate card '${charge.id}' has plain rates: say from when they apply (ratesFrom) to add dated cards` };
    }
    existing = [{ effectiveFrom: options.ratesFrom, rates: { ...charge.rates } }];
  }
  const added = cards.map(datedCard);
  const replaced = new Set(added.map((c) => c.effectiveFrom));
  const sorted = sortCards([...existing.filter((c) => !replaced.has(c.effectiveFrom)), ...added], timeZone);
  if (!Array.isArray(sorted)) return sorted;
  const { rates: _rates, cards: _cards, ...rest } = charge;
  return { ok: true, charge: { ...rest, cards: sorted } };
};
