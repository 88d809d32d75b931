/**
 * One cycle's lines and totals: charge lines, the cap adjustment (cap.ts), the minimum-spend true-up, then
 * discount = round(subtotal × discountPercent / 100) and tax = round((subtotal − discount) × taxPercent / 100);
 * total = subtotal − discount + tax. Lines are rounded at the line; totals add rounded lines.
 */
import type { MeterUsage } from '../meters/measure';
import { Dec, money, roundDecimal, sumDecimals } from '../money';
import type { Plan } from '../plan/types';
import { applyCap } from './cap';
import { chargeLines, minimumSpendLine } from './lines';
import type { UsageParts } from './measure-plan';
import type { MissingRates } from './pricing-error';
import type { CapResult, EstimateLine } from './types';

export type CycleTotals = {
  lines: EstimateLine[];
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
  cap?: CapResult;
};

export const priceCycle = (
  plan: Plan,
  usage: Map<string, MeterUsage>,
  cycle: number,
  firstCycle: boolean,
  missing: MissingRates,
  parts?: UsageParts,
): CycleTotals => {
  const r = plan.rounding;
  const ctx = { plan, usage, cycle, firstCycle, missing, parts };
  const lines = plan.charges.flatMap((charge) => chargeLines(charge, ctx));
  const capped = applyCap(plan, lines);
  if (capped?.line) lines.push(capped.line);
  let subtotal = sumDecimals(lines.map((l) => new Dec(l.amount)));
  const trueUp = minimumSpendLine(plan, subtotal);
  if (trueUp) {
    lines.push(trueUp);
    subtotal = subtotal.plus(new Dec(trueUp.amount));
  }
  const discount = roundDecimal(subtotal.times(plan.discountPercent).div(100), r);
  const tax = roundDecimal(subtotal.minus(discount).times(plan.taxPercent).div(100), r);
  const total = subtotal.minus(discount).plus(tax);
  return {
    lines,
    subtotal: money(subtotal, r),
    discount: money(discount, r),
    tax: money(tax, r),
    total: money(total, r),
    ...(capped ? { cap: capped.result } : {}),
  };
};
