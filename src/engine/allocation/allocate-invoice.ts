/**
 * `allocateInvoice`: an invoice total (what the vendor actually billed) split by the centres' shares of the rules'
 * `driver` meter, e.g. conversations: each centre's driver units over the selected events (distinct units counted per
 * cycle, as the meter does; multi-centre units per `multiCentre`), the units no rule claimed per the unattributed
 * policy (`proportional`: left out, so the others' shares grow in proportion; `centre`; `separate`). With no driver
 * units at all, the split falls back to the shared fallback (fixed weights, else even). Largest remainder to the cent.
 *
 * Invoice `lines` (optional) are split the same way, each to the cent; when they do not add up to the total, a
 * "Not itemised" line carries the difference. Lines naming a `charge` are compared with the estimate's lines of that
 * charge in the same cycles (`variance`). Throws when the rules do not fit the plan (see `checkRulesForPlan`) or the
 * total is not a decimal string.
 */
import type { EventTable } from '../events';
import { tryEstimatePlan } from '../estimate/estimate';
import type { Estimate } from '../estimate/types';
import { SAMPLE_SIZE } from '../meters/usage';
import { Dec, formatDecimal, groupThousands, isDecimalString, plainDecimal, type Big } from '../money';
import type { Plan } from '../plan/types';
import { checkRulesForPlan } from '../rules/parse-rules';
import type { Rules } from '../rules/types';
import { centreResults } from './allocate-estimate';
import { allocationContext, type AllocationContext } from './context';
import { ratioOf, splitByWeights } from './largest-remainder';
import type { Allocation, AllocationLine, LineVariance } from './types';
import { toIsoUtc } from '../time/cycles';

export type InvoiceLine = { label: string; amount: string; charge?: string };

export type InvoiceOptions = {
  /** Only events in [fromMs, toMs) count (default: every event of the table). */
  fromMs?: number;
  toMs?: number;
  lines?: InvoiceLine[];
  /** The estimate to compare lines with; default: `tryEstimatePlan(table, plan)` (no variance on pricing errors). */
  estimate?: Estimate;
};

const ZERO = new Dec(0);

/** Driver units per declared centre and unattributed (last), over the selected cycles, with samples. */
const driverUnits = (ctx: AllocationContext, driver: string): { units: Big[]; samples: number[][] } => {
  const k = ctx.centreCount;
  const units = Array.from({ length: k + 1 }, () => ZERO);
  const samples: number[][] = Array.from({ length: k + 1 }, () => []);
  for (const cycle of ctx.unitsOf(driver)) {
    for (const key of cycle.values()) {
      key.units.forEach((u, slot) => (units[slot] = units[slot].plus(u)));
      key.samples.forEach((list, slot) => samples[slot].push(...list));
    }
  }
  return { units, samples: samples.map((list) => list.sort((a, b) => a - b).slice(0, SAMPLE_SIZE)) };
};

const estimateOfCharge = (estimate: Estimate, charge: string, cycleStarts: Set<number>): Big =>
  estimate.cycles
    .filter((c) => cycleStarts.has(c.startMs))
    .flatMap((c) => c.lines.filter((l) => l.charge === charge))
    .reduce((s, l) => s.plus(l.amount), ZERO);

export const allocateInvoice = (
  table: EventTable,
  plan: Plan,
  rules: Rules,
  invoiceTotal: string,
  options: InvoiceOptions = {},
): Allocation => {
  const issues = checkRulesForPlan(rules, plan, 'invoice');
  if (issues.length > 0) throw new Error(issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  if (!isDecimalString(invoiceTotal)) throw new Error(`invoice total '${invoiceTotal}' is not a decimal string`);
  const driver = rules.driver as string;
  const ctx = allocationContext(table, plan, rules, options);
  const { output, centreCount: k, separate } = ctx;
  const r = plan.rounding;
  const total = new Dec(formatDecimal(new Dec(invoiceTotal), r));

  const { units, samples } = driverUnits(ctx, driver);
  const unattributed = units[k];
  const weights = separate ? [...units] : units.slice(0, k);
  const m = rules.unattributed;
  if (m.method === 'centre') {
    const x = rules.centres.findIndex((c) => c.id === m.centre);
    weights[x] = weights[x].plus(unattributed);
  }
  const fixed = rules.shared.method === 'fixed' ? rules.shared.weights : null;
  const noUnits = weights.every((w) => w.eq(0));
  const used = noUnits ? output.map((o) => (o.unattributed ? ZERO : new Dec(fixed ? (fixed[o.id] ?? 0) : 1))) : weights;
  const u = plainDecimal(unattributed);
  const method = noUnits
    ? `no ${driver} in the data: split ${fixed ? 'by fixed weights' : 'evenly'}`
    : `by ${driver}` + (unattributed.gt(0) ? `; ${groupThousands(u)} unattributed ${m.method === 'separate' ? 'kept separate' : m.method === 'centre' ? `given to ${m.centre}` : 'spread in proportion'}` : '');

  const given = options.lines ?? [];
  const listed = given.reduce((s, l) => s.plus(formatDecimal(new Dec(l.amount), r)), ZERO);
  const heads: InvoiceLine[] = given.length === 0 ? [{ label: 'Invoice total', amount: total.toFixed() }] : [...given];
  if (given.length > 0 && !listed.eq(total)) heads.push({ label: 'Not itemised', amount: total.minus(listed).toFixed() });
  const slotOf = (slot: number) => (output[slot].unattributed ? k : slot);
  const sums = output.map(() => ZERO);
  const lines: AllocationLine[] = heads.map((head) => {
    const amount = new Dec(formatDecimal(new Dec(head.amount), r));
    const parts = amount.eq(0) ? output.map(() => ZERO) : splitByWeights(amount, used, r.decimals);
    parts.forEach((p, slot) => (sums[slot] = sums[slot].plus(p)));
    return {
      charge: head.charge ?? 'invoice',
      label: head.label,
      kind: 'invoice',
      amount: formatDecimal(amount, r),
      meter: driver,
      units: Number(units.reduce((s, x) => s.plus(x), ZERO)),
      unattributedUnits: Number(unattributed),
      method,
      parts: output.map((o, slot) => ({
        centre: o.id,
        amount: formatDecimal(parts[slot], r),
        ratio: ratioOf(parts[slot], amount),
        units: Number(units[slotOf(slot)]),
        sampleEvents: samples[slotOf(slot)],
      })),
    };
  });

  const selected = new Set<number>();
  for (let i = 0; i < table.columns.length; i++) if (ctx.cycleOf[i] >= 0) selected.add(ctx.cycleOf[i]);
  const cycleList = [...selected].sort((a, b) => a - b);
  const startMs = cycleList.length > 0 ? ctx.boundaries[cycleList[0]] : NaN;
  const endMs = cycleList.length > 0 ? ctx.boundaries[cycleList[cycleList.length - 1] + 1] : NaN;
  const totalText = formatDecimal(total, r);
  const amounts = sums.map((x) => formatDecimal(x, r));
  const result = centreResults(ctx, amounts, totalText, (c) => selected.has(c));
  result.centres.forEach((c, slot) => (c.driverQuantity = Number(units[slotOf(slot)])));

  let variance: LineVariance[] | undefined;
  if (given.some((l) => l.charge !== undefined)) {
    const tried = options.estimate ? { ok: true as const, estimate: options.estimate } : tryEstimatePlan(table, plan);
    const starts = new Set(cycleList.map((c) => ctx.boundaries[c]));
    variance = given.map((l) => {
      const invoice = formatDecimal(new Dec(l.amount), r);
      if (l.charge === undefined || !tried.ok) return { label: l.label, ...(l.charge ? { charge: l.charge } : {}), invoice, estimate: null, variance: null, variancePercent: null };
      const est = estimateOfCharge(tried.estimate, l.charge, starts);
      const diff = new Dec(invoice).minus(est);
      return {
        label: l.label,
        charge: l.charge,
        invoice,
        estimate: formatDecimal(est, r),
        variance: formatDecimal(diff, r),
        variancePercent: est.eq(0) ? null : diff.div(est).times(100).round(2, 1).toFixed(2),
      };
    });
  }

  return {
    currency: plan.currency,
    total: totalText,
    basis: 'invoice',
    ...result,
    policies: { multiCentre: rules.multiCentre, shared: rules.shared, unattributed: rules.unattributed },
    driver: { meter: driver, quantity: Number(units.reduce((s, x) => s.plus(x), ZERO)), unattributedQuantity: Number(unattributed) },
    cycles: Number.isNaN(startMs)
      ? []
      : [
          {
            start: toIsoUtc(startMs),
            end: toIsoUtc(endMs),
            startMs,
            endMs,
            total: totalText,
            centres: output.map((o, slot) => ({ centre: o.id, amount: amounts[slot], ratio: ratioOf(sums[slot], total) })),
            lines,
          },
        ],
    ...(variance ? { variance } : {}),
  };
};
