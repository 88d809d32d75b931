/**
 * The cards of a `rate-card` charge as a schedule in time: each card in force from its `effectiveFrom` instant (read
 * in the plan's time zone) until the next card's. A charge with plain `rates` is one card in force since always.
 * Pure: instants are computed once per estimate with luxon; per unit the work is a comparison against a few instants.
 */
import { DateTime } from 'luxon';
import type { DatedRateCard, RateCardCharge } from '../plan/types';

export const DEFAULT_RATE = 'default';

/** ISO date, or date-time to the minute, second or millisecond, with an optional `Z` or ±hh:mm offset. */
const EFFECTIVE_RE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Epoch ms at which a card given as `effectiveFrom` takes effect: a date is 00:00 of that day in `timeZone` (the first
 * instant of the day where DST skips midnight), a naive date-time is read in `timeZone`, an offset is honoured.
 * Null when the text is not such a date or the zone is unknown.
 */
export const effectiveInstant = (effectiveFrom: string, timeZone: string): number | null => {
  if (!EFFECTIVE_RE.test(effectiveFrom)) return null;
  const dt = DateTime.fromISO(effectiveFrom, { zone: timeZone });
  return dt.isValid ? dt.toMillis() : null;
};

export type ScheduledCard = {
  /** Position in `cards`, or -1 for a charge's plain `rates`. */
  index: number;
  /** Epoch ms from which the card is in force (-Infinity for plain `rates`). */
  fromMs: number;
  /** As written in the plan ('' for plain `rates`). */
  effectiveFrom: string;
  rates: Record<string, string>;
  /** The card's fallback rate: `default`, else `rates.default`. */
  fallback: string | undefined;
  /** Where its rates live in the plan, relative to the charge: 'rates' or 'cards[1].rates'. */
  ratesPath: string;
  /** For explanations: '' for plain `rates`, else 'card from 2026-07-01'. */
  label: string;
};

const scheduled = (card: DatedRateCard, index: number, timeZone: string): ScheduledCard => {
  const fromMs = effectiveInstant(card.effectiveFrom, timeZone);
  if (fromMs === null) throw new Error(`invalid effectiveFrom '${card.effectiveFrom}' (validate plans before pricing)`);
  return {
    index,
    fromMs,
    effectiveFrom: card.effectiveFrom,
    rates: card.rates,
    fallback: card.default ?? (Object.hasOwn(card.rates, DEFAULT_RATE) ? card.rates[DEFAULT_RATE] : undefined),
    ratesPath: `cards[${index}].rates`,
    label: `card from ${card.effectiveFrom}`,
  };
};

/** The charge's cards in time order (validation guarantees strictly increasing instants). */
export const cardSchedule = (charge: RateCardCharge, timeZone: string): ScheduledCard[] => {
  if (charge.cards) return charge.cards.map((c, i) => scheduled(c, i, timeZone));
  const rates = charge.rates ?? {};
  const fallback = Object.hasOwn(rates, DEFAULT_RATE) ? rates[DEFAULT_RATE] : undefined;
  return [{ index: -1, fromMs: -Infinity, effectiveFrom: '', rates, fallback, ratesPath: 'rates', label: '' }];
};

/** Position in `cards` of the card in force at `ts` (the last one starting at or before it), or -1 before the first. */
export const cardIndexAt = (cards: readonly ScheduledCard[], ts: number): number => {
  let k = -1;
  while (k + 1 < cards.length && cards[k + 1].fromMs <= ts) k++;
  return k;
};

/** The rate of `key` on a card and which entry gave it, or null when the card has neither the key nor a fallback. */
export const rateOnCard = (card: ScheduledCard, key: string): { rate: string; entry: string } | null => {
  if (Object.hasOwn(card.rates, key)) return { rate: card.rates[key], entry: key };
  if (card.fallback !== undefined) return { rate: card.fallback, entry: DEFAULT_RATE };
  return null;
};

/** Every instant (epoch ms, ascending, distinct) at which some dated card of the plan takes effect. */
export const cardChangeInstants = (charges: readonly { model: string }[], timeZone: string): number[] => {
  const out = new Set<number>();
  for (const charge of charges) {
    if (charge.model !== 'rate-card') continue;
    const c = charge as RateCardCharge;
    if (c.cards) for (const card of cardSchedule(c, timeZone)) out.add(card.fromMs);
  }
  return [...out].sort((a, b) => a - b);
};
