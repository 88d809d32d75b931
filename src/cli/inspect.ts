/** `tarifa inspect`: how a usage file reads — preset, encoding, dialect, mapping, accounting, rejects, range, counts. */
import type { EventTable } from '../engine/events';
import type { CliIo } from './bill';
import { randomPseudonymKey } from '../import/pseudonym';
import { loadUsage } from './load-usage';
import type { LoadedUsage } from './load-usage';
import type { InspectArgs } from './args';

const REJECTS_SHOWN = 10;

export type InspectDocument = {
  file: string;
  preset: string;
  confidence: number;
  encoding: string;
  delimiter: string;
  dateOrder: string | null;
  mapping: { column: string; field: string }[];
  ignoredColumns: string[];
  rows: { read: number; imported: number; rejected: number; duplicates: number; summary: number };
  rejects: { line: number; reason: string }[];
  range: { first: string; last: string } | null;
  kinds: Record<string, number>;
  channels: Record<string, number>;
};

const countBy = (t: EventTable, field: 'kind' | 'channel'): Record<string, number> => {
  const counts = new Array<number>(t.dicts[field].length).fill(0);
  const codes = t.columns.strings[field];
  for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
  return Object.fromEntries(
    counts.map((n, c) => [t.dicts[field][c] || '(empty)', n] as const).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]),
  );
};

export const inspectDocument = (file: string, usage: LoadedUsage): InspectDocument => {
  const s = usage.files[0].summary;
  return {
    file, preset: s.preset, confidence: Math.round(s.confidence * 100) / 100, encoding: s.encoding,
    delimiter: s.delimiter, dateOrder: s.dateOrder, mapping: s.mapping, ignoredColumns: s.ignoredColumns,
    rows: { read: s.rowsRead, imported: s.imported, rejected: s.rejected, duplicates: s.duplicates, summary: s.summaryRows },
    rejects: usage.rejects.slice(0, REJECTS_SHOWN).map((r) => ({ line: r.line, reason: r.reason })),
    range: s.imported > 0 ? { first: new Date(s.minTimestamp).toISOString(), last: new Date(s.maxTimestamp).toISOString() } : null,
    kinds: countBy(usage.table, 'kind'),
    channels: countBy(usage.table, 'channel'),
  };
};

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', '': '(JSON)' };

export const inspectText = (d: InspectDocument): string => {
  const out = [
    `${d.file}`,
    `  preset      ${d.preset} (confidence ${d.confidence})`,
    `  encoding    ${d.encoding}, delimiter ${DELIMITER_NAMES[d.delimiter] ?? d.delimiter}, date order ${d.dateOrder ?? '(no day/month dates)'}`,
    '  mapping',
    ...d.mapping.map((m) => `    ${m.column} -> ${m.field}`),
    ...(d.ignoredColumns.length > 0 ? [`  ignored     ${d.ignoredColumns.join(', ')}`] : []),
    `  rows        ${d.rows.read} read: ${d.rows.imported} imported, ${d.rows.rejected} rejected, `
      + `${d.rows.duplicates} duplicates, ${d.rows.summary} summary rows`,
    ...(d.rejects.length > 0 ? ['  first rejects', ...d.rejects.map((r) => `    line ${r.line}: ${r.reason}`)] : []),
    `  range       ${d.range ? `${d.range.first} to ${d.range.last}` : '(no events)'}`,
    `  kinds       ${Object.entries(d.kinds).map(([k, n]) => `${k} ${n}`).join(', ') || '(none)'}`,
    `  channels    ${Object.entries(d.channels).map(([k, n]) => `${k} ${n}`).join(', ') || '(none)'}`,
  ];
  return `${out.join('\n')}\n`;
};

export const runInspect = async (args: InspectArgs, io: CliIo): Promise<number> => {
  const usage = await loadUsage([args.file], args.preset, args.timeZone, args.pseudonymise ? { pseudonymKey: randomPseudonymKey() } : {});
  const doc = inspectDocument(args.file, usage);
  io.stdout(args.format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : inspectText(doc));
  return 0;
};
