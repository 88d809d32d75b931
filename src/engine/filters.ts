/**
 * `where` filters compiled into per-event predicates over EventColumns.
 *
 * Text fields are decided once per dictionary entry (a Uint8Array over the field's codes), so the per-event test is
 * an array lookup. Numeric fields (duration, segments, quantity) compare exactly; an empty (NaN) value equals nothing.
 * Text matching is case-sensitive, except that filter values for the fields the import lower-cases (kind, direction,
 * category, status) are lower-cased too. `*` in a text value matches any run of characters (including none).
 * Not supported yet (reported by plan validation): `market`, `hour`, `weekday`, `price`.
 */
import { STRING_FIELDS, type EventTable, type StringField } from './events';
import type { Filter, FilterScalar, FilterValue } from './plan/types';

export const NUMERIC_FILTER_FIELDS = ['duration', 'segments', 'quantity'] as const;
export type NumericFilterField = (typeof NUMERIC_FILTER_FIELDS)[number];

/** Fields of the spec that filters, `by` and `of` will take in a later version. */
export const UNSUPPORTED_FILTER_FIELDS = ['market', 'hour', 'weekday', 'price'] as const;

/** Text fields whose values the import normalises to lower case. */
export const LOWERCASE_FIELDS: ReadonlySet<StringField> = new Set(['kind', 'direction', 'category', 'status']);

export const isStringField = (f: string): f is StringField => (STRING_FIELDS as readonly string[]).includes(f);
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

/** Uint8Array over the field's dictionary codes: 1 where the entry matches. */
export const dictionaryMatches = (dict: readonly string[], value: FilterValue, lower: boolean): Uint8Array => {
  const test = stringMatcher(value, lower);
  const out = new Uint8Array(dict.length);
  for (let code = 0; code < dict.length; code++) out[code] = test(dict[code]) ? 1 : 0;
  return out;
};

const renderScalar = (v: FilterScalar): string => (v === '' ? "''" : String(v));

/** "kind = message", "queue in [a, b]", "status ≠ failed", "status not in [failed, rejected]". */
export const renderCondition = (field: string, value: FilterValue): string => {
  if (isNot(value)) {
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
 * field throws here, because pricing with a silently ignored condition would be wrong.
 */
export const compileFilter = (where: Filter | undefined, table: EventTable): CompiledFilter => {
  const tests: EventPredicate[] = [];
  for (const [field, value] of Object.entries(where ?? {})) {
    if (isStringField(field)) {
      const m = dictionaryMatches(table.dicts[field], value, LOWERCASE_FIELDS.has(field));
      const codes = table.columns.strings[field];
      tests.push((i) => m[codes[i]] === 1);
    } else if (isNumericFilterField(field)) {
      const col = table.columns[field];
      const t = numberMatcher(value);
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
