/**
 * Normalises one record of any preset straight into a ColumnBuilder (no row object), following the preset's
 * RowMapping (columns per field, value maps, constants, inbound contact/channel columns).
 *
 * Low-cardinality fields (kind, direction, category, status, country, entry_point, and any field the preset maps
 * values of) are normalised once per distinct raw text and cached as dictionary codes; other text fields are trimmed
 * and coded as written. Fields that can fail are checked before anything is coded, so a rejected row adds nothing to
 * the dictionaries. Values the fast parsers refuse get one lenient second try (generic/lenient.ts). An empty country
 * is derived from a contact that looks like a phone number, once per distinct contact (phone/phone-country.ts).
 *
 * With a `pseudonymise` function (a pseudonymisation key), the contact is stored as its pseudonym (../pseudonym.ts),
 * computed once per distinct raw text and cached by that text; the country is derived from the raw text all the same.
 * The raw text stays in this writer's cache (memory, for the file's import) and never reaches the builder. A
 * `body` column is read only to count segments: no field holds it.
 */
import { STRING_FIELDS } from '../../engine/events';
import type { EventColumns, StringField } from '../../engine/events';
import type { ColumnBuilder } from '../column-builder';
import type { ZoneClock } from '../time-zone';
import { ContactCountries } from '../phone/contact-countries';
import { compactPhone, splitScheme } from '../phone/phone-country';
import type { Pseudonymise } from '../pseudonym';
import { TextCodes } from '../text-codes';
import type { RowMapping, ValueMap } from '../presets/types';
import { clockSeconds, decimalText, parseNamedMonthDate, parseOrderedDate } from './lenient';
import type { DateOrder } from './lenient';
import { parseDecimalMicros, parsePlainNumber } from './numbers';
import { countSegments } from './segments';
import { parseTimestamp } from './timestamp';

/** What happened to a record: imported, a duplicate id, or a reject reason naming the field. */
export type RowOutcome = 'imported' | 'duplicate' | { reason: string };

const DIRECTIONS: Record<string, string> = {
  in: 'inbound', inbound: 'inbound', incoming: 'inbound',
  out: 'outbound', outbound: 'outbound', outgoing: 'outbound',
  'outbound-api': 'outbound', 'outbound-reply': 'outbound', 'outbound-call': 'outbound', 'outbound-dial': 'outbound',
  user_initiated: 'inbound', business_initiated: 'outbound',
  entrada: 'inbound', recebida: 'inbound', entrante: 'inbound', recibida: 'inbound',
  'saída': 'outbound', saida: 'outbound', enviada: 'outbound', saliente: 'outbound',
};
/** Statuses written in Portuguese or Spanish, in the spec's words. */
const STATUSES: Record<string, string> = {
  entregue: 'delivered', entregado: 'delivered', lida: 'read', 'leída': 'read', leida: 'read', enviada: 'sent', enviado: 'sent',
  falhou: 'failed', falha: 'failed', fallido: 'failed', 'falló': 'failed', atendida: 'answered', contestada: 'answered',
  'não atendida': 'no-answer', 'nao atendida': 'no-answer', 'no contestada': 'no-answer', ocupado: 'busy',
};
const TRUTHY = new Set(['true', '1', 'yes', 'free_entry', 'free_entry_point']);

/** Text as matched: trimmed only when it has surrounding white space (the common case costs two char reads). */
const clean = (s: string): string =>
  s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.trim() : s;

const shown = (s: string): string => `'${s.length > 60 ? `${s.slice(0, 57)}...` : s}'`;

export type CachedField = 'kind' | 'direction' | 'category' | 'status' | 'country' | 'entry_point';
const CACHED: readonly CachedField[] = ['kind', 'direction', 'category', 'status', 'country', 'entry_point'];
/** How each cached field's raw text reads by default (custom presets' value maps fall back to these). */
export const normalisers: Record<CachedField, (v: string) => string | undefined> = {
  kind: (v) => (v === '' ? 'message' : v.toLowerCase()),
  direction: (v) => (v === '' ? '' : DIRECTIONS[v.toLowerCase()]),
  // 'authentication-international' and 'AUTHENTICATION INTERNATIONAL' read as authentication_international.
  category: (v) => v.toLowerCase().replace(/[\s-]+/g, '_'),
  status: (v) => STATUSES[v.toLowerCase()] ?? v.toLowerCase(),
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
  normalise: ValueMap | null;
  /** Empty raw text is code 0 without normalising (not for kind, direction, or a field the preset maps). */
  emptyIsEmpty: boolean;
  /** Column read instead of `col` on inbound rows; -1 when none. */
  inboundCol: number;
  /** Raw text -> code, for cached fields. */
  cache: Map<string, number>;
  /**
   * Raw text (own copy) -> code, for a contact coded by pseudonym: high cardinality, so a TextCodes rather than a Map
   * (a fresh string's look-up there costs about half), and own copies so as not to pin the parser's pieces.
   */
  pseudonymCodes: TextCodes | null;
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

/**
 * A value of a customer-number field (RowMapping.customerNumbers) that is a phone number rather than an extension or
 * a code: digits and separators (after an optional tel:, sms: or whatsapp: scheme), at least 7 digits. '5511987650001', '+55 11
 * 98765-0001' and '0011551198765' are pseudonymised; '100', '2001', 's', '*97' and 'SIP/trunk' stay as written.
 */
export const isDialledNumber = (value: string): boolean => {
  const compact = compactPhone(splitScheme(value)[1]);
  return compact !== null && compact.replace('+', '').length >= 7;
};

/** Options of the writer that come from the file (dialect, dates) rather than from the preset. */
export type WriterOptions = {
  /** Order of day/month dates; undefined when the file has none (or it could not be told). */
  dateOrder?: DateOrder;
  /** Commas are decimal marks (a ';'-separated file). */
  decimalComma?: boolean;
  /** Fill an empty country from a phone-number contact (default true). */
  deriveCountry?: boolean;
  /** Stores each contact as its pseudonym (the pseudonymisation key's function); absent: as written. */
  pseudonymise?: Pseudonymise;
};

export const createGenericRowWriter = (
  mapping: RowMapping, clock: ZoneClock, builder: ColumnBuilder, options: WriterOptions = {},
): RowWriter => {
  const ix = mapping.index;
  const width = mapping.width;
  const values = mapping.values ?? {};
  const pseudonymise = options.pseudonymise;
  const customerNumbers = mapping.customerNumbers ?? [];
  const inbound = mapping.inbound ?? {};
  const column = (field: StringField): TextColumn => {
    const own = values[field];
    const cached = own !== undefined || (CACHED as readonly string[]).includes(field);
    const pseudonymised = pseudonymise !== undefined && (field === 'contact' || customerNumbers.includes(field));
    return {
      field, col: ix[field],
      normalise: own ?? (cached ? normalisers[field as CachedField] : null),
      emptyIsEmpty: own === undefined && field !== 'kind' && field !== 'direction',
      inboundCol: field === 'contact' || field === 'channel' ? inbound[field] ?? -1 : -1,
      cache: new Map(), pseudonymCodes: pseudonymised ? new TextCodes() : null,
      dict: builder.dictionary(field), lastRaw: null, lastCode: 0, few: [], fewCodes: [],
    };
  };
  const direction = column('direction');
  // Text columns written after the checks, in the order of STRING_FIELDS; a field with no column keeps its 0
  // (fresh chunk columns are zero-filled and only rows that are committed write to them), except constants.
  const texts = STRING_FIELDS.filter((f) => f !== 'id' && f !== 'direction' && ix[f] >= 0).map(column);
  const constants = { ...(ix.kind < 0 ? { kind: 'message' } : {}), ...mapping.constants };
  const constantFields = STRING_FIELDS.filter((f) => ix[f] < 0 && (constants[f] ?? '') !== '');
  let constantCodes: number[] | null = null;
  const idCol = ix.id;
  const idSuffix = mapping.idSuffix ?? -1;
  const bodyCol = ix.body;
  const priceCol = ix.price;
  const tsFallback = mapping.timestampFallback ?? -1;
  const absolutePrice = mapping.absolutePrice === true;
  const dateOrder = options.dateOrder;
  const decimalComma = options.decimalComma === true;
  const swaps = texts.some((t) => t.inboundCol >= 0);
  const inboundCode = swaps ? builder.code('direction', 'inbound') : -1;
  const contactText = texts.find((t) => t.field === 'contact');
  const countryCol = ix.country;
  const deriveCountry = options.deriveCountry !== false && contactText !== undefined;
  const countries = new ContactCountries(builder);
  let targetsOf: EventColumns | null = null;
  let targets: Uint32Array[] = [];
  // Extra columns (col:<header>, generic/extra-columns.ts): trimmed text, coded by the builder; last raw text cached.
  const extraCols = mapping.extraColumns ?? [];
  const extraSlots = builder.defineExtras(extraCols.map((e) => e.name));
  const extras = extraCols.map((e, k) => ({ col: e.col, slot: extraSlots[k], lastRaw: null as string | null, lastCode: 0 })).filter((e) => e.slot >= 0);
  let extraTargets: (Uint32Array | null)[] = [];

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
    const pseudonymCodes = t.pseudonymCodes;
    if (pseudonymCodes !== null) {
      c = pseudonymCodes.get(raw);
      if (c < 0) {
        const v = clean(raw);
        c = v === '' ? 0 : builder.code(t.field, t.field === 'contact' || isDialledNumber(v) ? pseudonymise!(v) : v);
        pseudonymCodes.add(own(raw), c);
      }
    } else if (normalise === null) {
      const v = clean(raw);
      c = t.dict.get(v);
      if (c < 0) c = builder.code(t.field, v);
    } else if (raw === '' && t.emptyIsEmpty) c = 0;
    else {
      const known = t.cache.get(raw);
      if (known !== undefined) c = known;
      else {
        const v = normalise(clean(raw));
        c = v === undefined ? -1 : v === '' ? 0 : builder.code(t.field, v);
        t.cache.set(raw, c);
      }
    }
    return c;
  };

  const num = (row: readonly string[], i: number, field: string, nonNegative: boolean): number | string => {
    if (i < 0) return NaN;
    const raw = clean(row[i]);
    if (raw === '') return NaN;
    let v = parsePlainNumber(raw);
    if (Number.isNaN(v)) {
      const text = decimalText(raw, decimalComma);
      v = text !== null ? Number(text) : field === 'duration' ? clockSeconds(raw) : NaN;
      if (Number.isNaN(v)) return `${field}: ${shown(raw)} is not a number`;
    }
    if (nonNegative && v < 0) return `${field}: ${shown(raw)} must not be negative`;
    return v;
  };

  /** The slow path of the timestamp: fallback column, day/month dates, month names. */
  const lenientTimestamp = (row: readonly string[], tsRaw: string): number | string => {
    let s = tsRaw;
    if (s === '' && tsFallback >= 0) s = clean(row[tsFallback]);
    let ts = s === tsRaw ? NaN : parseTimestamp(s, clock);
    if (Number.isNaN(ts) && s !== '') ts = dateOrder !== undefined ? parseOrderedDate(s, dateOrder, clock) : NaN;
    if (Number.isNaN(ts) && s !== '') ts = parseNamedMonthDate(s);
    if (!Number.isNaN(ts)) return ts;
    if (s === '') return 'timestamp: empty';
    const hint = dateOrder === undefined && /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(s) ? ' (day/month order unknown: set dateOrder)' : '';
    return `timestamp: cannot read ${shown(s)} as a date${hint}`;
  };

  return (row) => {
    if (row.length !== width) return { reason: `row: expected ${width} fields, found ${row.length}` };
    const tsRaw = clean(row[ix.timestamp]);
    let ts = parseTimestamp(tsRaw, clock);
    if (Number.isNaN(ts)) {
      const lenient = lenientTimestamp(row, tsRaw);
      if (typeof lenient === 'string') return { reason: lenient };
      ts = lenient;
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
        if (Number.isNaN(price)) {
          const text = decimalText(raw, decimalComma);
          if (text !== null) price = parseDecimalMicros(text);
          if (Number.isNaN(price)) return { reason: `price: ${shown(raw)} is not a decimal amount` };
        }
        if (absolutePrice && price < 0) price = -price;
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
      let id = clean(row[idCol]);
      if (id !== '' && idSuffix >= 0 && row[idSuffix] !== '') id = `${id}:${clean(row[idSuffix])}`;
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
      extraTargets = extras.map((e) => builder.extraTarget(e.slot));
    }
    cols.timestamp[i] = ts;
    cols.duration[i] = duration;
    cols.segments[i] = segments;
    cols.quantity[i] = quantity;
    cols.price[i] = price;
    cols.strings.id[i] = idCode;
    cols.strings.direction[i] = directionCode;
    if (constantFields.length > 0) {
      constantCodes ??= constantFields.map((f) => builder.code(f, constants[f]!));
      for (let k = 0; k < constantFields.length; k++) cols.strings[constantFields[k]][i] = constantCodes[k];
    }
    const isInbound = swaps && directionCode === inboundCode;
    for (let k = 0; k < texts.length; k++) {
      const t = texts[k];
      const raw = row[isInbound && t.inboundCol >= 0 ? t.inboundCol : t.col];
      targets[k][i] = raw === t.lastRaw ? t.lastCode : codeOf(t, raw);
    }
    for (let k = 0; k < extras.length; k++) {
      const target = extraTargets[k];
      if (target === null) continue;
      const e = extras[k];
      const raw = row[e.col];
      if (raw !== e.lastRaw) {
        e.lastRaw = raw;
        e.lastCode = builder.extraCode(e.slot, clean(raw));
      }
      target[i] = e.lastCode;
    }
    if (deriveCountry && (countryCol < 0 || cols.strings.country[i] === 0)) {
      const contactCode = contactText.lastCode;
      if (contactCode > 0) cols.strings.country[i] = countries.countryOf(contactCode, contactText.lastRaw!, ts);
    }
    return 'imported';
  };
};
