/**
 * A custom preset (`"format": "tarifa.preset/1"`): how the user mapped a CSV that no built-in preset reads, saved by
 * name and reused. It is data for the one generic row writer (apply.ts builds its RowMapping), checked here with zod
 * and cross-field rules; every problem is `{ path, message }` with a path as in the file (`values.direction["Saída"]`).
 *
 * ```json
 * { "format": "tarifa.preset/1", "name": "My BSP",
 *   "header": ["Início", "Direção", "Canal", "Valor"],
 *   "columns": { "timestamp": "Início", "direction": "Direção", "channel": "Canal", "price": "Valor" },
 *   "values": { "direction": { "Entrada": "inbound", "Saída": "outbound" } },
 *   "constants": { "kind": "message" },
 *   "dateFormat": "dd/mm/yyyy", "decimalMark": "comma", "timeZone": "America/Sao_Paulo" }
 * ```
 */
import { z } from 'zod';
import { NUMBER_FIELDS, STRING_FIELDS } from '../../engine/events';
import type { StringField } from '../../engine/events';
import { formatPath, issuesFromZod } from '../../engine/plan/issues';
import { coded } from '../../engine/issue-codes';
import { headerName } from '../generic/header';
import type { GenericColumn } from '../generic/header';
import type { DateOrder } from '../generic/lenient';
import { isTimeZone } from '../../engine/time/zone';

export const PRESET_FORMAT = 'tarifa.preset/1';

/** Fields a column can feed: the normalised event fields of spec section 1, and `body` (read only to count segments). */
export const MAPPABLE_FIELDS: readonly GenericColumn[] = ['timestamp', ...STRING_FIELDS, ...NUMBER_FIELDS, 'body'];
/** Text fields whose values can be mapped ("Entrada" -> inbound) or given one value for every row. */
export const VALUE_FIELDS: readonly StringField[] = STRING_FIELDS.filter((f) => f !== 'id' && f !== 'contact');

export const DATE_FORMATS = ['auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export const DECIMAL_MARKS = ['auto', 'comma', 'dot'] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

/** The date format's day/month order for the lenient date reader; undefined for 'auto' (decided from the data). */
export const dateOrderOf = (f: DateFormat): DateOrder | undefined =>
  f === 'dd/mm/yyyy' ? 'dmy' : f === 'mm/dd/yyyy' ? 'mdy' : f === 'yyyy-mm-dd' ? 'ymd' : undefined;

const MAX_TEXT = 200;
const text = z.string().max(MAX_TEXT);
/** Text with something in it, kept as written (a preset reads back exactly as it was saved). */
const nonEmpty = text.refine((s) => s.trim() !== '', 'must not be empty');

const fieldRecord = <T extends z.ZodType>(fields: readonly string[], value: T) =>
  z.strictObject(Object.fromEntries(fields.map((f) => [f, value.optional()])) as Record<string, z.ZodOptional<T>>);

const presetSchema = z.strictObject({
  format: z.literal(PRESET_FORMAT),
  name: nonEmpty,
  description: text.optional(),
  header: z.array(text).min(1).max(500),
  headerless: z.boolean().optional(),
  columns: fieldRecord(MAPPABLE_FIELDS, nonEmpty),
  values: fieldRecord(VALUE_FIELDS, z.record(text, text)).optional(),
  constants: fieldRecord(VALUE_FIELDS, text).optional(),
  dateFormat: z.enum(DATE_FORMATS).optional(),
  decimalMark: z.enum(DECIMAL_MARKS).optional(),
  timeZone: nonEmpty.optional(),
});

export type CustomPreset = {
  format: typeof PRESET_FORMAT;
  name: string;
  description?: string;
  /** The header of the file the preset was made from (cells as written): detection compares later headers with it. */
  header: string[];
  /**
   * The file has no header row: `header` names its columns by position ('Column 1' …) and every record is data. Such
   * a preset recognises records of the header's width whose timestamp column reads as a date or time.
   */
  headerless?: boolean;
  /** Field -> header cell (as written; matched trimmed and case-insensitively). `timestamp` is required. */
  columns: Partial<Record<GenericColumn, string>>;
  /** Field -> raw text (matched trimmed, case-insensitively) -> value; texts not listed read as usual. */
  values?: Partial<Record<StringField, Record<string, string>>>;
  /** Field -> one value for every row, for fields no column feeds (a voice export: kind 'call'). */
  constants?: Partial<Record<StringField, string>>;
  /** Day/month order of dates such as 03/04/2026 (a time may follow); 'auto' (default) decides from the data. */
  dateFormat?: DateFormat;
  /** 'comma': 1.234,56; 'dot': 1,234.56; 'auto' (default): comma when the file is ';'-separated. */
  decimalMark?: DecimalMark;
  /** IANA zone naive times are read in; absent: the import's time zone. */
  timeZone?: string;
};

export type PresetIssue = { path: string; message: string; code?: string; params?: Record<string, string> };
export type ParsedPreset = { ok: true; preset: CustomPreset } | { ok: false; issues: PresetIssue[] };

const DIRECTION_VALUES = new Set(['inbound', 'outbound', '']);
const ENTRY_POINT_VALUES = new Set(['true', '']);

/** Rules zod cannot say: mapped columns are in the header, one column per field, targets the writer accepts. */
const crossChecks = (p: CustomPreset): PresetIssue[] => {
  const issues: PresetIssue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push(coded(formatPath(path), message));
  const names = new Set(p.header.map(headerName));
  if (p.columns.timestamp === undefined) at(['columns', 'timestamp'], 'is required: which column holds the date and time');
  for (const [field, column] of Object.entries(p.columns)) {
    if (!names.has(headerName(column))) at(['columns', field], `'${column}' is not a column of the header (${p.header.slice(0, 8).join(', ')}${p.header.length > 8 ? ', …' : ''})`);
  }
  for (const [field, map] of Object.entries(p.values ?? {})) {
    const seen = new Map<string, string>();
    for (const [raw, value] of Object.entries(map)) {
      const key = raw.trim().toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) at(['values', field, raw], `maps the same text as '${first}' (texts are matched ignoring case and spaces)`);
      seen.set(key, raw);
      if (field === 'direction' && !DIRECTION_VALUES.has(value)) at(['values', field, raw], `must be 'inbound' or 'outbound', not '${value}'`);
      if (field === 'entry_point' && !ENTRY_POINT_VALUES.has(value)) at(['values', field, raw], `must be 'true' or '', not '${value}'`);
    }
  }
  for (const [field, value] of Object.entries(p.constants ?? {})) {
    const column = p.columns[field as GenericColumn];
    if (column !== undefined) at(['constants', field], `${field} is read from the column '${column}': give a column or a constant, not both`);
    if (field === 'direction' && !DIRECTION_VALUES.has(value)) at(['constants', field], `must be 'inbound' or 'outbound', not '${value}'`);
  }
  if (p.timeZone !== undefined && !isTimeZone(p.timeZone)) at(['timeZone'], `'${p.timeZone}' is not an IANA time zone (e.g. America/Sao_Paulo)`);
  return issues;
};

/**
 * Zod does not pass a record entry's value to its type issue, which then reads "is required" although the value is
 * there: give the issue the value, so it says what it is ("must be a string, not number 1").
 */
const withInput = (json: unknown, iss: { code: string; path: PropertyKey[]; input?: unknown }): void => {
  if (iss.code !== 'invalid_type' || iss.input !== undefined) return;
  let v: unknown = json;
  for (const k of iss.path) v = typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  if (v !== undefined) iss.input = v;
};

/** Validates a custom preset document: the preset as written, or its issues. */
export const parseCustomPreset = (json: unknown): ParsedPreset => {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { ok: false, issues: [coded('', 'a preset must be a JSON object')] };
  const parsed = presetSchema.safeParse(json);
  if (!parsed.success) {
    for (const iss of parsed.error.issues) withInput(json, iss as { code: string; path: PropertyKey[]; input?: unknown });
    return { ok: false, issues: issuesFromZod(parsed.error) };
  }
  const preset = parsed.data as CustomPreset;
  const issues = crossChecks(preset);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, preset };
};

/** The issues as one line per issue, for error messages ("columns.timestamp: is required"). */
export const describeIssues = (issues: readonly PresetIssue[]): string =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
