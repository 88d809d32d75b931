/**
 * `rate-card`: billable units × the rate of the line's key (the meter's `by` values joined with ':'), else the
 * `default` rate. A key with neither is not priced here: the caller reports it (see estimate/pricing-error.ts).
 */
import { Dec, displayPrice, groupThousands, plainDecimal } from '../money';
import type { RateCardCharge } from '../plan/types';
import { deductFree, type PricedCharge } from './priced';
import type { Big } from '../money';

export const DEFAULT_RATE = 'default';

/** The rate of `key` and which entry gave it, or null when the card has neither the key nor a default. */
export const rateFor = (charge: RateCardCharge, key: string): { rate: string; entry: string } | null => {
  if (Object.hasOwn(charge.rates, key)) return { rate: charge.rates[key], entry: key };
  if (Object.hasOwn(charge.rates, DEFAULT_RATE)) return { rate: charge.rates[DEFAULT_RATE], entry: DEFAULT_RATE };
  return null;
};

export const priceRateCard = (charge: RateCardCharge, usage: Big, key: string, decimals: number): PricedCharge | null => {
  const { free, billable } = deductFree(usage, charge.freeUnits);
  const found = rateFor(charge, key);
  if (!found) {
    if (!billable.gt(0)) return { usage, free, billable, raw: new Dec(0), steps: [], formula: 'no usage' };
    return null;
  }
  const rate = new Dec(found.rate);
  const raw = billable.times(rate);
  const which = found.entry === DEFAULT_RATE ? ' (default rate)' : ` (rate ${found.entry})`;
  const formula = `${groupThousands(plainDecimal(billable))} × ${displayPrice(rate, decimals)}${which}`;
  return { usage, free, billable, raw, steps: [{ description: formula, units: Number(billable), price: found.rate, amount: plainDecimal(raw) }], formula };
};
