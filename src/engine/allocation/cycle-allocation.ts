/**
 * One cycle of an estimate split over the centres, line by line, each line exact to the cent (largest remainder),
 * in an order that lets every later step lean on rounded earlier parts:
 * 1. usage lines: in proportion to the units of the line's meter (and key) each centre drove; units no rule claimed
 *    follow the unattributed policy: `separate` (their own centre), `centre` (added to one centre) or `proportional`
 *    (the line is split by the attributed units only; a line with only unattributed units is split like the
 *    centres' usage-based cost of step 1, else like the shared fallback);
 * 2. shared lines (flat fees, fixed quantities, usage lines with no units, then the minimum-spend true-up): by the
 *    shared policy: `proportional` to each centre's usage-based cost (step 1, the separate unattributed centre
 *    included), `even` over the declared centres, or `fixed` weights; `proportional` with no usage-based cost in the
 *    cycle falls back to even;
 * 3. the cap adjustment: like the capped charges' parts (a centre never gives back more than it was charged);
 * 4. discount like the centres' subtotals, tax like their subtotals after discount (so a centre's total is never
 *    below zero when its subtotal is not).
 * Parts add up to each line; the centres' totals add up to the cycle's total.
 */
import type { CycleEstimate, EstimateLine } from '../estimate/types';
import { CAP_CHARGE } from '../estimate/cap';
import { Dec, formatDecimal, groupThousands, plainDecimal, type Big } from '../money';
import type { AllocationContext } from './context';
import type { KeyCentreUnits } from './key-units';
import { ratioOf, splitByWeights } from './largest-remainder';
import type { AllocationLine, AllocationLineKind, CycleAllocation } from './types';

const ZERO = new Dec(0);
const sum = (xs: readonly Big[]): Big => xs.reduce((s, x) => s.plus(x), ZERO);
const isZero = (xs: readonly Big[]): boolean => sum(xs).eq(0);
const addInto = (acc: Big[], parts: readonly Big[]): void => parts.forEach((p, k) => (acc[k] = acc[k].plus(p)));

type Usage = { meter: string; units: KeyCentreUnits | undefined };
type Split = { kind: AllocationLineKind; method: string; parts: Big[]; usage?: Usage };

export const allocateCycle = (ctx: AllocationContext, cycle: CycleEstimate, c: number): CycleAllocation => {
  const { plan, rules, output, centreCount: k, separate } = ctx;
  const s = output.length;
  const d = plan.rounding.decimals;
  const zeros = (): Big[] => Array.from({ length: s }, () => ZERO);
  const charges = new Map(plan.charges.map((ch) => [ch.id, ch]));
  const even = output.map((o) => (o.unattributed ? ZERO : new Dec(1)));
  const fixed = rules.shared.method === 'fixed' ? output.map((o) => new Dec((rules.shared as { weights: Record<string, string> }).weights[o.id] ?? 0)) : null;
  const fallback = fixed ?? even;
  const fallbackText = fixed ? 'fixed weights' : 'evenly';
  const splits: (Split | undefined)[] = new Array(cycle.lines.length);
  const usageCost = zeros();

  const planCharge = (line: EstimateLine) => {
    const ch = charges.get(line.charge);
    return ch && (line.label === ch.label || line.label.startsWith(`${ch.label} (`)) ? ch : undefined;
  };
  const units = (line: EstimateLine, meter: string) => ctx.unitsOf(meter)[c]?.get(line.key ?? '');
  const slotUnits = (u: KeyCentreUnits | undefined): Big[] => {
    const all = u?.units ?? Array.from({ length: k + 1 }, () => ZERO);
    return separate ? all : all.slice(0, k);
  };
  const unattributedText = (n: Big): string => {
    const m = rules.unattributed;
    const what = `${groupThousands(plainDecimal(n))} unattributed`;
    if (m.method === 'separate') return `${what} kept separate`;
    if (m.method === 'centre') return `${what} given to ${rules.centres.find((x) => x.id === m.centre)?.label ?? m.centre}`;
    return `${what} spread in proportion to the attributed units`;
  };

  // 1. usage lines
  const deferred: number[] = [];
  const sharedLines: number[] = [];
  cycle.lines.forEach((line, j) => {
    const ch = planCharge(line);
    const meter = line.explanation.meter;
    if (!ch || ch.model === 'flat' || meter === undefined) return;
    const u = units(line, meter);
    const all = u?.units ?? [];
    const unattributed = all[k] ?? ZERO;
    if (isZero(all)) return void sharedLines.push(j);
    const weights = slotUnits(u);
    const m = rules.unattributed;
    if (m.method === 'centre') {
      const x = rules.centres.findIndex((cc) => cc.id === m.centre);
      weights[x] = weights[x].plus(unattributed);
    }
    if (isZero(weights)) return void deferred.push(j);
    const parts = splitByWeights(new Dec(line.amount), weights, d);
    addInto(usageCost, parts);
    const method = `by ${meter}` + (unattributed.gt(0) ? `; ${unattributedText(unattributed)}` : '');
    splits[j] = { kind: 'usage', method, parts, usage: { meter, units: u } };
  });
  const attributedCost = usageCost.map((x, slot) => (output[slot].unattributed ? ZERO : x));
  for (const j of deferred) {
    const line = cycle.lines[j];
    const meter = line.explanation.meter as string;
    const byCost = !isZero(attributedCost);
    const parts = splitByWeights(new Dec(line.amount), byCost ? attributedCost : fallback, d);
    const method = `by ${meter}; all units unattributed, spread ${byCost ? "in proportion to the centres' usage-based cost" : fallbackText}`;
    splits[j] = { kind: 'usage', method, parts, usage: { meter, units: units(line, meter) } };
  }
  for (const j of deferred) addInto(usageCost, splits[j]!.parts);

  // 2. shared lines
  const shared = (amount: Big): { parts: Big[]; method: string } => {
    if (rules.shared.method === 'proportional' && !isZero(usageCost)) {
      return { parts: splitByWeights(amount, usageCost, d), method: "shared in proportion to the centres' usage-based cost" };
    }
    const method = rules.shared.method === 'proportional' ? 'shared evenly (no usage-based cost in the cycle)' : `shared ${fallbackText}`;
    return { parts: splitByWeights(amount, fallback, d), method };
  };
  const capIds = new Set(plan.cap?.charges ?? []);
  const capLines: number[] = [];
  const trueUps: number[] = [];
  cycle.lines.forEach((line, j) => {
    if (splits[j] || sharedLines.includes(j)) return;
    const ch = planCharge(line);
    if (ch) sharedLines.push(j);
    else if (line.charge === CAP_CHARGE) capLines.push(j);
    else trueUps.push(j);
  });
  for (const j of sharedLines.sort((a, b) => a - b)) splits[j] = { kind: 'shared', ...shared(new Dec(cycle.lines[j].amount)) };

  // 3. cap adjustment, like the capped lines
  for (const j of capLines) {
    const capped = zeros();
    cycle.lines.forEach((line, i) => {
      if (splits[i] && capIds.has(line.charge) && planCharge(line)) addInto(capped, splits[i]!.parts);
    });
    const amount = new Dec(cycle.lines[j].amount);
    splits[j] = isZero(capped)
      ? { kind: 'cap', ...shared(amount) }
      : { kind: 'cap', method: `like the capped charges (${[...capIds].join(', ')})`, parts: splitByWeights(amount, capped, d) };
  }
  for (const j of trueUps) splits[j] = { kind: 'shared', ...shared(new Dec(cycle.lines[j].amount)) };

  const lines: AllocationLine[] = cycle.lines.map((line, j) => toLine(ctx, line, splits[j]!));
  const subtotal = zeros();
  for (const split of splits) addInto(subtotal, split!.parts);

  // 4. discount and tax
  const discount = new Dec(cycle.discount).neg();
  if (!discount.eq(0)) {
    const parts = isZero(subtotal) ? splitByWeights(discount, fallback, d) : splitByWeights(discount, subtotal, d);
    lines.push(toLine(ctx, { charge: 'discount', label: 'Discount', amount: discount }, { kind: 'discount', method: 'like the subtotal', parts }));
    addInto(subtotal, parts);
  }
  const tax = new Dec(cycle.tax);
  if (!tax.eq(0)) {
    const parts = isZero(subtotal) ? splitByWeights(tax, fallback, d) : splitByWeights(tax, subtotal, d);
    lines.push(toLine(ctx, { charge: 'tax', label: 'Tax', amount: tax }, { kind: 'tax', method: 'like the subtotal after discount', parts }));
    addInto(subtotal, parts);
  }

  const total = new Dec(cycle.total);
  return {
    start: cycle.start,
    end: cycle.end,
    startMs: cycle.startMs,
    endMs: cycle.endMs,
    total: cycle.total,
    centres: output.map((o, slot) => ({ centre: o.id, amount: formatDecimal(subtotal[slot], plan.rounding), ratio: ratioOf(subtotal[slot], total) })),
    lines,
  };
};

type LineHead = { charge: string; label: string; key?: string; amount: string | Big };

const toLine = (ctx: AllocationContext, line: LineHead, split: Split): AllocationLine => {
  const { output, centreCount: k, plan } = ctx;
  const amount = new Dec(line.amount);
  const u = split.usage?.units;
  const slotOfOutput = (slot: number) => (output[slot].unattributed ? k : slot);
  const unitsTotal = u ? sum(u.units) : ZERO;
  return {
    charge: line.charge,
    label: line.label,
    ...(line.key !== undefined ? { key: line.key } : {}),
    kind: split.kind,
    amount: formatDecimal(amount, plan.rounding),
    ...(split.usage ? { meter: split.usage.meter, units: Number(unitsTotal), unattributedUnits: Number(u?.units[k] ?? 0) } : {}),
    method: split.method,
    parts: output.map((o, slot) => ({
      centre: o.id,
      amount: formatDecimal(split.parts[slot], plan.rounding),
      ratio: ratioOf(split.parts[slot], amount),
      ...(split.usage ? { units: Number(u?.units[slotOfOutput(slot)] ?? 0) } : {}),
      sampleEvents: u?.samples[slotOfOutput(slot)] ?? [],
    })),
  };
};
