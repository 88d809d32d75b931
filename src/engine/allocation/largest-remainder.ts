/**
 * Exact splits to the cent: an amount divided in proportion to weights, each part rounded down to the plan's
 * decimals, the cents left over going one by one to the parts with the largest remainders (ties to the earlier part,
 * i.e. centre order). The parts always add up to the amount exactly; a part whose weight is 0 gets exactly 0
 * (a zero remainder never receives a leftover cent while a positive one is waiting: the leftover is less than the
 * number of positive remainders).
 */
import { Dec, type Big } from '../money';

const ZERO = new Dec(0);

/** Decimals of the ratios in results: display only; amounts are what add up exactly. */
export const RATIO_DECIMALS = 6;

/** Rounds toward minus infinity to a whole number. */
const floor = (x: Big): Big => x.round(0, x.lt(0) ? 3 : 0);

/**
 * `amount` (a decimal with at most `decimals` places) split by `weights`. The weights must not add up to 0
 * (callers choose a fallback first). Weights may be any decimals; the parts' signs follow the weights'.
 */
export const splitByWeights = (amount: Big, weights: readonly Big[], decimals: number): Big[] => {
  const total = weights.reduce((s, w) => s.plus(w), ZERO);
  if (total.eq(0)) throw new Error('cannot split by weights that add up to 0');
  const scale = new Dec(10).pow(decimals);
  const units = amount.times(scale);
  if (!units.eq(floor(units))) throw new Error(`amount ${amount.toFixed()} has more than ${decimals} decimals`);
  const shares = weights.map((w) => units.times(w).div(total));
  const parts = shares.map(floor);
  const remainders = shares.map((s, k) => s.minus(parts[k]));
  let leftover = Number(units.minus(parts.reduce((s, p) => s.plus(p), ZERO)));
  const order = weights.map((_, k) => k);
  if (leftover > 0) {
    order.sort((a, b) => remainders[b].cmp(remainders[a]) || a - b);
    for (let j = 0; leftover > 0; j = (j + 1) % order.length, leftover--) parts[order[j]] = parts[order[j]].plus(1);
  } else if (leftover < 0) {
    order.sort((a, b) => remainders[a].cmp(remainders[b]) || b - a);
    for (let j = 0; leftover < 0; j = (j + 1) % order.length, leftover++) parts[order[j]] = parts[order[j]].minus(1);
  }
  return parts.map((p) => p.div(scale));
};

/** `splitByWeights` when the weights may all be 0: then `fallback` weights are used (they must not add up to 0). */
export const splitOrFallback = (amount: Big, weights: readonly Big[], fallback: readonly Big[], decimals: number): Big[] => {
  const total = weights.reduce((s, w) => s.plus(w), ZERO);
  if (amount.eq(0)) return weights.map(() => ZERO);
  return splitByWeights(amount, total.eq(0) ? fallback : weights, decimals);
};

/** part / total with `digits` decimals (half-up); 0 when the total is 0; never "-0.000000". */
export const ratioOf = (part: Big, total: Big, digits = RATIO_DECIMALS): string => {
  const s = (total.eq(0) ? ZERO : part.div(total)).round(digits, 1).toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
};
