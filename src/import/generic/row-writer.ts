/**
 * Normalises one record of the generic preset straight into a ColumnBuilder (no row object).
 *
 * Low-cardinality fields (kind, direction, category, status, country, entry_point) are normalised once per distinct
 * raw text and cached as dictionary codes; other text fields are trimmed and coded as written. Fields that can fail
 * are checked before anything is coded, so a rejected row adds nothing to the dictionaries.
 */
import { STRING_FIELDS } from '../../engine/events';
import type { EventColumns, StringField } from '../../engine/events';
import type { ColumnBuilder } from '../column-builder';
import type { ZoneClock } from '../time-zone';
import type { GenericHeader } from './header';
import { parseDecimalMicros, parsePlainNumber } from './numbers';
import { countSegments } from './segments';
import { parseTimestamp } from './timestamp';

/** What happened to a record: imported, a duplicate id, or a reject reason naming the field. */
export type RowOutcome = 'imported' | 'duplicate' | { reason: string };

const DIRECTIONS: Record<string, string> = {
  in: 'inbound', inbound: 'inbound', incoming: 'inbound',
  out: 'outbound', outbound: 'outbound', outgoing: 'outbound',
  'outbound-api': 'outbound', 'outbound-reply': 'outbound', 'outbound-call': 'outbound',
};
const TRUTHY = new Set(['true', '1', 'yes']);

/** Text as matched: trimmed only when it has surrounding white space (the common case costs two char reads). */
const clean = (s: string): string =>
  s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.trim() : s;

const shown = (s: string): string => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

type CachedField = 'kind' | 'direction' | 'category' | 'status' | 'country' | 'entry_point';
const CACHED: readonly CachedField[] = ['kind', 'direction', 'category', 'status', 'country', 'entry_point'];
const normalisers: Record<CachedField, (v: string) => string | undefined> = {
  kind: (v) => (v === '' ? 'message' : v.toLowerCase()),
  direction: (v) => (v === '' ? '' : DIRECTIONS[v.toLowerCase()]),
  category: (v) => v.toLowerCase(),
  status: (v) => v.toLowerCase(),
  country: (v) => v.toUpperCase(),
  entry_point: (v) => (TRUTHY.has(v.toLowerCase()) ? 'true' : ''),
};

export type RowWriter = (row: readonly string[]) => RowOutcome;

/**
 * One text column of the file and its field. Consecutive rows often repeat a value (one channel, one agent's
 * conversation, one status), so the raw text of the last row is compared before any hashing.
 */
type TextColumn = {
  field: StringField;
  col: number;
  /** Normaliser of a cached field; null for a field coded as written (trimmed). */
  normalise: ((v: string) => string | undefined) | null;
  /** Raw text -> code, for cached fields. */
  cache: Map<string, number>;
  /** The builder's dictionary of the field (cleaned text -> code, -1 when absent), for fields coded as written. */
  dict: ReturnType<ColumnBuilder['dictionary']>;
  lastRaw: string | null;
  lastCode: number;
  /**
   * The column's first distinct raw texts and their codes, compared with === before any hashing (cheaper than a Map
   * look-up of a fresh string); dropped (null) once the column shows more than FEW distinct texts.
   */
  few: string[] | null;
  fewCodes: number[];
};

const FEW = 16;

/** A string with text of its own (V8 slices strings of 13+ characters out of the parser's piece, pinning it). */
const own = (s: string): string => (s.length >= 13 ? (' ' + s).slice(1) : s);

export const createGenericRowWriter = (header: GenericHeader, clock: ZoneClock, builder: ColumnBuilder): RowWriter => {
  const ix = header.index;
  const width = header.width;
  const column = (field: StringField): TextColumn => ({
    field, col: ix[field],
    normalise: (CACHED as readonly string[]).includes(field) ? normalisers[field as CachedField] : null,
    cache: new Map(), dict: builder.dictionary(field), lastRaw: null, lastCode: 0, few: [], fewCodes: [],
  });
  const direction = column('direction');
  // Text columns written after the checks, in the order of STRING_FIELDS; a field with no column keeps its 0
  // (fresh chunk columns are zero-filled and only rows that are committed write to them), except kind.
  const texts = STRING_FIELDS.filter((f) => f !== 'id' && f !== 'direction' && ix[f] >= 0).map(column);
  const idCol = ix.id;
  const bodyCol = ix.body;
  const priceCol = ix.price;
  const kindMissing = ix.kind < 0;
  let messageCode = -1;
  let targetsOf: EventColumns | null = null;
  let targets: Uint32Array[] = [];

  /** Code of a text column's raw text that differs from the last row's; -1 when invalid (only direction can be). */
  const codeOf = (t: TextColumn, raw: string): number => {
    const few = t.few;
    if (few !== null) {
      for (let j = 0; j < few.length; j++) {
        if (few[j] === raw) {
          t.lastRaw = raw;
          return (t.lastCode = t.fewCodes[j]);
        }
      }
    }
    const c = lookUp(t, raw);
    if (few !== null) {
      if (few.length < FEW) {
        few.push(own(raw));
        t.fewCodes.push(c);
      } else t.few = null;
    }
    t.lastRaw = raw;
    t.lastCode = c;
    return c;
  };

  /** Code of a text column's raw text, through the dictionaries. */
  const lookUp = (t: TextColumn, raw: string): number => {
    let c: number;
    const normalise = t.normalise;
    if (normalise === null) {
      const v = clean(raw);
      c = t.dict.get(v);
      if (c < 0) c = builder.code(t.field, v);
    } else if (raw === '' && t.field !== 'kind' && t.field !== 'direction') c = 0;
    else {
      const known = t.cache.get(raw);
      if (known !== undefined) c = known;
      else {
        const v = normalise(clean(raw));
        c = v === undefined ? -1 : builder.code(t.field, v);
        t.cache.set(raw, c);
      }
    }
    return c;
  };

  const num = (row: readonly string[], i: number, field: string, nonNegative: boolean): number | string => {
    if (i < 0) return NaN;
    const raw = clean(row[i]);
    if (raw === '') return NaN;
    const v = parsePlainNumber(raw);
    if (Number.isNaN(v)) return `${field}: ${shown(raw)} is not a number`;
    if (nonNegative && v < 0) return `${field}: ${shown(raw)} must not be negative`;
    return v;
  };

  return (row) => {
    if (row.length !== width) return { reason: `row: expected ${width} fields, found ${row.length}` };
    const tsRaw = clean(row[ix.timestamp]);
    const ts = parseTimestamp(tsRaw, clock);
    if (Number.isNaN(ts)) {
      return { reason: tsRaw === '' ? 'timestamp: empty' : `timestamp: cannot read ${shown(tsRaw)} as a date` };
    }
    const duration = num(row, ix.duration, 'duration', true);
    if (typeof duration === 'string') return { reason: duration };
    let segments = num(row, ix.segments, 'segments', true);
    if (typeof segments === 'string') return { reason: segments };
    let quantity = num(row, ix.quantity, 'quantity', false);
    if (typeof quantity === 'string') return { reason: quantity };
    if (Number.isNaN(quantity)) quantity = 1;
    let price = NaN;
    if (priceCol >= 0) {
      const raw = clean(row[priceCol]);
      if (raw !== '') {
        price = parseDecimalMicros(raw);
        if (Number.isNaN(price)) return { reason: `price: ${shown(raw)} is not a decimal amount` };
      }
    }
    let directionCode = 0;
    if (direction.col >= 0) {
      const raw = row[direction.col];
      directionCode = raw === direction.lastRaw ? direction.lastCode : codeOf(direction, raw);
      if (directionCode < 0) return { reason: `direction: ${shown(clean(row[direction.col]))} is not inbound or outbound` };
    }
    let idCode = 0;
    if (idCol >= 0) {
      const id = clean(row[idCol]);
      if (id !== '') {
        idCode = builder.idCode(id);
        if (idCode < 0) return 'duplicate';
      }
    }
    if (Number.isNaN(segments) && bodyCol >= 0 && row[bodyCol] !== '') segments = countSegments(row[bodyCol]);

    const i = builder.length;
    const cols = builder.columns;
    if (cols !== targetsOf) {
      targetsOf = cols;
      targets = texts.map((t) => cols.strings[t.field]);
    }
    cols.timestamp[i] = ts;
    cols.duration[i] = duration;
    cols.segments[i] = segments;
    cols.quantity[i] = quantity;
    cols.price[i] = price;
    cols.strings.id[i] = idCode;
    cols.strings.direction[i] = directionCode;
    if (kindMissing) {
      if (messageCode < 0) messageCode = builder.code('kind', 'message');
      cols.strings.kind[i] = messageCode;
    }
    for (let k = 0; k < texts.length; k++) {
      const t = texts[k];
      const raw = row[t.col];
      targets[k][i] = raw === t.lastRaw ? t.lastCode : codeOf(t, raw);
    }
    return 'imported';
  };
};
