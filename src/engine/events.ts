/**
 * Normalised usage events (spec section 1), held column by column.
 *
 * Engine code iterates indices over typed arrays, never row objects. Strings that repeat are dictionary-coded:
 * `strings[field][i]` is an index into `dicts[field]`, and code 0 is always the empty string.
 */

/** Text fields of a normalised event, in the order of spec section 1. */
export const STRING_FIELDS = [
  'kind', 'id', 'contact', 'channel', 'direction', 'template', 'category', 'country',
  'queue', 'team', 'agent', 'bot', 'cost_centre', 'status', 'entry_point',
] as const;
export type StringField = (typeof STRING_FIELDS)[number];

/** Numeric fields. Missing values are NaN, except `quantity` which defaults to 1. */
export const NUMBER_FIELDS = ['duration', 'segments', 'quantity', 'price'] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export type EventField = 'timestamp' | StringField | NumberField;

/** Fixed-point scale of the `price` column: vendor prices are stored as integer micro-units (1e-6 of the currency). */
export const PRICE_SCALE = 1_000_000;

/** A run of events, column by column. All arrays have `length` entries. */
export type EventColumns = {
  length: number;
  /** Epoch milliseconds, UTC. */
  timestamp: Float64Array;
  /** Seconds (calls, sessions); NaN when empty. */
  duration: Float64Array;
  /** SMS segments; NaN when empty. */
  segments: Float64Array;
  /** Units the row stands for (default 1); may be fractional. */
  quantity: Float64Array;
  /** Vendor's own price in integer micro-units (see PRICE_SCALE); NaN when empty. */
  price: Float64Array;
  /** Dictionary codes per text field; 0 = empty. */
  strings: Record<StringField, Uint32Array>;
  /**
   * Extra columns of the file kept as they were (see EXTRA_FIELD_PREFIX), dictionary codes by header name; 0 = empty.
   * Absent on datasets imported before they were kept, and on files with none.
   */
  extra?: Record<string, Uint32Array>;
};

/**
 * Per-field dictionaries: code -> string; entry 0 is ''. `extra` holds the extra columns' dictionaries by header name
 * (in a chunk's `dictAppend`: the entries that chunk added, like the other fields).
 */
export type Dictionaries = Record<StringField, string[]> & { extra?: Record<string, string[]> };

/**
 * Extra (unmapped) text columns of an imported file are fields named `col:<header>` (the header as written, trimmed),
 * e.g. `col:Department`. Rules (tarifa.rules/1 `where`) and the split page match them like any text field; an event
 * of a file without that column has the empty value.
 */
export const EXTRA_FIELD_PREFIX = 'col:';
export const isExtraField = (f: string): boolean => f.startsWith(EXTRA_FIELD_PREFIX) && f.length > EXTRA_FIELD_PREFIX.length;
export const extraFieldName = (header: string): string => EXTRA_FIELD_PREFIX + header;

/** The codes and dictionary of an extra field (`col:<header>`), or null when the table has no such column. */
export const extraColumn = (table: EventTable, field: string): { codes: Uint32Array; dict: string[] } | null => {
  if (!isExtraField(field)) return null;
  const name = field.slice(EXTRA_FIELD_PREFIX.length);
  const codes = table.columns.extra?.[name];
  const dict = table.dicts.extra?.[name];
  return codes && dict ? { codes, dict } : null;
};

/** The extra fields of a table (`col:<header>`), in column order. */
export const extraFields = (table: EventTable): string[] => Object.keys(table.columns.extra ?? {}).map(extraFieldName);

/** Events with the dictionaries that decode them: what the engine prices. */
export type EventTable = {
  columns: EventColumns;
  dicts: Dictionaries;
};

/**
 * One stored chunk of a dataset (~64k events). Dictionaries grow across chunks: `dictAppend` holds the entries this
 * chunk added, so a dataset's dictionary is the concatenation of its chunks' `dictAppend`, in chunk order.
 */
export type EventChunk = {
  index: number;
  columns: EventColumns;
  dictAppend: Dictionaries;
};

export const emptyDictionaries = (): Dictionaries =>
  Object.fromEntries(STRING_FIELDS.map((f) => [f, ['']])) as unknown as Dictionaries;

export const allocateColumns = (length: number): EventColumns => ({
  length,
  timestamp: new Float64Array(length),
  duration: new Float64Array(length),
  segments: new Float64Array(length),
  quantity: new Float64Array(length),
  price: new Float64Array(length),
  strings: Object.fromEntries(STRING_FIELDS.map((f) => [f, new Uint32Array(length)])) as unknown as Record<StringField, Uint32Array>,
});

/**
 * Joins chunks (in index order) into one table: columns concatenated, dictionaries rebuilt from `dictAppend`. Extra
 * columns are the union of the chunks' (first seen first); rows of a chunk without one read as empty (code 0).
 */
export const tableFromChunks = (chunks: readonly EventChunk[]): EventTable => {
  const sorted = [...chunks].sort((a, b) => a.index - b.index);
  const total = sorted.reduce((n, c) => n + c.columns.length, 0);
  const columns = allocateColumns(total);
  const dicts = Object.fromEntries(STRING_FIELDS.map((f) => [f, [] as string[]])) as unknown as Dictionaries;
  const extraNames = [...new Set(sorted.flatMap((c) => Object.keys(c.columns.extra ?? {})))];
  if (extraNames.length > 0) {
    columns.extra = Object.fromEntries(extraNames.map((name) => [name, new Uint32Array(total)]));
    dicts.extra = Object.fromEntries(extraNames.map((name) => [name, [] as string[]]));
  }
  let offset = 0;
  for (const chunk of sorted) {
    const c = chunk.columns;
    columns.timestamp.set(c.timestamp.subarray(0, c.length), offset);
    columns.duration.set(c.duration.subarray(0, c.length), offset);
    columns.segments.set(c.segments.subarray(0, c.length), offset);
    columns.quantity.set(c.quantity.subarray(0, c.length), offset);
    columns.price.set(c.price.subarray(0, c.length), offset);
    for (const f of STRING_FIELDS) {
      columns.strings[f].set(c.strings[f].subarray(0, c.length), offset);
      for (const s of chunk.dictAppend[f]) dicts[f].push(s);
    }
    for (const name of extraNames) {
      const codes = c.extra?.[name];
      if (codes) columns.extra![name].set(codes.subarray(0, c.length), offset);
      for (const s of chunk.dictAppend.extra?.[name] ?? []) dicts.extra![name].push(s);
    }
    offset += c.length;
  }
  for (const f of STRING_FIELDS) if (dicts[f].length === 0) dicts[f].push('');
  for (const name of extraNames) if (dicts.extra![name].length === 0) dicts.extra![name].push('');
  return { columns, dicts };
};
