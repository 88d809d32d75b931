/**
 * `rate-card`: billable units × the rate of the line's key (the meter's `by` values joined with ':'), else the card's
 * default rate. With dated cards, the key's usage in a cycle arrives in parts, each priced by the card in force over
 * it (`cardSchedule`, rate-cards/schedule.ts); free units are deducted from the earliest parts first. A part with
 * billable units and no rate (nor default), or before the first card, is not priced here: it is returned in `missing`
 * for the caller to report (see estimate/pricing-error.ts).
 */
import { Dec, displayPrice, groupThousands, plainDecimal, ZERO, type Big } from '../money';
import { rateOnCard, type ScheduledCard } from '../rate-cards/schedule';
import type { PricedCharge, PricedStep } from './priced';

export { DEFAULT_RATE } from '../rate-cards/schedule';

/** Usage of one key over a stretch of the cycle where one card (null: no card yet) is in force. */
export type CardPart = { card: ScheduledCard | null; usage: Big };

export type RateCardPricing = { priced: PricedCharge; missing: { card: ScheduledCard | null; units: Big }[] };

const units = (b: Big): string => groupThousands(plainDecimal(b));

const which = (card: ScheduledCard, entry: string): string => {
  if (card.label === '') return entry === 'default' ? ' (default rate)' : ` (rate ${entry})`;
  return entry === 'default' ? ` (default rate, ${card.label})` : ` (${card.label})`;
};

/** Prices one key's parts (in time order) with `freeUnits` deducted from the earliest first. */
export const priceRateCard = (parts: readonly CardPart[], freeUnits: number | undefined, key: string, decimals: number): RateCardPricing => {
  let freeLeft = new Dec(freeUnits ?? 0);
  let usage = ZERO;
  let free = ZERO;
  let raw = ZERO;
  const steps: PricedStep[] = [];
  const missing: RateCardPricing['missing'] = [];
  let zeroStep: PricedStep | null = null;
  for (const part of parts) {
    usage = usage.plus(part.usage);
    const freeHere = part.usage.lt(freeLeft) ? part.usage : freeLeft;
    freeLeft = freeLeft.minus(freeHere);
    free = free.plus(freeHere);
    const billable = part.usage.minus(freeHere);
    const found = part.card ? rateOnCard(part.card, key) : null;
    if (!found) {
      if (billable.gt(0)) missing.push({ card: part.card, units: billable });
      continue;
    }
    const rate = new Dec(found.rate);
    const amount = billable.times(rate);
    const step = {
      description: `${units(billable)} × ${displayPrice(rate, decimals)}${which(part.card!, found.entry)}`,
      units: Number(billable),
      price: found.rate,
      amount: plainDecimal(amount),
    };
    if (billable.gt(0)) {
      steps.push(step);
      raw = raw.plus(amount);
    } else zeroStep ??= step;
  }
  if (steps.length === 0 && zeroStep && missing.length === 0) steps.push(zeroStep);
  const billable = usage.minus(free);
  const formula =
    missing.length > 0 && steps.length === 0
      ? `no rate for '${key}'`
      : steps.length === 0
        ? 'no usage'
        : steps.map((s) => s.description).join(' + ');
  return { priced: { usage, free, billable, raw, steps, formula }, missing };
};
