/**
 * Estimate timings on a table already in memory, shared by both halves of the bench (Node: a table built by importCsv
 * from the bench file; Chromium: the dataset importFile stored, loaded from IndexedDB before timing). No Node or DOM
 * imports: this module is bundled into the bench worker.
 *
 * For each plan: estimatePlan, best of `repeat` (the plan is validated once, outside the timing; runs round-robin). The reference is a
 * "floor": one plain loop over the columns the bench plans read, which only sums them, i.e. the least any estimate
 * over these columns could cost. plan / floor says how many column reads' worth of work the engine spends.
 */
import { estimatePlan, parsePlan, type EventTable, type Estimate, type StringField } from '../../src/engine/index';

export type BenchPlan = { id: string; file: string; json: unknown };

/**
 * Columns read by the floor: the union of what the three bench plans read (seat: kind, agent; WhatsApp per-message:
 * kind, contact, channel, direction, status, template, category, entry_point, country for the market; Twilio:
 * kind, direction, segments, duration; counts: quantity), plus timestamp for the cycles.
 */
export const FLOOR_COLUMNS = [
  'timestamp', 'kind', 'contact', 'channel', 'direction', 'template', 'category', 'status', 'country', 'entry_point',
  'agent', 'duration', 'segments', 'quantity',
] as const;

/**
 * The floor: one pass, reading each of FLOOR_COLUMNS once per event, summing codes and (non-NaN) numbers. The sum is
 * returned and printed so the loop cannot be dropped as dead code.
 */
export const floorLoop = (table: EventTable): number => {
  const c = table.columns;
  const s = c.strings;
  const n = c.length;
  const ts = c.timestamp;
  const kind = s.kind;
  const contact = s.contact;
  const channel = s.channel;
  const direction = s.direction;
  const template = s.template;
  const category = s.category;
  const status = s.status;
  const country = s.country;
  const entry = s.entry_point;
  const agent = s.agent;
  const duration = c.duration;
  const segments = c.segments;
  const quantity = c.quantity;
  let codes = 0;
  let numbers = 0;
  let last = 0;
  for (let i = 0; i < n; i++) {
    codes += kind[i] + contact[i] + channel[i] + direction[i] + template[i] + category[i] + status[i] + country[i]
      + entry[i] + agent[i];
    const d = duration[i];
    const g = segments[i];
    const q = quantity[i];
    if (d === d) numbers += d;
    if (g === g) numbers += g;
    if (q === q) numbers += q;
    last = ts[i] > last ? ts[i] : last;
  }
  return codes + numbers + last / 1e9;
};

export type PlanTiming =
  | { id: string; file: string; ok: true; ms: number; runs: number[]; summary: string }
  | { id: string; file: string; ok: false; ms: number; runs: number[]; error: string };

export type EstimateTimings = {
  events: number;
  floor: { ms: number; runs: number[]; checksum: number };
  plans: PlanTiming[];
};

const fmtQty = (q: number): string => (Number.isInteger(q) ? q.toLocaleString('en-US') : q.toFixed(2));

/** "USD 1,039.20 over 2 cycles; meta BR:authentication 2,480 + ...": enough to see what the plan priced. */
export const summariseEstimate = (e: Estimate): string => {
  const byLine = new Map<string, number>();
  for (const cycle of e.cycles) {
    for (const line of cycle.lines) {
      const label = line.key ? `${line.charge} ${line.key}` : line.charge;
      byLine.set(label, (byLine.get(label) ?? 0) + line.quantity);
    }
  }
  const lines = [...byLine].map(([label, q]) => `${label} ${fmtQty(q)}`).join(', ');
  return `${e.currency} ${e.total} over ${e.cycles.length} cycles; quantities: ${lines}`;
};

const describeError = (error: unknown): string => {
  const e = error as { name?: unknown; message?: unknown; issues?: { path: string; message: string }[] };
  if (Array.isArray(e?.issues)) return `${String(e.name)}: ${e.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
};

const time = (run: () => void): number => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};

/**
 * The floor and each plan, `repeat` rounds of one run each (round-robin, so a GC or a busy moment on the machine lands
 * on one round of every step rather than on all runs of one); best run per step. Timed: the in-memory table only.
 * A plan whose estimate throws (e.g. a PricingError: a rate-card key without a rate, or units before the first dated
 * card) is reported with the error's issues and not run again.
 */
export const timeEstimates = (table: EventTable, plans: readonly BenchPlan[], repeat: number): EstimateTimings => {
  const floorRuns: number[] = [];
  let checksum = 0;
  const steps = plans.map((p) => {
    const parsed = parsePlan(p.json);
    return {
      p,
      plan: parsed.ok ? parsed.plan : null,
      runs: [] as number[],
      estimate: undefined as Estimate | undefined,
      error: parsed.ok ? undefined : `invalid plan: ${parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    };
  });
  for (let r = 0; r < repeat; r++) {
    floorRuns.push(time(() => { checksum = floorLoop(table); }));
    for (const step of steps) {
      const plan = step.plan;
      if (!plan || step.error !== undefined) continue;
      try {
        step.runs.push(time(() => { step.estimate = estimatePlan(table, plan); }));
      } catch (e) {
        step.error = describeError(e);
      }
    }
  }
  const results = steps.map(({ p, runs, estimate, error }): PlanTiming => {
    const ms = runs.length ? Math.min(...runs) : NaN;
    return error !== undefined || !estimate
      ? { id: p.id, file: p.file, ok: false, ms, runs, error: error ?? 'no estimate' }
      : { id: p.id, file: p.file, ok: true, ms, runs, summary: summariseEstimate(estimate) };
  });
  return { events: table.columns.length, floor: { ms: Math.min(...floorRuns), runs: floorRuns, checksum }, plans: results };
};

/**
 * What in the table the plans depend on, so the printout shows the sample exercises them: templates by category,
 * delivered / failed outbound messages, inbound messages (they open service windows), countries, calls with a duration.
 */
export const sampleCoverage = (table: EventTable): string => {
  const { columns: c, dicts } = table;
  const s = c.strings;
  const code = (field: StringField, value: string): number => dicts[field].indexOf(value);
  const message = code('kind', 'message');
  const call = code('kind', 'call');
  const inbound = code('direction', 'inbound');
  const outbound = code('direction', 'outbound');
  const failed = code('status', 'failed');
  const templatesByCategory = new Map<string, number>();
  const countries = new Map<string, number>();
  let inboundMessages = 0;
  let outboundDelivered = 0;
  let outboundFailed = 0;
  let calls = 0;
  let callsWithDuration = 0;
  let callSeconds = 0;
  for (let i = 0; i < c.length; i++) {
    const k = s.kind[i];
    if (k === message) {
      if (s.direction[i] === inbound) inboundMessages++;
      else if (s.direction[i] === outbound) {
        if (s.status[i] === failed) outboundFailed++;
        else outboundDelivered++;
        if (s.template[i] !== 0) {
          const cat = dicts.category[s.category[i]] || '(none)';
          templatesByCategory.set(cat, (templatesByCategory.get(cat) ?? 0) + 1);
        }
      }
    } else if (k === call) {
      calls++;
      const d = c.duration[i];
      if (d > 0) {
        callsWithDuration++;
        callSeconds += d;
      }
    }
    const country = dicts.country[s.country[i]] || '(none)';
    countries.set(country, (countries.get(country) ?? 0) + 1);
  }
  const map = (m: Map<string, number>) => [...m].map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`).join(', ');
  return `templates by category: ${map(templatesByCategory) || 'none'}; outbound delivered ${outboundDelivered.toLocaleString('en-US')}, `
    + `failed ${outboundFailed.toLocaleString('en-US')}; inbound messages ${inboundMessages.toLocaleString('en-US')}; countries: ${map(countries)}; `
    + `calls ${calls.toLocaleString('en-US')} (${callsWithDuration.toLocaleString('en-US')} with a duration, ${Math.round(callSeconds / 60).toLocaleString('en-US')} min)`;
};
