/**
 * The what-if knobs applied to the real events, by resampling: the result is an ordinary EventTable, so every meter
 * and charge model prices it unchanged.
 *
 * The rule (and its limits):
 * - Each event gets a weight w = scale × the factors of its field values × growth of its month × spikes of its month.
 * - Weights act per contact, not per event: a contact's events are kept together, so conversations, service windows
 *   and unique-contact counts stay sensible. Each contact draws a fixed u in [0, 1) (a hash of its code; events
 *   without contact hash their index); an event of weight w appears r = ceil(w − u) times (expected value w, exactly w for
 *   a whole w, monotone in w: more growth never removes a contact). Copy 0 is the event itself; copy k >= 1 belongs to a new
 *   contact "<contact>~k" (same times, channel, agent, queue, category, extra columns). So at 2x there are twice the contacts with the
 *   same behaviour; at 0.5x half the contacts are left out whole. Agents and channels are not multiplied.
 * - Mix shift: a contact's events of category `from` move to `to` when its u (another hash) is below percent / 100.
 * - Extra agents / numbers: a share N / (A + N) of the contacts (A = agents, or channels, in the data) moves to the new
 *   ones ("extra-agent-1"…, "extra-number-1"…), whole contacts again; volume is unchanged, seat and per-number meters grow.
 * - Limits: the result is deterministic, not random, and granular by contact (a dataset of 10 contacts scales in
 *   steps of about 10%). Event ids of copies repeat the original's (no meter counts ids). Months are local months
 *   of the given time zone, counted from the data's first month. At most MAX_SIMULATED_EVENTS events are produced.
 */
import { DateTime } from 'luxon';
import { NUMBER_FIELDS, STRING_FIELDS, type Dictionaries, type EventColumns, type EventTable, type StringField } from '../events';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import { timeRange } from '../time/time-range';
import { growthFactor, isNeutral, spikeFactor, type Knobs } from './knobs';

/** Upper bound of a resampled table (memory: about 100 bytes an event). */
export const MAX_SIMULATED_EVENTS = 20_000_000;

/** Copies of one event at most (a contact's copies are numbered below it). */
const MAX_COPIES = 4095;

export class SimulationError extends Error {
  constructor(message: string, readonly path = '') {
    super(message);
    this.name = 'SimulationError';
  }
}

/** A 32-bit mix of (value, salt) to [0, 1): the same contact always draws the same number. */
export const unitHash = (value: number, salt: number): number => {
  let h = (value ^ Math.imul(salt, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
};

const SALT_SCALE = 1;
const SALT_MIX = 2;
const SALT_AGENT = 3;
const SALT_NUMBER = 4;
const NO_CONTACT = 0x40000000;

/** Local months ("YYYY-MM") of the data and each event's month index. */
type Months = { labels: string[]; boundaries: number[]; monthOf: Int32Array };
/** Per table (its columns never change): local months per zone, agents and channels used. Knob changes reuse them. */
const facts = new WeakMap<EventTable, { months: Map<string, Months>; agents: number; numbers: number }>();

const factsOf = (table: EventTable) => {
  let f = facts.get(table);
  if (!f) {
    const n = table.columns.length;
    f = { months: new Map(), agents: used(table.columns.strings.agent, n, table.dicts.agent.length), numbers: used(table.columns.strings.channel, n, table.dicts.channel.length) };
    facts.set(table, f);
  }
  return f;
};

const monthsCached = (table: EventTable, timeZone: string): Months => {
  const f = factsOf(table);
  let m = f.months.get(timeZone);
  if (!m) f.months.set(timeZone, (m = monthsOf(table, timeZone)));
  return m;
};

export const monthsOf = (table: EventTable, timeZone: string): Months => {
  const { min, max } = timeRange(table.columns.timestamp, table.columns.length);
  const boundaries = cycleBoundaries(min, max, { anchorDay: 1, timeZone });
  const labels = boundaries.slice(0, -1).map((b) => DateTime.fromMillis(b, { zone: timeZone }).toFormat('yyyy-MM'));
  return { labels, boundaries, monthOf: bucketByCycle(table.columns.timestamp, table.columns.length, boundaries) };
};

const codeOf = (dict: string[], value: string): number => dict.indexOf(value);

/** Dictionary code of `value`, appended when missing. */
const ensureCode = (dict: string[], value: string): number => {
  const i = dict.indexOf(value);
  if (i >= 0) return i;
  dict.push(value);
  return dict.length - 1;
};

const used = (codes: Uint32Array, n: number, size: number): number => {
  const seen = new Uint8Array(size);
  let count = 0;
  for (let i = 0; i < n; i++) {
    const c = codes[i];
    if (c !== 0 && seen[c] === 0) {
      seen[c] = 1;
      count++;
    }
  }
  return count;
};

const checkNumber = (value: string, path: string, min = 0): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) throw new SimulationError(`${path}: '${value}' must be a number of at least ${min}`, path);
  return n;
};

/**
 * The output columns: row j copies row source[j] of `src`. Each column (extra columns too) is gathered on its first
 * read, then is an ordinary property: the plans of a simulation read a few of the twenty, so the others cost nothing.
 */
const gatheredColumns = (src: EventColumns, source: Int32Array): EventColumns => {
  const total = source.length;
  const lazy = <A extends Float64Array | Uint32Array>(target: object, key: string, from: A, make: (length: number) => A) => {
    const settle = (value: A) => Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
    Object.defineProperty(target, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        const to = make(total);
        for (let j = 0; j < total; j++) to[j] = from[source[j]];
        settle(to);
        return to;
      },
      set: settle,
    });
  };
  const f64 = (length: number) => new Float64Array(length);
  const u32 = (length: number) => new Uint32Array(length);
  const out = { length: total, strings: {} } as EventColumns;
  for (const f of ['timestamp', ...NUMBER_FIELDS] as const) lazy(out, f, src[f], f64);
  for (const f of STRING_FIELDS) lazy(out.strings, f, src.strings[f], u32);
  if (src.extra) {
    out.extra = {};
    for (const [name, codes] of Object.entries(src.extra)) lazy(out.extra, name, codes, u32);
  }
  return out;
};

export type Resampled = { table: EventTable; months: string[]; agents: number; numbers: number };

/** Applies the knobs to the events (see the rule above). Neutral knobs return the table itself. */
export const applyKnobs = (table: EventTable, knobs: Knobs, timeZone: string): Resampled => {
  const n = table.columns.length;
  const src = table.columns;
  const { labels, monthOf } = monthsCached(table, timeZone);
  const { agents: agentsBefore, numbers: numbersBefore } = factsOf(table);
  if (isNeutral(knobs)) return { table, months: labels, agents: agentsBefore, numbers: numbersBefore };

  const scale = checkNumber(knobs.scale, 'knobs.scale');
  const growth = checkNumber(knobs.growthPercent, 'knobs.growthPercent', -99);
  const monthWeight = labels.map((label, m) => {
    let w = scale * growthFactor(String(growth), m);
    knobs.spikes.forEach((s, j) => {
      if (s.month === label) w *= spikeFactor(String(checkNumber(s.percent, `knobs.spikes[${j}].percent`, -100)));
    });
    return w;
  });
  // Per field, a factor per dictionary code (1 when no knob names the value).
  const fieldFactors: { codes: Uint32Array; factor: Float64Array }[] = [];
  knobs.factors.forEach((f, j) => {
    const factor = checkNumber(f.factor, `knobs.factors[${j}].factor`);
    const code = codeOf(table.dicts[f.field], f.value);
    if (code < 0) return; // a value absent from the data scales nothing
    let entry = fieldFactors.find((e) => e.codes === src.strings[f.field]);
    if (!entry) {
      entry = { codes: src.strings[f.field], factor: new Float64Array(table.dicts[f.field].length).fill(1) };
      fieldFactors.push(entry);
    }
    entry.factor[code] *= factor;
  });

  // Dictionaries are shared with the measured table except the ones the knobs add entries to (copied on write).
  const dicts: Dictionaries = { ...table.dicts };
  const own = (f: StringField): string[] => {
    if (dicts[f] === table.dicts[f]) dicts[f] = [...table.dicts[f]];
    return dicts[f];
  };
  const mix = knobs.mix.flatMap((m, j) => {
    const share = checkNumber(m.percent, `knobs.mix[${j}].percent`) / 100;
    const from = codeOf(dicts.category, m.from);
    if (from < 0 || share === 0 || m.from === m.to) return [];
    return [{ from, to: ensureCode(own('category'), m.to), share, salt: SALT_MIX + 16 * (j + 1) }];
  });
  const extra = (count: number, field: StringField, before: number, prefix: string, salt: number) => {
    if (!(count > 0)) return null;
    if (!Number.isInteger(count)) throw new SimulationError(`knobs.${field === 'agent' ? 'extraAgents' : 'extraNumbers'}: must be a whole number`);
    const codes = Array.from({ length: count }, (_, k) => ensureCode(own(field), `${prefix}-${k + 1}`));
    return { codes, share: count / (before + count), salt };
  };
  const agents = extra(knobs.extraAgents, 'agent', agentsBefore, 'extra-agent', SALT_AGENT);
  const numbers = extra(knobs.extraNumbers, 'channel', numbersBefore, 'extra-number', SALT_NUMBER);

  // Pass 1: copies per event.
  const contact = src.strings.contact;
  const copies = new Uint32Array(n);
  const factorCount = fieldFactors.length;
  let total = 0;
  let maxCopies = 0;
  for (let i = 0; i < n; i++) {
    const m = monthOf[i];
    if (m < 0) continue;
    let w = monthWeight[m];
    for (let f = 0; f < factorCount; f++) w *= fieldFactors[f].factor[fieldFactors[f].codes[i]];
    const c = contact[i];
    const u = unitHash(c !== 0 ? c : NO_CONTACT + i, SALT_SCALE);
    const r = Math.ceil(w - u);
    if (r > MAX_COPIES) throw new SimulationError(`the knobs scale some events ${Math.round(w)} times, more than ${MAX_COPIES}: lower the scale or the growth`, 'knobs');
    if (r > 0) {
      copies[i] = r; // ceil of (-1, 0] is -0 or 0: no copy
      total += r;
      if (r > maxCopies) maxCopies = r;
    }
  }
  if (total > MAX_SIMULATED_EVENTS) {
    throw new SimulationError(`the knobs make ${total.toLocaleString('en-US')} events, more than the ${MAX_SIMULATED_EVENTS.toLocaleString('en-US')} a simulation holds: lower the scale or the growth`, 'knobs');
  }

  // Pass 2: which event each output row copies (and which copy it is); each column is gathered on first read.
  const source = new Int32Array(total);
  const copy = new Uint16Array(total);
  for (let i = 0, j = 0; i < n; i++) {
    for (let k = 0; k < copies[i]; k++, j++) {
      source[j] = i;
      copy[j] = k;
    }
  }
  // Every event once (the knobs only move contacts between agents, numbers or categories): the columns are shared,
  // and only the ones the knobs change are copied.
  const identity = total === n && maxCopies === 1;
  const changed: StringField[] = [...(mix.length > 0 ? ['category' as const] : []), ...(agents ? ['agent' as const] : []), ...(numbers ? ['channel' as const] : [])];
  const out: EventColumns = identity
    ? { ...src, length: n, strings: { ...src.strings, ...Object.fromEntries(changed.map((f) => [f, src.strings[f].slice(0, n)])) } }
    : gatheredColumns(src, source);

  const keyOf = (i: number) => (contact[i] !== 0 ? contact[i] : NO_CONTACT + i);
  if (mix.length > 0) {
    const cat = out.strings.category;
    for (let j = 0; j < total; j++) {
      for (const m of mix) if (cat[j] === m.from && unitHash(keyOf(source[j]), m.salt) < m.share) cat[j] = m.to;
    }
  }
  const reassign = (extraOf: { codes: number[]; share: number; salt: number } | null, col: Uint32Array) => {
    if (!extraOf) return;
    const { codes, share, salt } = extraOf;
    for (let j = 0; j < total; j++) {
      if (col[j] === 0) continue;
      const u = unitHash(keyOf(source[j]), salt);
      if (u < share) col[j] = codes[Math.min(codes.length - 1, Math.floor((u / share) * codes.length))];
    }
  };
  reassign(agents, out.strings.agent);
  reassign(numbers, out.strings.channel);

  // Copies k >= 1 of a contact are new contacts "<contact>~k".
  const replica = new Map<number, number>();
  const contactDict = maxCopies > 1 ? own('contact') : dicts.contact;
  const outContact = out.strings.contact;
  for (let j = 0; maxCopies > 1 && j < total; j++) {
    const k = copy[j];
    const c = outContact[j];
    if (k === 0 || c === 0) continue;
    const rk = c * 4096 + k;
    let code = replica.get(rk);
    if (code === undefined) {
      code = contactDict.length;
      contactDict.push(`${contactDict[c]}~${k}`);
      replica.set(rk, code);
    }
    outContact[j] = code;
  }
  return {
    table: { columns: out, dicts },
    months: labels,
    agents: agentsBefore + (agents?.codes.length ?? 0),
    numbers: numbersBefore + (numbers?.codes.length ?? 0),
  };
};
