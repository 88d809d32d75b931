/**
 * Total cost against a usage multiplier (0.25x to 4x by default, log-spaced points): each plan is measured once and
 * priced at every point from its aggregates (scaled-pricing.ts), so the 48 points cost 48 pricings, not 48 passes.
 * Also: where two plans cross (between which points their order changes) and where a tier of a plan begins (the
 * multiplier at which a cycle's usage reaches a tier bound or the free units, exact from the measured usage).
 */
import { Dec, money, sumDecimals } from '../money';
import type { EventTable } from '../events';
import type { Plan } from '../plan/types';
import { measureForScaling, priceScaledCycle, scalesWithVolume, type MeasuredPlan } from './scaled-pricing';

export const DEFAULT_CURVE = { from: 0.25, to: 4, points: 48 } as const;

/** `points` multipliers from `from` to `to`, evenly spaced on a log scale, 1 included when it is in range. */
export const multipliers = (from = DEFAULT_CURVE.from, to = DEFAULT_CURVE.to, points: number = DEFAULT_CURVE.points): number[] => {
  if (!(from > 0 && to > from && points >= 2)) return [from];
  const out = Array.from({ length: points }, (_, k) => Number((from * (to / from) ** (k / (points - 1))).toPrecision(6)));
  if (from <= 1 && to >= 1 && !out.includes(1)) {
    out.push(1);
    out.sort((a, b) => a - b);
  }
  return out;
};

export type CurvePoint = { multiplier: number; totals: string[] };
/** Plans a and b change order between the multipliers `from` and `to` (at `from` a was cheaper, or equal). */
export type Crossing = { a: number; b: number; from: number; to: number };
/** A tier of `charge` starts at `multiplier` in the cycle starting `start` (usage there reaches `bound`). */
export type TierJump = { plan: number; charge: string; label: string; bound: number; multiplier: number; cycleStart: string };

export type Curve = { points: CurvePoint[]; crossings: Crossing[]; jumps: TierJump[] };

const totalAt = (m: MeasuredPlan, factor: number): string => {
  const totals = m.cycles.map((c, k) => new Dec(priceScaledCycle(m, c, factor, k === 0).total));
  return money(sumDecimals(totals), m.plan.rounding);
};

/** Tier bounds (in usage units, free units included) of a charge, where its price per unit changes. */
const boundsOf = (plan: Plan, chargeIndex: number): number[] => {
  const ch = plan.charges[chargeIndex];
  const free = ch.freeUnits ?? 0;
  const out = free > 0 ? [free] : [];
  if (ch.model === 'graduated' || ch.model === 'volume') {
    for (const t of ch.tiers) if (t.upTo !== null) out.push(free + t.upTo);
  }
  return out;
};

const jumpsOf = (m: MeasuredPlan, planIndex: number, range: { from: number; to: number }): TierJump[] => {
  const out: TierJump[] = [];
  m.plan.charges.forEach((ch, i) => {
    if (ch.meter === undefined || ch.quantity !== undefined) return;
    const meter = m.plan.meters[ch.meter];
    if (!meter || !scalesWithVolume(meter)) return;
    const bounds = boundsOf(m.plan, i);
    for (const c of m.cycles) {
      const u = m.usage.get(ch.meter)?.cycles[c];
      if (!u) continue;
      const quantities = u.keys.length > 0 ? u.keys.map((k) => k.quantity) : [u.total.quantity];
      for (const q of quantities) {
        if (!(q > 0)) continue;
        for (const bound of bounds) {
          const multiplier = bound / q;
          if (multiplier >= range.from && multiplier <= range.to) {
            out.push({ plan: planIndex, charge: ch.id, label: ch.label, bound, multiplier: Number(multiplier.toPrecision(4)), cycleStart: new Date(m.boundaries[c]).toISOString() });
          }
        }
      }
    }
  });
  return out.sort((a, b) => a.multiplier - b.multiplier);
};

/** The curve of each plan over the multipliers, on the table as given (apply the knobs first). */
export const multiplierCurve = (table: EventTable, plans: readonly Plan[], points: readonly number[] = multipliers()): Curve =>
  curveOfMeasured(plans.map((p) => measureForScaling(table, p)), points);

/** The curve from plans already measured (simulate.ts measures each plan once for the curve and the TCO). */
export const curveOfMeasured = (measured: readonly MeasuredPlan[], points: readonly number[] = multipliers()): Curve => {
  const plans = measured.map((m) => m.plan);
  const curve = points.map((multiplier) => ({ multiplier, totals: measured.map((m) => totalAt(m, multiplier)) }));
  const crossings: Crossing[] = [];
  for (let a = 0; a < plans.length; a++) {
    for (let b = a + 1; b < plans.length; b++) {
      for (let k = 1; k < curve.length; k++) {
        const before = new Dec(curve[k - 1].totals[a]).cmp(new Dec(curve[k - 1].totals[b]));
        const after = new Dec(curve[k].totals[a]).cmp(new Dec(curve[k].totals[b]));
        if (before * after < 0 || (before !== 0 && after === 0)) {
          crossings.push({ a, b, from: curve[k - 1].multiplier, to: curve[k].multiplier });
        }
      }
    }
  }
  const range = { from: points[0] ?? 0, to: points[points.length - 1] ?? 0 };
  return { points: curve, crossings, jumps: measured.flatMap((m, i) => jumpsOf(m, i, range)) };
};
