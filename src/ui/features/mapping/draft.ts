/**
 * The mapping screen's form as plain data, and the `tarifa.preset/1` document it stands for. The worker validates
 * the document and previews it; nothing here decides how a row reads.
 */
import { NUMBER_FIELDS, STRING_FIELDS } from '../../../engine/events';
import type { CustomPreset, FilePreview, SavedPreset } from '../../../worker/types';

export const PRESET_FORMAT = 'tarifa.preset/1';
/** Fields a column can feed, in the order of spec section 1 (plus the message text, only counted). */
export const FIELDS: readonly string[] = ['timestamp', ...STRING_FIELDS, ...NUMBER_FIELDS, 'body'];
/** Fields whose values the screen maps (a fixed vocabulary). */
export const VALUE_MAP_FIELDS = ['direction', 'kind', 'status', 'category', 'entry_point'] as const;
export type ValueMapField = (typeof VALUE_MAP_FIELDS)[number];
export const DATE_FORMATS = ['auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'] as const;
export const DECIMAL_MARKS = ['auto', 'comma', 'dot'] as const;
export type DateFormat = (typeof DATE_FORMATS)[number];
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

export type Draft = {
  /** Field of each header column ('' = not imported). */
  fieldOf: string[];
  /** Raw text -> value, per field ('' or absent = read as usual). */
  values: Partial<Record<ValueMapField, Record<string, string>>>;
  /** Kind of every row when no column holds it ('' = message, the default). */
  kind: string;
  dateFormat: DateFormat;
  decimalMark: DecimalMark;
  timeZone: string;
  name: string;
  /** The saved preset this draft started from (saving replaces it); null for a new one. */
  savedId: string | null;
  /** That preset's header: kept with this file's, so files of its earlier shape are still recognised. */
  baseHeader: string[];
  /** The file has no header row: its first row is data and its columns go by position ('Column 1' …). */
  headerless: boolean;
};

/** The name of a headerless file's column in a preset (stored as written here, whatever the UI language). */
export const positionName = (col: number): string => `Column ${col + 1}`;

/** The column names the preset uses: the header's cells, or position names for a headerless file. */
export const columnNames = (d: Pick<Draft, 'headerless'>, preview: FilePreview): string[] =>
  (d.headerless ? preview.header.map((_, i) => positionName(i)) : preview.header);

/** The file's data rows as the draft reads them: a headerless file's first row is data too. */
export const dataRows = (d: Pick<Draft, 'headerless'>, preview: FilePreview): FilePreview['rows'] =>
  (d.headerless ? [{ line: preview.headerLine, cells: preview.header }, ...preview.rows] : preview.rows);

const key = (s: string): string => s.replace(/^\uFEFF/, '').trim().toLowerCase();

/** The column of a field in the draft, or -1. */
export const columnOf = (d: Draft, field: string): number => d.fieldOf.indexOf(field);

/** Values a field's column reads as usual, made explicit (direction only: 'Entrada' -> inbound is the point of a map). */
export const defaultValues = (preview: FilePreview, field: ValueMapField, col: number): Record<string, string> => {
  if (field !== 'direction' || col < 0) return {};
  const cv = preview.columnValues[col];
  const reads = cv?.reads[field] ?? [];
  return Object.fromEntries((cv?.values ?? []).map((v, i) => [v, reads[i] ?? '']).filter(([, r]) => r !== ''));
};

/** The suggested mapping of a file. */
export const draftFromPreview = (preview: FilePreview, timeZone: string): Draft => {
  const fieldOf = preview.header.map(() => '');
  for (const [field, column] of Object.entries(preview.suggestion.columns)) {
    const col = preview.header.findIndex((h) => key(h) === key(column ?? ''));
    if (col >= 0) fieldOf[col] = field;
  }
  const d: Draft = {
    fieldOf, values: {}, kind: '', dateFormat: preview.suggestion.dateFormat, decimalMark: preview.suggestion.decimalMark,
    timeZone, name: '', savedId: null, baseHeader: [], headerless: false,
  };
  return { ...d, values: { direction: defaultValues(preview, 'direction', columnOf(d, 'direction')) } };
};

/** A saved preset laid over a file's header (columns it maps that the file lacks are left out). */
export const draftFromPreset = (preview: FilePreview, saved: SavedPreset, timeZone: string): Draft => {
  const p = saved.json;
  const headerless = p.headerless === true;
  const names = columnNames({ headerless }, preview);
  const fieldOf = names.map((h) => Object.entries(p.columns).find(([, c]) => c !== undefined && key(c) === key(h))?.[0] ?? '');
  const values: Draft['values'] = {};
  for (const f of VALUE_MAP_FIELDS) if (p.values?.[f]) values[f] = { ...p.values[f] };
  return {
    fieldOf, values, kind: p.constants?.kind ?? '', dateFormat: p.dateFormat ?? 'auto', decimalMark: p.decimalMark ?? 'auto',
    timeZone: p.timeZone ?? timeZone, name: saved.name, savedId: saved.id, baseHeader: headerless ? [] : [...p.header], headerless,
  };
};

/** Gives `field` to column `col` (taking it from any other column), resetting its value map for the new column. */
export const assignField = (d: Draft, preview: FilePreview, col: number, field: string): Draft => {
  const fieldOf = d.fieldOf.map((f, i) => (i === col ? field : f === field && field !== '' ? '' : f));
  const values = { ...d.values };
  const before = d.fieldOf[col];
  for (const f of VALUE_MAP_FIELDS) {
    if (f === field) values[f] = defaultValues(preview, f, col);
    else if (f === before) delete values[f];
  }
  return { ...d, fieldOf, values };
};

/** The preset document the draft stands for (validated by the worker, not here). */
export const toPreset = (d: Draft, preview: FilePreview, name = d.name): CustomPreset => {
  const names = columnNames(d, preview);
  const columns: CustomPreset['columns'] = {};
  d.fieldOf.forEach((f, col) => {
    if (f !== '') (columns as Record<string, string>)[f] = names[col];
  });
  const values: NonNullable<CustomPreset['values']> = {};
  for (const f of VALUE_MAP_FIELDS) {
    const entries = Object.entries(d.values[f] ?? {}).filter(([, v]) => v.trim() !== '');
    if (columnOf(d, f) >= 0 && entries.length > 0) values[f] = Object.fromEntries(entries);
  }
  const kind = d.kind.trim();
  const header = [...names, ...d.baseHeader.filter((h) => !names.some((c) => key(c) === key(h)))];
  return {
    format: PRESET_FORMAT, name, header, ...(d.headerless ? { headerless: true } : {}), columns,
    ...(Object.keys(values).length > 0 ? { values } : {}),
    ...(kind !== '' && columnOf(d, 'kind') < 0 ? { constants: { kind } } : {}),
    dateFormat: d.dateFormat, decimalMark: d.decimalMark, timeZone: d.timeZone,
  } as CustomPreset;
};

/** A file name for a preset's JSON. */
export const presetFileName = (name: string): string =>
  `${name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'mapping'}.preset.json`;
