/**
 * `where` filters compiled into per-event predicates over EventColumns.
 *
 * Text fields are decided once per dictionary entry (a Uint8Array over the field's codes), so the per-event test is
 * an array lookup. Numeric fields (duration, segments, quantity) compare exactly; an empty (NaN) value equals nothing.
 * Text matching is case-sensitive, except that filter values for the fields the import lower-cases (kind, direction,
 * category, status) are lower-cased too. `*` in a text value matches any run of characters (including none).
 * Derived fields (fields/field-source.ts): `market` is text (wildcards and `not` work); `hour` (0-23) and `weekday`
 * (1 = Monday … 7) in the plan's time zone take a number or a `[from, to]` range, inclusive; a range with from > to
 * wraps (`hour: [22, 6]` is the night, `weekday: [6, 7]` the weekend). They are decided once per value (a 256-entry
 * table), so the per-event test is an array lookup too.
 * `price` (the vendor's price) takes decimal strings ("0.0075"), lists and `not`; it compares the stored integer
 * micro-units exactly (an empty price equals nothing). Not supported yet in `by`/`of`: `price`.
 * Extra columns kept at import (`col:<header>`, events.ts) compare as text, case-sensitive; in `where` only.
 */
import { extraColumn, isExtraField, PRICE_SCALE, STRING_FIELDS, type EventTable, type StringField } from './events';
import { Dec, isDecimalString } from './money';
import { fieldSource, isKeyField, type FieldSource } from './fields/field-source';
import type { Filter, FilterScalar, FilterValue } from './plan/types';

export const NUMERIC_FILTER_FIELDS = ['duration', 'segments', 'quantity'] as const;
export type NumericFilterField = (typeof NUMERIC_FILTER_FIELDS)[number];

/** Local-time fields: a number or an inclusive `[from, to]` range. */
export const CLOCK_FIELDS = { hour: { min: 0, max: 23 }, weekday: { min: 1, max: 7 } } as const;
export type ClockField = keyof typeof CLOCK_FIELDS;
export const isClockField = (f: string): f is ClockField => f === 'hour' || f === 'weekday';

/** Fields of the spec that `by` and `of` will take in a later version (filters take `price`). */
export const UNSUPPORTED_FILTER_FIELDS = ['price'] as const;

/** Text fields whose values the import normalises to lower case. */
export const LOWERCASE_FIELDS: ReadonlySet<StringField> = new Set(['kind', 'direction', 'category', 'status']);

export const isStringField = (f: string): f is StringField => (STRING_FIELDS as readonly string[]).includes(f);
/** Text fields a filter may compare: the stored ones and `market`. */
export const isTextFilterField = (f: string): boolean => isStringField(f) || f === 'market';
export const isNumericFilterField = (f: string): f is NumericFilterField =>
  (NUMERIC_FILTER_FIELDS as readonly string[]).includes(f);

export type EventPredicate = (i: number) => boolean;

export type CompiledFilter = {
  /** True when the filter is empty: every event matches (callers may skip the test). */
  always: boolean;
  test: EventPredicate;
  /** Rendered filter, e.g. "kind = message and queue in [vendas, sales*]"; '' when empty. */
  text: string;
};

const isNot = (v: FilterValue): v is { not: FilterValue } => typeof v === 'object' && v !== null && !Array.isArray(v);

const escapeRe = (s: string): string => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

/** Compiles a value into a test on one string; used once per dictionary entry, not per event. */
const stringMatcher = (value: FilterValue, lower: boolean): ((s: string) => boolean) => {
  if (isNot(value)) {
    const inner = stringMatcher(value.not, lower);
    return (s) => !inner(s);
  }
  if (Array.isArray(value)) {
    const parts = value.map((v) => stringMatcher(v, lower));
    return (s) => parts.some((p) => p(s));
  }
  const pattern = lower ? String(value).toLowerCase() : String(value);
  if (!pattern.includes('*')) return (s) => s === pattern;
  const re = new RegExp(`^${pattern.split('*').map(escapeRe).join('.*')}$`, 's');
  return (s) => re.test(s);
};

const numberMatcher = (value: FilterValue): ((x: number) => boolean) => {
  if (isNot(value)) {
    const inner = numberMatcher(value.not);
    return (x) => !inner(x);
  }
  if (Array.isArray(value)) {
    const set = new Set(value.map(Number));
    return (x) => set.has(x);
  }
  const n = Number(value);
  return (x) => x === n;
};

/**
 * A price filter value ("0.0075") in micro-units, the `price` column's scale; NaN (equals nothing) when it is not a
 * decimal string or has more than 6 decimals (validation reports both).
 */
export const priceMicros = (value: FilterScalar): number => {
  if (typeof value !== 'string' || !isDecimalString(value)) return NaN;
  const micros = new Dec(value).times(PRICE_SCALE);
  return micros.eq(micros.round(0, 0)) ? Number(micros.toFixed(0)) : NaN;
};

const priceMatcher = (value: FilterValue): ((x: number) => boolean) => {
  if (isNot(value)) {
    const inner = priceMatcher(value.not);
    return (x) => !inner(x);
  }
  if (Array.isArray(value)) {
    const set = new Set(value.map(priceMicros));
    return (x) => set.has(x);
  }
  const n = priceMicros(value);
  return (x) => x === n;
};

/** Uint8Array over the field's dictionary codes: 1 where the entry matches. */
export const dictionaryMatches = (dict: readonly string[], value: FilterValue, lower: boolean): Uint8Array => {
  const test = stringMatcher(value, lower);
  const out = new Uint8Array(dict.length);
  for (let code = 0; code < dict.length; code++) out[code] = test(dict[code]) ? 1 : 0;
  return out;
};

/** 256-entry table: 1 where a clock value (hour or weekday) matches a number, a [from, to] range, or a negation. */
export const clockMatches = (value: FilterValue): Uint8Array => {
  const out = new Uint8Array(256);
  if (isNot(value)) {
    const inner = clockMatches(value.not);
    for (let v = 0; v < 256; v++) out[v] = inner[v] ? 0 : 1;
    return out;
  }
  if (Array.isArray(value)) {
    const [from, to] = value.map(Number);
    for (let v = 0; v < 256; v++) out[v] = (from <= to ? v >= from && v <= to : v >= from || v <= to) ? 1 : 0;
    return out;
  }
  const n = Number(value);
  if (n >= 0 && n < 256) out[n] = 1;
  return out;
};

const renderScalar = (v: FilterScalar): string => (v === '' ? "''" : String(v));

/** "kind = message", "queue in [a, b]", "status ≠ failed", "status not in [failed, rejected]". */
export const renderCondition = (field: string, value: FilterValue): string => {
  if (isClockField(field) && Array.isArray(value)) return `${field} ${value.join('-')}`;
  if (isNot(value)) {
    if (isClockField(field) && Array.isArray(value.not)) return `${field} not ${value.not.join('-')}`;
    const inner = value.not;
    if (isNot(inner)) return `not (${renderCondition(field, inner)})`;
    if (Array.isArray(inner)) return `${field} not in [${inner.map(renderScalar).join(', ')}]`;
    return `${field} ≠ ${renderScalar(inner)}`;
  }
  if (Array.isArray(value)) return `${field} in [${value.map(renderScalar).join(', ')}]`;
  return `${field} = ${renderScalar(value)}`;
};

export const renderFilter = (where: Filter | undefined): string =>
  Object.entries(where ?? {})
    .map(([f, v]) => renderCondition(f, v))
    .join(' and ');

const ALWAYS: EventPredicate = () => true;

/**
 * Compiles `where` against a table. Fields must have been validated (see plan/validate.ts); an unknown or unsupported
 * field throws here, because pricing with a silently ignored condition would be wrong. `source` gives the derived
 * fields in the plan's time zone (default: the table in UTC).
 */
export const compileFilter = (where: Filter | undefined, table: EventTable, source?: FieldSource): CompiledFilter => {
  const tests: EventPredicate[] = [];
  const fields = source ?? fieldSource(table);
  for (const [field, value] of Object.entries(where ?? {})) {
    if (isClockField(field)) {
      const m = clockMatches(value);
      const col = field === 'hour' ? fields.clock().hour : fields.clock().weekday;
      tests.push((i) => m[col[i]] === 1);
    } else if (isExtraField(field)) {
      // An extra column kept at import (col:<header>); a table without it has only empty values there.
      const column = extraColumn(table, field);
      const m = dictionaryMatches(column?.dict ?? [''], value, false);
      if (!column) tests.push(m[0] === 1 ? ALWAYS : () => false);
      else {
        const codes = column.codes;
        tests.push((i) => m[codes[i]] === 1);
      }
    } else if (isKeyField(field)) {
      const { codes, dict } = fields.text(field);
      const m = dictionaryMatches(dict, value, isStringField(field) && LOWERCASE_FIELDS.has(field));
      tests.push((i) => m[codes[i]] === 1);
    } else if (isNumericFilterField(field)) {
      const col = table.columns[field];
      const t = numberMatcher(value);
      tests.push((i) => t(col[i]));
    } else if (field === 'price') {
      const col = table.columns.price;
      const t = priceMatcher(value);
      tests.push((i) => t(col[i]));
    } else {
      throw new Error(`filter field '${field}' is not supported by this version`);
    }
  }
  const text = renderFilter(where);
  if (tests.length === 0) return { always: true, test: ALWAYS, text };
  if (tests.length === 1) return { always: false, test: tests[0], text };
  if (tests.length === 2) {
    const [a, b] = tests;
    return { always: false, test: (i) => a(i) && b(i), text };
  }
  const n = tests.length;
  const all: EventPredicate = (i) => {
    for (let k = 0; k < n; k++) if (!tests[k](i)) return false;
    return true;
  };
  return { always: false, test: all, text };
};
