/**
 * Invoice lines of one cycle, each with its explanation. A charge on a meter with `by` yields one line per key seen
 * in the cycle (label suffixed " (key)", `key` set), each priced on its own (freeUnits apply per key); when no key was
 * seen it yields one zero-usage line without a key, so every charge shows in every cycle.
 */
import { priceFlat, priceUsage, type PricedCharge } from '../charges/price';
import { PRICE_SCALE } from '../events';
import type { KeyUsage, MeterUsage } from '../meters/measure';
import {
  Dec,
  displayPrice,
  groupThousands,
  money,
  plainDecimal,
  quantityToDecimal,
  roundDecimal,
  roundingRule,
  type Big,
  type Rounding,
} from '../money';
import type { Charge, Plan } from '../plan/types';
import type { MeasuredPlan } from './measure-plan';
import type { MissingRates } from './pricing-error';
import { priceRateCardLine } from './rate-card-line';
import type { EstimateLine, ExplanationMessage, LineExplanation } from './types';

/** Charge id of the line that lifts a cycle's subtotal to `minimumSpend`. */
export const MINIMUM_SPEND_CHARGE = 'minimum-spend';

export type LineContext = {
  plan: Plan;
  /** Usage per meter name, for this cycle. */
  usage: Map<string, MeterUsage>;
  cycle: number;
  /** True for the first cycle of the estimate (where `once` flat charges fall). */
  firstCycle: boolean;
  /** Where rate-card keys without a rate are reported (absent: such a key throws). */
  missing?: MissingRates;
  /** Usage per meter and cycle in parts between card changes, for rate cards with dated `cards`. */
  parts?: MeasuredPlan['parts'];
};

/** "1,234.50" from a rounded amount string. */
const showAmount = (amount: string): string => groupThousands(amount);

const amountText = (raw: Big, amount: string, rounding: Rounding): string =>
  raw.eq(new Dec(amount))
    ? showAmount(amount)
    : `${groupThousands(plainDecimal(raw))}, rounded to ${showAmount(amount)} (${roundingRule(rounding)})`;

/** A price as `displayPrice` shows it (at least `decimals` places), without grouping: a message parameter. */
const plainPrice = (x: Big, decimals: number): string => displayPrice(x, decimals).replace(/,/g, '');

/** The rounding parameters of a message, when the amount was rounded. */
const roundingParams = (raw: Big, amount: string, rounding: Rounding): Record<string, string> =>
  raw.eq(new Dec(amount)) ? {} : { raw: plainDecimal(raw), decimals: String(rounding.decimals), mode: rounding.mode };

const explain = (
  priced: PricedCharge,
  amount: string,
  rounding: Rounding,
  source: { meter?: string; filter?: string; key?: string; usage?: KeyUsage },
): LineExplanation => {
  const usageNumber = Number(priced.usage);
  const what = source.meter
    ? `${groupThousands(plainDecimal(priced.usage))} ${source.meter}${source.key !== undefined ? ` [${source.key}]` : ''}` +
      (source.filter ? ` (${source.filter})` : '')
    : `${groupThousands(plainDecimal(priced.usage))} (fixed quantity)`;
  const parts = [what];
  if (priced.free.gt(0)) parts.push(`${groupThousands(plainDecimal(priced.free))} free`);
  parts.push(`${groupThousands(plainDecimal(priced.billable))} billable = ${priced.formula} = ${amountText(priced.raw, amount, rounding)}`);
  const message: ExplanationMessage = {
    code: source.meter ? 'usage' : 'fixed',
    params: {
      quantity: plainDecimal(priced.usage),
      ...(source.meter ? { meter: source.meter } : {}),
      ...(source.key !== undefined ? { key: source.key } : {}),
      ...(source.filter ? { filter: source.filter } : {}),
      ...(priced.free.gt(0) ? { free: plainDecimal(priced.free) } : {}),
      billable: plainDecimal(priced.billable),
      formula: priced.formula,
      amount,
      ...roundingParams(priced.raw, amount, rounding),
    },
  };
  return {
    text: parts.join('; '),
    message,
    meter: source.meter,
    filter: source.filter || undefined,
    eventCount: source.usage?.eventCount ?? 0,
    sampleEvents: source.usage?.sampleEvents ?? [],
    usage: usageNumber,
    freeUnits: Number(priced.free),
    billableUnits: Number(priced.billable),
    steps: priced.steps,
    rounding: { raw: plainDecimal(priced.raw), rule: roundingRule(rounding) },
  };
};

const flatLine = (charge: Charge & { model: 'flat' }, plan: Plan): EstimateLine => {
  const priced = priceFlat(charge);
  const amount = money(priced.raw, plan.rounding);
  const fee = displayPrice(priced.raw, plan.rounding.decimals);
  const text = charge.once
    ? `One-time fee of ${fee} (first cycle of the estimate)`
    : `Flat fee of ${fee} each cycle`;
  return {
    charge: charge.id,
    label: charge.label,
    quantity: 1,
    amount,
    explanation: {
      text: priced.raw.eq(new Dec(amount)) ? text : `${text}, rounded to ${amount} (${roundingRule(plan.rounding)})`,
      message: { code: charge.once ? 'flat-once' : 'flat', params: { fee: plainPrice(priced.raw, plan.rounding.decimals), amount, ...roundingParams(priced.raw, amount, plan.rounding) } },
      eventCount: 0,
      sampleEvents: [],
      usage: 1,
      freeUnits: 0,
      billableUnits: 1,
      steps: priced.steps,
      rounding: { raw: plainDecimal(priced.raw), rule: roundingRule(plan.rounding) },
    },
  };
};

const priceLine = (charge: Charge, ctx: LineContext, usage: Big, key: string | undefined): PricedCharge =>
  charge.model === 'rate-card' ? priceRateCardLine(charge, ctx, usage, key) : priceUsage(charge, usage, ctx.plan.rounding.decimals);

/** The vendor's sum in micro-units as a rounded amount string. */
export const vendorMoney = (micros: number, rounding: Rounding): string =>
  money(new Dec(micros).div(PRICE_SCALE), rounding);

const usageLine = (charge: Charge, ctx: LineContext, usage: Big, source: Parameters<typeof explain>[3]): EstimateLine => {
  const { plan } = ctx;
  const priced = priceLine(charge, ctx, usage, source.key);
  const amount = money(priced.raw, plan.rounding);
  return {
    charge: charge.id,
    label: source.key !== undefined ? `${charge.label} (${source.key})` : charge.label,
    ...(source.key !== undefined ? { key: source.key } : {}),
    quantity: Number(priced.billable),
    amount,
    ...(source.usage?.vendorEvents ? { vendorAmount: vendorMoney(source.usage.vendorMicros ?? 0, plan.rounding) } : {}),
    explanation: explain(priced, amount, plan.rounding, source),
  };
};

/** The lines of one charge in one cycle (none for a `once` flat charge after the first cycle). */
export const chargeLines = (charge: Charge, ctx: LineContext): EstimateLine[] => {
  const { plan } = ctx;
  if (charge.model === 'flat') return charge.once && !ctx.firstCycle ? [] : [flatLine(charge, plan)];
  if (charge.meter === undefined) {
    return [usageLine(charge, ctx, quantityToDecimal(charge.quantity ?? 0), {})];
  }
  const measured = ctx.usage.get(charge.meter);
  if (!measured) throw new Error(`meter '${charge.meter}' was not measured`);
  const cycleUsage = measured.cycles[ctx.cycle];
  const base = { meter: charge.meter, filter: measured.filter };
  if (measured.by.length === 0 || cycleUsage.keys.length === 0) {
    return [usageLine(charge, ctx, quantityToDecimal(cycleUsage.total.quantity), { ...base, usage: cycleUsage.total })];
  }
  return cycleUsage.keys.map((k) =>
    usageLine(charge, ctx, quantityToDecimal(k.quantity), { ...base, key: k.key, usage: k }),
  );
};

/** The true-up line lifting `subtotal` to the plan's minimum spend, or null when not needed. */
export const minimumSpendLine = (plan: Plan, subtotal: Big): EstimateLine | null => {
  const minimum = roundDecimal(new Dec(plan.minimumSpend), plan.rounding);
  if (!subtotal.lt(minimum)) return null;
  const raw = minimum.minus(subtotal);
  const amount = money(raw, plan.rounding);
  const d = plan.rounding.decimals;
  return {
    charge: MINIMUM_SPEND_CHARGE,
    label: 'Minimum spend true-up',
    quantity: 1,
    amount,
    explanation: {
      text: `Subtotal ${displayPrice(subtotal, d)} is below the minimum spend of ${displayPrice(minimum, d)}: true-up of ${showAmount(amount)}`,
      message: { code: 'minimum-spend', params: { subtotal: plainPrice(subtotal, d), minimum: plainPrice(minimum, d), amount } },
      eventCount: 0,
      sampleEvents: [],
      usage: 1,
      freeUnits: 0,
      billableUnits: 1,
      steps: [{ description: 'minimum spend − subtotal', units: 1, price: plainDecimal(minimum), amount: plainDecimal(raw) }],
      rounding: { raw: plainDecimal(raw), rule: roundingRule(plan.rounding) },
    },
  };
};
