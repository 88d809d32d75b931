/**
 * A custom preset applied to a file: its RowMapping for the generic row writer (so rows, rejects, duplicates and
 * pseudonyms behave as for every preset), and detection: a header is a saved preset's when it has every column the
 * preset maps and most of its columns are the preset's.
 */
import type { StringField } from '../../engine/events';
import { headerName } from '../generic/header';
import type { GenericColumn } from '../generic/header';
import { normalisers } from '../generic/row-writer';
import type { CachedField } from '../generic/row-writer';
import type { Detected, RowMapping, ValueMap } from '../presets/types';
import { ImportError } from '../types';
import { dateOrderOf, MAPPABLE_FIELDS } from './schema';
import type { CustomPreset } from './schema';

/** Share of the file's columns (and of the preset's) that must be the preset's for it to be recognised. */
export const MIN_OVERLAP = 0.5;

const hasNormaliser = (f: StringField): f is CachedField => Object.hasOwn(normalisers, f);

/**
 * A field's value map: a listed raw text (trimmed, any case) reads as its value, any other as it would without the
 * map; either then goes through the field's usual normaliser (so 'Entregue' or a mapped 'DELIVERED' read 'delivered').
 */
export const valueMapOf = (field: StringField, map: Readonly<Record<string, string>>): ValueMap => {
  const table = new Map(Object.entries(map).map(([raw, value]) => [raw.trim().toLowerCase(), value.trim()]));
  const base: ValueMap = hasNormaliser(field) ? normalisers[field] : (v) => v;
  return (raw) => base(table.get(raw.toLowerCase()) ?? raw);
};

/** The preset's mapping of a header record (cells as written). Columns it does not map are reported as ignored. */
export const customRowMapping = (preset: CustomPreset, cells: readonly string[]): RowMapping => {
  const names = cells.map(headerName);
  const index = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, -1])) as Record<GenericColumn, number>;
  const used = new Map<number, string[]>();
  for (const field of MAPPABLE_FIELDS) {
    const column = preset.columns[field];
    if (column === undefined) continue;
    const i = names.indexOf(headerName(column));
    if (i < 0) continue;
    index[field] = i;
    used.set(i, [...(used.get(i) ?? []), field]);
  }
  const shown = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const values: NonNullable<RowMapping['values']> = {};
  for (const [field, map] of Object.entries(preset.values ?? {}) as [StringField, Record<string, string>][]) {
    if (index[field] >= 0 && Object.keys(map).length > 0) values[field] = valueMapOf(field, map);
  }
  const constants: NonNullable<RowMapping['constants']> = {};
  for (const [field, value] of Object.entries(preset.constants ?? {}) as [StringField, string][]) {
    const v = hasNormaliser(field) && value !== '' ? normalisers[field](value.trim()) : value.trim();
    if (v) constants[field] = v;
  }
  return {
    index, width: cells.length,
    ignoredColumns: shown.filter((_, i) => !used.has(i)),
    fields: shown.flatMap((column, i) => (used.has(i) ? [{ column, field: used.get(i)!.join('+') }] : [])),
    values, constants,
  };
};

/** The decimal mark and dates as the preset reads them; `delimiter` decides an 'auto' decimal mark. */
export const presetReading = (preset: CustomPreset): NonNullable<Detected['reading']> => ({
  dateOrder: dateOrderOf(preset.dateFormat ?? 'auto'),
  decimalComma: preset.decimalMark === 'comma' ? true : preset.decimalMark === 'dot' ? false : undefined,
  timeZone: preset.timeZone,
});

/** A timestamp cell as dates come (digits with date or time separators, or epoch digits); not a header name. */
const DATE_LIKE = /^\s*(\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{9,13}\s*$)/;

/** A record of a headerless preset's data: its width, and a date where the timestamp column is. */
const looksLikeData = (preset: CustomPreset, cells: readonly string[]): boolean => {
  const ts = preset.columns.timestamp === undefined ? -1 : preset.header.map(headerName).indexOf(headerName(preset.columns.timestamp));
  return cells.length === preset.header.length && ts >= 0 && DATE_LIKE.test(cells[ts] ?? '');
};

/**
 * How well a record fits the preset: for a header, 0 when a mapped column is missing, else the share of columns in
 * common; for a headerless preset, MIN_OVERLAP when the record looks like its data (so any header fit beats it).
 */
export const presetFit = (preset: CustomPreset, cells: readonly string[]): number => {
  if (preset.headerless) return looksLikeData(preset, cells) ? MIN_OVERLAP : 0;
  const names = new Set(cells.map(headerName).filter((n) => n !== ''));
  for (const column of Object.values(preset.columns)) if (column !== undefined && !names.has(headerName(column))) return 0;
  const known = new Set(preset.header.map(headerName).filter((n) => n !== ''));
  let common = 0;
  for (const n of names) if (known.has(n)) common++;
  return common / Math.max(names.size, known.size, 1);
};

/** The preset used for a header record (whatever the fit), or null when it lacks a mapped column. */
export const customDetected = (preset: CustomPreset, cells: readonly string[]): Detected | null => {
  if (preset.headerless) {
    // Chosen by the user: every record is data, the first one too (a record of another width is then rejected as such).
    return { preset: preset.name.trim(), confidence: 1, header: false, mapping: customRowMapping(preset, preset.header), reading: presetReading(preset) };
  }
  const fit = presetFit(preset, cells);
  if (fit === 0) return null;
  return { preset: preset.name.trim(), confidence: 1, header: true, mapping: customRowMapping(preset, cells), reading: presetReading(preset) };
};

/** The saved preset a header record is, the best fitting first (ties: the first given); null when none fits. */
export const detectCustomPreset = (presets: readonly CustomPreset[], cells: readonly string[]): Detected | null => {
  let best: CustomPreset | null = null;
  let bestFit = MIN_OVERLAP;
  for (const p of presets) {
    const fit = presetFit(p, cells);
    if (fit > bestFit || (fit === bestFit && fit >= MIN_OVERLAP && best === null)) {
      best = p;
      bestFit = fit;
    }
  }
  if (best === null) return null;
  const header = best.headerless ? best.header : cells;
  return {
    preset: best.name.trim(), confidence: bestFit, header: !best.headerless, mapping: customRowMapping(best, header), reading: presetReading(best),
  };
};

/** The ImportError for a file that lacks columns the chosen preset maps. */
export const presetMismatch = (preset: CustomPreset, cells: readonly string[], line: number): ImportError => {
  const names = new Set(cells.map(headerName));
  const missing = Object.entries(preset.columns).filter(([, c]) => c !== undefined && !names.has(headerName(c)));
  const found = cells.map((c) => c.replace(/^\uFEFF/, '').trim()).slice(0, 12);
  return new ImportError(
    `the file does not fit the preset '${preset.name}': missing ${missing.map(([f, c]) => `'${c}' (${f})`).join(', ')} `
    + `(found: ${found.join(', ')}${cells.length > 12 ? ', …' : ''})`,
    line, missing[0]?.[0], {
      code: 'preset-mismatch',
      params: { preset: preset.name, missing: missing.map(([f, c]) => `'${c}' (${f})`).join(', '), found: found.join(', ') + (cells.length > 12 ? ', …' : '') },
    },
  );
};
