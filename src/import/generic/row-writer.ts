/**
 * Normalises one record of the generic preset straight into a ColumnBuilder (no row object).
 *
 * Low-cardinality fields (kind, direction, category, status, country, entry_point) are normalised once per distinct
 * raw text and cached as dictionary codes; other text fields are trimmed and coded as written. Fields that can fail
 * are checked before anything is coded, so a rejected row adds nothing to the dictionaries.
 */
import { STRING_FIELDS } from '../../engine/events';
import type { StringField } from '../../engine/events';
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

export const createGenericRowWriter = (header: GenericHeader, clock: ZoneClock, builder: ColumnBuilder): RowWriter => {
  const ix = header.index;
  const width = header.width;
  const plain = STRING_FIELDS.filter((f) => !(CACHED as readonly string[]).includes(f) && f !== 'id' && ix[f] >= 0)
    .map((f) => [f, ix[f]] as [StringField, number]);
  const cached = CACHED.map((f) => [f, ix[f], new Map<string, number>()] as [CachedField, number, Map<string, number>]);
  const messageCode = (): number => builder.code('kind', 'message');
  const lastRaw: string[] = plain.map(() => '');
  const lastCode = new Uint32Array(plain.length);

  /** Code of a cached field's raw text; -1 when the text is invalid (only direction can be). */
  const cachedCode = (field: CachedField, cache: Map<string, number>, raw: string): number => {
    if (raw === '' && field !== 'kind' && field !== 'direction') return 0;
    let c = cache.get(raw);
    if (c === undefined) {
      const v = normalisers[field](clean(raw));
      c = v === undefined ? -1 : builder.code(field, v);
      cache.set(raw, c);
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
    if (ix.price >= 0) {
      const raw = clean(row[ix.price]);
      if (raw !== '') {
        price = parseDecimalMicros(raw);
        if (Number.isNaN(price)) return { reason: `price: ${shown(raw)} is not a decimal amount` };
      }
    }
    let directionCode = 0;
    const [, di, dcache] = cached[1];
    if (di >= 0) {
      directionCode = cachedCode('direction', dcache, row[di]);
      if (directionCode < 0) return { reason: `direction: ${shown(clean(row[di]))} is not inbound or outbound` };
    }
    let idCode = 0;
    if (ix.id >= 0) {
      const id = clean(row[ix.id]);
      if (id !== '') {
        idCode = builder.idCode(id);
        if (idCode < 0) return 'duplicate';
      }
    }
    if (Number.isNaN(segments) && ix.body >= 0 && row[ix.body] !== '') segments = countSegments(row[ix.body]);

    const i = builder.length;
    const cols = builder.columns;
    const s = cols.strings;
    cols.timestamp[i] = ts;
    cols.duration[i] = duration;
    cols.segments[i] = segments;
    cols.quantity[i] = quantity;
    cols.price[i] = price;
    s.id[i] = idCode;
    s.direction[i] = directionCode;
    for (let k = 0; k < cached.length; k++) {
      const [f, ci, cache] = cached[k];
      if (f === 'direction') continue;
      s[f][i] = ci >= 0 ? cachedCode(f, cache, row[ci]) : f === 'kind' ? messageCode() : 0;
    }
    for (let k = 0; k < plain.length; k++) {
      const [f, pi] = plain[k];
      const v = row[pi];
      // Consecutive rows often repeat a value (one channel, one agent's conversation): compare before hashing.
      if (v === '') s[f][i] = 0;
      else if (v === lastRaw[k]) s[f][i] = lastCode[k];
      else {
        const c = builder.code(f, clean(v));
        lastRaw[k] = v;
        lastCode[k] = c;
        s[f][i] = c;
      }
    }
    return 'imported';
  };
};
