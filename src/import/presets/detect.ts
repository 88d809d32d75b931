/** Recognising a preset from a CSV record (header names or headerless shape) and building its RowMapping. */
import { pickExtraColumns } from '../generic/extra-columns';
import { headerName } from '../generic/header';
import type { GenericColumn } from '../generic/header';
import { ImportError } from '../types';
import { CSV_PRESETS, PRESET_SPECS } from './specs';
import type { CsvPresetSpec, Detected, PresetName, RowMapping } from './types';

const ALL_COLUMNS: readonly GenericColumn[] = [
  'timestamp', 'kind', 'id', 'contact', 'channel', 'direction', 'template', 'category', 'country', 'queue', 'team',
  'agent', 'bot', 'cost_centre', 'status', 'entry_point', 'duration', 'segments', 'quantity', 'price', 'body',
];

/** A spec's mapping of a header (cells as written); names are matched by `headerName`. */
export const buildMapping = (spec: CsvPresetSpec, cells: readonly string[]): RowMapping => {
  const names = cells.map(headerName);
  const find = (name: string | undefined): number => (name === undefined ? -1 : names.indexOf(name));
  const index = Object.fromEntries(ALL_COLUMNS.map((f) => [f, -1])) as Record<GenericColumn, number>;
  const used = new Map<number, string[]>();
  for (const field of ALL_COLUMNS) {
    for (const name of spec.columns[field] ?? []) {
      const i = names.indexOf(name);
      if (i < 0) continue;
      index[field] = i;
      used.set(i, [...(used.get(i) ?? []), field]);
      break;
    }
  }
  const shown = cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  const inbound: RowMapping['inbound'] = {};
  for (const f of ['contact', 'channel'] as const) {
    const i = find(spec.inbound?.[f]);
    if (i >= 0) {
      inbound[f] = i;
      if (!used.has(i)) used.set(i, [f]);
    }
  }
  const fallback = find(spec.timestampFallback);
  const suffix = find(spec.idSuffix);
  if (suffix >= 0 && index.id >= 0) used.set(suffix, [...(used.get(suffix) ?? []), 'id (suffix)']);
  // Extra columns (generic/extra-columns.ts) are kept as col:<header> fields, so they are not reported as unused.
  const extraColumns = spec.name === 'generic' ? pickExtraColumns(shown, (i) => used.has(i) || i === fallback || i === suffix) : [];
  return {
    index, width: cells.length,
    ignoredColumns: shown.filter((_, i) => !used.has(i) && !extraColumns.some((e) => e.col === i)),
    fields: shown.flatMap((column, i) => (used.has(i) ? [{ column, field: used.get(i)!.join('+') }] : [])),
    values: spec.values, constants: spec.constants,
    inbound: spec.inbound ? inbound : undefined,
    timestampFallback: fallback >= 0 ? fallback : undefined,
    idSuffix: suffix >= 0 && index.id >= 0 ? suffix : undefined,
    absolutePrice: spec.absolutePrice,
    ...(spec.customerNumbers ? { customerNumbers: spec.customerNumbers } : {}),
    ...(spec.name === 'generic' ? { extraColumns } : {}),
  };
};

/** How well `cells` read as `spec`'s header (0 = not at all), or as its headerless data. */
const score = (spec: CsvPresetSpec, cells: readonly string[]): { confidence: number; header: boolean } => {
  const names = new Set(cells.map(headerName));
  if (spec.required.every((n) => n.split('|').some((alt) => names.has(alt)))) {
    const found = spec.signature.filter((n) => names.has(n)).length;
    const total = spec.signature.length;
    return { confidence: 0.6 + (total === 0 ? 0.4 : (0.4 * found) / total), header: true };
  }
  const h = spec.headerless;
  if (h && h.widths.includes(cells.length) && h.looks(cells)) return { confidence: 0.9, header: false };
  return { confidence: 0, header: true };
};

const virtualHeader = (spec: CsvPresetSpec, width: number): readonly string[] => spec.headerless?.names(width) ?? [];

/** The mapping of a record for a chosen preset, or null when the record is not its header (nor its data). */
export const mappingFor = (name: PresetName, cells: readonly string[]): Detected | null => {
  const spec = PRESET_SPECS[name];
  const s = score(spec, cells);
  if (s.confidence === 0) return null;
  const header = s.header ? cells : virtualHeader(spec, cells.length);
  return { preset: name, confidence: s.confidence, header: s.header, mapping: buildMapping(spec, header) };
};

/** Every CSV preset that recognises the record, surest first. */
export const csvCandidates = (cells: readonly string[]): Detected[] =>
  CSV_PRESETS.map((p) => mappingFor(p, cells)).filter((d): d is Detected => d !== null)
    .sort((a, b) => b.confidence - a.confidence);

/** The one preset for a record; throws ImportError when two fit equally well. Null when none fits. */
export const detectCsvPreset = (cells: readonly string[], line: number): Detected | null => {
  const found = csvCandidates(cells);
  if (found.length === 0) return null;
  if (found.length > 1 && found[0].confidence - found[1].confidence < 0.05 && found[1].preset !== 'generic') {
    throw new ImportError(
      `cannot tell the format: the header fits ${found.map((f) => `${f.preset} (${f.confidence.toFixed(2)})`).join(' and ')}; `
      + 'choose one with the preset option', line, undefined, { code: 'ambiguous-preset', params: { presets: found.map((f) => f.preset).join(', ') } },
    );
  }
  return found[0];
};

/** The ImportError for a file no preset recognises, naming the presets tried and the headers found. */
export const unknownFormat = (tried: readonly PresetName[], cells: readonly string[], line: number): ImportError => {
  const found = cells.map((c) => c.replace(/^\uFEFF/, '').trim()).slice(0, 12);
  const more = cells.length > 12 ? ', …' : '';
  const others = tried.filter((t) => t !== 'generic');
  const wanted = [
    ...(tried.includes('generic') ? ["a 'timestamp' column"] : []),
    ...(others.length > 0 ? [`the header or records of ${others.join(', ')} (tried ${tried.join(', ')})`] : []),
  ];
  const expected = `expected ${wanted.join(' or ')}`;
  const code = others.length === 0 ? 'no-header' : tried.includes('generic') ? 'no-header-presets' : 'no-header-only-presets';
  return new ImportError(`no recognisable header: ${expected} (found: ${found.join(', ')}${more})`, line, 'timestamp',
    { code, params: { found: found.join(', ') + more, presets: others.join(', ') } });
};
