/**
 * Total cost of ownership over 6 to 24 months: the base cycle (the last complete cycle of the data, after the knobs)
 * is priced forward month by month with its usage grown by the monthly growth rate and the campaign spikes of each
 * month (scaled-pricing.ts: same plan, same tiers), plus the terms a plan file does not hold: a one-time setup fee in
 * the first month, an annual prepay discount on the plan's monthly cost, and a monthly fee per number.
 *
 * Month k (1..N) is the k-th month after the base cycle; its factor is (1 + g/100)^k × the spikes of its calendar
 * month. The plan's own `once` fees fall in month 1. The prepay discount applies to every month's plan cost (each
 * year prepaid, a last part-year too) and is rounded per month with the plan's rounding; number fees and the setup fee
 * are not discounted. A spike in the base cycle's own month is already in the base (choose later months).
 */
import { DateTime } from 'luxon';
import type { EventTable } from '../events';
import { Dec, money, roundDecimal, ZERO, type Big } from '../money';
import type { Plan } from '../plan/types';
import { addLocalDays } from '../time/cycles';
import { growthFactor, spikeFactor, type Spike } from './knobs';
import { SimulationError } from './resample';
import { measureForScaling, priceScaledCycle, type MeasuredPlan } from './scaled-pricing';

export const TCO_MONTHS = { min: 6, max: 24 } as const;

/** What a vendor charges beside the plan file's prices (decimal strings; "0" = none). */
export type TcoTerms = { setupFee: string; prepayDiscountPercent: string; perNumberFee: string };
export const NO_TERMS: TcoTerms = { setupFee: '0', prepayDiscountPercent: '0', perNumberFee: '0' };

export type TcoOptions = { months: number; growthPercent: string; spikes: Spike[]; numbers: number; terms: TcoTerms };

export type TcoMonth = {
  month: string;
  /** Usage of the base cycle × this. */
  factor: number;
  planCost: string;
  prepayDiscount: string;
  numberFees: string;
  oneTime: string;
  total: string;
  cumulative: string;
};

export type Tco = {
  plan: string;
  currency: string;
  baseCycleStart: string;
  months: TcoMonth[];
  setupFee: string;
  planCost: string;
  prepayDiscount: string;
  numberFees: string;
  total: string;
};

/** The last cycle the data covers from start to end (else the last cycle with events). */
export const baseCycleOf = (m: MeasuredPlan): number => {
  const { min, max } = m;
  const tz = m.plan.cycle.timeZone;
  for (let k = m.cycles.length - 1; k >= 0; k--) {
    const c = m.cycles[k];
    const startsLate = min >= addLocalDays(m.boundaries[c], 1, tz);
    const endsEarly = max < addLocalDays(m.boundaries[c + 1], -1, tz);
    if (!startsLate && !endsEarly) return c;
  }
  return m.cycles[m.cycles.length - 1] ?? -1;
};

const decimal = (value: string, path: string): Big => {
  try {
    const d = new Dec(value);
    if (d.lt(0)) throw new Error('negative');
    return d;
  } catch {
    throw new SimulationError(`${path}: '${value}' must be an amount of at least 0 (e.g. 500 or 12.50)`, path);
  }
};

export const projectTco = (table: EventTable, plan: Plan, options: TcoOptions): Tco =>
  tcoOfMeasured(measureForScaling(table, plan), options);

/** The projection from a plan already measured (on the table as given). */
export const tcoOfMeasured = (m: MeasuredPlan, options: TcoOptions): Tco => {
  const { months, terms } = options;
  const plan = m.plan;
  if (!Number.isInteger(months) || months < TCO_MONTHS.min || months > TCO_MONTHS.max) {
    throw new SimulationError(`tco.months: ${months} must be a whole number from ${TCO_MONTHS.min} to ${TCO_MONTHS.max}`, 'tco.months');
  }
  const setup = decimal(terms.setupFee, 'tco.setupFee');
  const discountPercent = decimal(terms.prepayDiscountPercent, 'tco.prepayDiscountPercent');
  if (discountPercent.gt(100)) throw new SimulationError('tco.prepayDiscountPercent: must be at most 100', 'tco.prepayDiscountPercent');
  const perNumber = decimal(terms.perNumberFee, 'tco.perNumberFee');
  const r = plan.rounding;
  const base = baseCycleOf(m);
  if (base < 0) throw new SimulationError('the dataset has no events to project from', 'dataset');
  const baseStart = DateTime.fromMillis(m.boundaries[base], { zone: plan.cycle.timeZone });
  const numberFees = roundDecimal(perNumber.times(options.numbers), r);

  let cumulative: Big = ZERO;
  const sums = { plan: ZERO, discount: ZERO, numbers: ZERO };
  const rows: TcoMonth[] = [];
  for (let k = 1; k <= months; k++) {
    const month = baseStart.plus({ months: k }).toFormat('yyyy-MM');
    let factor = growthFactor(options.growthPercent, k);
    for (const s of options.spikes) if (s.month === month) factor *= spikeFactor(s.percent);
    const planCost = new Dec(priceScaledCycle(m, base, factor, k === 1).total);
    const discount = roundDecimal(planCost.times(discountPercent).div(100), r);
    const oneTime = k === 1 ? setup : ZERO;
    const total = planCost.minus(discount).plus(numberFees).plus(oneTime);
    cumulative = cumulative.plus(total);
    sums.plan = sums.plan.plus(planCost);
    sums.discount = sums.discount.plus(discount);
    sums.numbers = sums.numbers.plus(numberFees);
    rows.push({
      month,
      factor: Number(factor.toPrecision(6)),
      planCost: money(planCost, r),
      prepayDiscount: money(discount, r),
      numberFees: money(numberFees, r),
      oneTime: money(oneTime, r),
      total: money(total, r),
      cumulative: money(cumulative, r),
    });
  }
  return {
    plan: plan.name,
    currency: plan.currency,
    baseCycleStart: new Date(m.boundaries[base]).toISOString(),
    months: rows,
    setupFee: money(setup, r),
    planCost: money(sums.plan, r),
    prepayDiscount: money(sums.discount, r),
    numberFees: money(sums.numbers, r),
    total: money(cumulative, r),
  };
};
