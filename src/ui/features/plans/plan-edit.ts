/** Immutable edits of a plan object as parsed from the editor's JSON (any shape: the worker judges it, not this). */

export type Obj = Record<string, unknown>;
export type Key = string | number;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const getIn = (root: unknown, path: readonly Key[]): unknown => {
  let v: unknown = root;
  for (const k of path) {
    if (Array.isArray(v) && typeof k === 'number') v = v[k];
    else if (isObj(v)) v = v[k];
    else return undefined;
  }
  return v;
};

/** A copy of `root` with `value` at `path` (`undefined` removes the key); missing objects on the way are created. */
export const setIn = (root: unknown, path: readonly Key[], value: unknown): unknown => {
  if (path.length === 0) return value;
  const [k, ...rest] = path;
  if (Array.isArray(root) && typeof k === 'number') {
    const copy = [...root];
    const next = setIn(copy[k], rest, value);
    if (next === undefined && rest.length === 0) copy.splice(k, 1);
    else copy[k] = next;
    return copy;
  }
  const copy: Obj = isObj(root) ? { ...root } : {};
  const next = setIn(copy[k], rest, value);
  if (next === undefined) delete copy[k];
  else copy[k] = next;
  return copy;
};

/** Renames a key, keeping the object's key order. */
export const renameKey = (o: Obj, from: string, to: string): Obj =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k === from ? to : k, v]));

/** What a number field holds: a number when the text is one, the text itself otherwise (so validation names it). */
export const numberFromText = (text: string): number | string | undefined => {
  const s = text.trim();
  if (s === '') return undefined;
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
};

export const textOf = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v));

/** A file name for a plan: "Seat plan (copy)" -> "seat-plan-copy.json". */
export const planFileName = (name: string): string =>
  `${name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'plan'}.json`;

export const FORM_CHARGE_MODELS = ['flat', 'standard', 'package', 'graduated', 'volume'] as const;
export const FORM_METER_TYPES = ['count', 'unique'] as const;
export const EVENT_KINDS = ['message', 'sms', 'call', 'video', 'email', 'bot', 'conversation', 'other'] as const;
export const ROUNDING_MODES = ['half-up', 'half-even', 'up', 'down'] as const;

/** A charge turned into another model: id, label and usage fields are kept, the new model's fields start at zero. */
export const changeModel = (charge: Obj, model: string, meterNames: string[]): Obj => {
  const { id, label, meter, quantity, freeUnits } = charge;
  const base: Obj = { id, label, model };
  if (model === 'flat') return { ...base, amount: '0' };
  if (meter !== undefined) base.meter = meter;
  else if (quantity !== undefined) base.quantity = quantity;
  else if (meterNames.length > 0) base.meter = meterNames[0];
  if (freeUnits !== undefined) base.freeUnits = freeUnits;
  if (model === 'standard') return { ...base, unitPrice: '0' };
  if (model === 'package') return { ...base, packageSize: 1000, packagePrice: '0' };
  const tiers = Array.isArray(charge.tiers) ? charge.tiers : [{ upTo: 1000, unitPrice: '0' }, { upTo: null, unitPrice: '0' }];
  return { ...base, tiers };
};
