/** A priced charge: usage, free and billable units, the unrounded amount and the steps that made it. */
import { Dec, ZERO, type Big } from '../money';

export type PricedStep = { description: string; units: number; price: string; amount: string };

export type PricedCharge = {
  usage: Big;
  free: Big;
  billable: Big;
  /** Unrounded amount. */
  raw: Big;
  steps: PricedStep[];
  /** How billable became the amount, e.g. "15 packages of 1,000 at 5.00"; '' for flat charges. */
  formula: string;
};

export const deductFree = (usage: Big, freeUnits: number | undefined): { free: Big; billable: Big } => {
  const free = new Dec(freeUnits ?? 0);
  const billable = usage.gt(free) ? usage.minus(free) : ZERO;
  return { free, billable };
};
