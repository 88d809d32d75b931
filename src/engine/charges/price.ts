/**
 * Charge models on aggregated usage (decimals throughout; usage arrives as an exact decimal).
 * - flat: `amount` each cycle (`once`: first cycle of the estimate only; the caller decides which cycle that is).
 * - standard: billable × unitPrice / per (per defaults to 1).
 * - package: ceil(billable / packageSize) × packagePrice.
 * - graduated, volume: tiers.ts; rate-card: rate-card.ts.
 * `freeUnits` are deducted first; billable never goes below zero. Amounts are raw (unrounded): the caller rounds.
 */
import { Dec, displayPrice, groupThousands, plainDecimal, ZERO, type Big } from '../money';
import { deductFree, type PricedCharge } from './priced';
import type { Charge, FlatCharge, PackageCharge, StandardCharge } from '../plan/types';
import { priceGraduated, priceVolume } from './tiers';

export { deductFree, type PricedCharge, type PricedStep } from './priced';

const fmtUnits = (b: Big): string => groupThousands(plainDecimal(b));

export const priceFlat = (charge: FlatCharge): PricedCharge => {
  const raw = new Dec(charge.amount);
  return {
    usage: new Dec(1),
    free: ZERO,
    billable: new Dec(1),
    raw,
    steps: [{ description: charge.once ? 'one-time fee' : 'flat fee per cycle', units: 1, price: charge.amount, amount: plainDecimal(raw) }],
    formula: '',
  };
};

export const priceStandard = (charge: StandardCharge, usage: Big, decimals: number): PricedCharge => {
  const { free, billable } = deductFree(usage, charge.freeUnits);
  const unitPrice = new Dec(charge.unitPrice);
  const per = charge.per ?? 1;
  const raw = billable.times(unitPrice).div(per);
  const price = displayPrice(unitPrice, decimals);
  const perText = per === 1 ? '' : ` per ${groupThousands(per)}`;
  return {
    usage,
    free,
    billable,
    raw,
    steps: [
      {
        description: `${fmtUnits(billable)} × ${price}${perText}`,
        units: Number(billable),
        price: charge.unitPrice,
        amount: plainDecimal(raw),
      },
    ],
    formula: `${fmtUnits(billable)} × ${price}${perText}`,
  };
};

export const pricePackage = (charge: PackageCharge, usage: Big, decimals: number): PricedCharge => {
  const { free, billable } = deductFree(usage, charge.freeUnits);
  const packages = billable.div(charge.packageSize).round(0, 3);
  const packagePrice = new Dec(charge.packagePrice);
  const raw = packages.times(packagePrice);
  const n = Number(packages);
  const formula = `${fmtUnits(packages)} package${n === 1 ? '' : 's'} of ${groupThousands(charge.packageSize)} at ${displayPrice(packagePrice, decimals)}`;
  return {
    usage,
    free,
    billable,
    raw,
    steps: [{ description: formula, units: n, price: charge.packagePrice, amount: plainDecimal(raw) }],
    formula,
  };
};

/**
 * Prices a usage-based charge (standard, package, graduated, volume). Rate cards need the line's key: see
 * `priceRateCard` (rate-card.ts), which callers use instead.
 */
export const priceUsage = (charge: Charge, usage: Big, decimals: number): PricedCharge => {
  switch (charge.model) {
    case 'graduated':
      return priceGraduated(charge, usage, decimals);
    case 'volume':
      return priceVolume(charge, usage, decimals);
    case 'standard':
      return priceStandard(charge, usage, decimals);
    case 'package':
      return pricePackage(charge, usage, decimals);
    case 'flat':
      return priceFlat(charge);
    default:
      throw new Error(`charge model '${charge.model}' is priced per key (priceRateCard)`);
  }
};
