/**
 * The plan's cost cap (spec section 2, `cap`): when the lines of the capped charges add up to more than the cap in a
 * cycle, they are billed at the cap. The lines stay as priced (each keeps its explanation) and one negative
 * adjustment line, charge id `cap`, brings their sum down to the cap: totals and splits stay exact and the reader
 * sees both the usage and the cap. The cycle's `cap` result says whether the excess went beyond the tolerance.
 * The cap applies before the minimum spend, the discount and the tax.
 */
import { Dec, displayPrice, groupThousands, money, plainDecimal, roundDecimal, roundingRule, sumDecimals } from '../money';
import type { Plan } from '../plan/types';
import type { CapResult, EstimateLine } from './types';

/** Charge id of the adjustment line that brings capped charges down to the cap. */
export const CAP_CHARGE = 'cap';

export const applyCap = (plan: Plan, lines: readonly EstimateLine[]): { line: EstimateLine | null; result: CapResult } | null => {
  const cap = plan.cap;
  if (!cap) return null;
  const r = plan.rounding;
  const ids = new Set(cap.charges);
  const capped = lines.filter((l) => ids.has(l.charge));
  const charged = sumDecimals(capped.map((l) => new Dec(l.amount)));
  const limit = roundDecimal(new Dec(cap.amount), r);
  const tolerance = cap.tolerancePercent ?? '0';
  const applied = charged.gt(limit);
  const excess = applied ? charged.minus(limit) : new Dec(0);
  const beyondTolerance = charged.gt(limit.times(new Dec(tolerance).div(100).plus(1)));
  const result: CapResult = {
    charges: [...cap.charges],
    amount: money(limit, r),
    charged: money(charged, r),
    excess: money(excess, r),
    applied,
    tolerancePercent: tolerance,
    beyondTolerance,
  };
  if (!applied) return { line: null, result };
  const d = r.decimals;
  const pct = limit.gt(0) ? ` (${plainDecimal(excess.div(limit).times(100).round(1, 1))}% above` : ' (above';
  const text =
    `Capped charges (${cap.charges.join(', ')}) add up to ${displayPrice(charged, d)}, above the cap of ${displayPrice(limit, d)}: ` +
    `adjustment of -${groupThousands(money(excess, r))}${pct}; tolerance ${tolerance}%: ${beyondTolerance ? 'beyond' : 'within'} tolerance)`;
  const amount = money(excess.neg(), r);
  const line: EstimateLine = {
    charge: CAP_CHARGE,
    label: 'Cost cap adjustment',
    quantity: 1,
    amount,
    explanation: {
      text,
      message: {
        code: 'cap',
        params: {
          charges: cap.charges.join(', '), charged: money(charged, r), cap: money(limit, r), excess: money(excess, r),
          ...(limit.gt(0) ? { percent: plainDecimal(excess.div(limit).times(100).round(1, 1)) } : {}),
          tolerance, beyond: String(beyondTolerance),
        },
      },
      eventCount: 0,
      sampleEvents: [],
      usage: 1,
      freeUnits: 0,
      billableUnits: 1,
      steps: [{ description: 'cap − capped charges', units: 1, price: plainDecimal(limit), amount: plainDecimal(excess.neg()) }],
      rounding: { raw: plainDecimal(excess.neg()), rule: roundingRule(r) },
    },
  };
  return { line, result };
};
