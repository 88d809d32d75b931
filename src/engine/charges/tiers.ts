/**
 * Tiered charge models (spec section 2). Tiers have cumulative, inclusive `upTo` bounds (the last is null).
 * - graduated: each billable unit is priced in the tier it falls in; a tier's flat fee is added once usage enters the
 *   tier (usage above the previous bound), the first tier's also at zero usage.
 * - volume: every billable unit is priced at the tier the total falls in (the first tier whose bound is ≥ the total),
 *   plus that tier's flat fee (so zero usage costs the first tier's flat fee).
 * Free units are deducted first. Fractional usage is priced exactly.
 */
import { Dec, displayPrice, groupThousands, plainDecimal, ZERO, type Big } from '../money';
import type { GraduatedCharge, Tier, VolumeCharge } from '../plan/types';
import { deductFree, type PricedCharge, type PricedStep } from './priced';

const units = (b: Big): string => groupThousands(plainDecimal(b));

const tierName = (tiers: readonly Tier[], k: number): string => {
  const from = k === 0 ? 0 : tiers[k - 1].upTo!;
  const to = tiers[k].upTo;
  return to === null ? `above ${groupThousands(from)}` : k === 0 ? `up to ${groupThousands(to)}` : `${groupThousands(from)}-${groupThousands(to)}`;
};

const feeStep = (tiers: readonly Tier[], k: number, decimals: number): PricedStep | null => {
  const fee = tiers[k].flatFee;
  if (fee === undefined || new Dec(fee).eq(0)) return null;
  return { description: `flat fee of tier ${tierName(tiers, k)}: ${displayPrice(new Dec(fee), decimals)}`, units: 1, price: fee, amount: plainDecimal(new Dec(fee)) };
};

const unitStep = (tiers: readonly Tier[], k: number, n: Big, decimals: number): PricedStep => {
  const price = new Dec(tiers[k].unitPrice);
  return {
    description: `${units(n)} × ${displayPrice(price, decimals)} (tier ${tierName(tiers, k)})`,
    units: Number(n),
    price: tiers[k].unitPrice,
    amount: plainDecimal(n.times(price)),
  };
};

const total = (steps: readonly PricedStep[]): Big => steps.reduce((s, st) => s.plus(st.amount), ZERO);
const formulaOf = (steps: readonly PricedStep[]): string => (steps.length === 0 ? '0' : steps.map((s) => s.description).join(' + '));

export const priceGraduated = (charge: GraduatedCharge, usage: Big, decimals: number): PricedCharge => {
  const { free, billable } = deductFree(usage, charge.freeUnits);
  const steps: PricedStep[] = [];
  let previous = ZERO;
  charge.tiers.forEach((tier, k) => {
    if (k > 0 && !billable.gt(previous)) return;
    const bound = tier.upTo === null || billable.lte(tier.upTo) ? billable : new Dec(tier.upTo);
    const inTier = bound.minus(previous);
    if (inTier.gt(0)) steps.push(unitStep(charge.tiers, k, inTier, decimals));
    const fee = feeStep(charge.tiers, k, decimals);
    if (fee) steps.push(fee);
    if (tier.upTo !== null) previous = new Dec(tier.upTo);
  });
  return { usage, free, billable, raw: total(steps), steps, formula: formulaOf(steps) };
};

export const priceVolume = (charge: VolumeCharge, usage: Big, decimals: number): PricedCharge => {
  const { free, billable } = deductFree(usage, charge.freeUnits);
  const k = charge.tiers.findIndex((t) => t.upTo === null || billable.lte(t.upTo));
  const at = k < 0 ? charge.tiers.length - 1 : k;
  const steps: PricedStep[] = [];
  if (billable.gt(0)) {
    const step = unitStep(charge.tiers, at, billable, decimals);
    step.description = `${units(billable)} × ${displayPrice(new Dec(charge.tiers[at].unitPrice), decimals)} (all units at tier ${tierName(charge.tiers, at)})`;
    steps.push(step);
  }
  const fee = feeStep(charge.tiers, at, decimals);
  if (fee) steps.push(fee);
  return { usage, free, billable, raw: total(steps), steps, formula: formulaOf(steps) };
};
