/**
 * Properties of custom presets (src/import/mapping):
 * - any valid generated preset survives a trip through its JSON file unchanged, and validates again;
 * - applied to generated rows (right and wrong values, short and long rows, summary rows, quoted line breaks, any
 *   delimiter and encoding), the import never throws and its accounting balances: rowsRead = imported + rejected +
 *   duplicates + summaryRows, with as many events and rejects reaching the sink.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRING_FIELDS } from '../../src/engine/events';
import { importCsv } from '../../src/import/import-csv';
import { parseCustomPreset, PRESET_FORMAT } from '../../src/import/mapping/schema';
import type { CustomPreset, DateFormat } from '../../src/import/mapping/schema';

const FIELDS = ['kind', 'id', 'contact', 'channel', 'direction', 'category', 'queue', 'agent', 'status', 'duration', 'segments', 'quantity', 'price', 'body'] as const;
const VALUE_FIELDS = STRING_FIELDS.filter((f) => f !== 'id' && f !== 'contact');

/** Header names: letters, accents, spaces and punctuation, never a delimiter, a quote or a line break. */
const name = fc.string({ unit: fc.constantFrom(...'abcçãéíóúAÇÃ /()-_$1'.split('')), minLength: 1, maxLength: 10 })
  .filter((s) => s.trim() !== '' && !/^(sub-?\s?|grand\s)?tota(l|ls|is|les)\b/i.test(s.trim()));

const presetArb = fc.record({
  columns: fc.uniqueArray(name, { minLength: 2, maxLength: 8, selector: (s) => s.trim().toLowerCase() }),
  fields: fc.shuffledSubarray([...FIELDS]),
  extra: fc.uniqueArray(name, { maxLength: 3, selector: (s) => s.trim().toLowerCase() }),
  directionMap: fc.dictionary(fc.constantFrom('Entrada', 'Saída', 'IN', 'out', 'Transf'), fc.constantFrom('inbound', 'outbound')),
  statusMap: fc.dictionary(fc.constantFrom('OK', 'Erro', 'Lida'), fc.constantFrom('delivered', 'failed', 'read', 'x y')),
  constant: fc.option(fc.record({ field: fc.constantFrom(...VALUE_FIELDS), value: fc.constantFrom('call', 'PBX', 'outbound', 'BR') })),
  dateFormat: fc.constantFrom<DateFormat>('auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'),
  decimalMark: fc.constantFrom('auto', 'comma', 'dot') as fc.Arbitrary<'auto' | 'comma' | 'dot'>,
  timeZone: fc.option(fc.constantFrom('UTC', 'America/Sao_Paulo', 'Asia/Kolkata')),
  headerless: fc.boolean(),
}).map((g): CustomPreset => {
  // Headerless: the columns are named by position, as the mapping screen names them.
  const names = g.headerless ? g.columns.map((_, i) => `Column ${i + 1}`) : g.columns;
  const header = g.headerless ? names : [...names, ...g.extra.filter((e) => !names.some((c) => c.trim().toLowerCase() === e.trim().toLowerCase()))];
  const columns: CustomPreset['columns'] = { timestamp: names[0] };
  g.fields.slice(0, names.length - 1).forEach((f, i) => { columns[f] = names[i + 1]; });
  const values: NonNullable<CustomPreset['values']> = {};
  if (columns.direction && Object.keys(g.directionMap).length > 0) values.direction = g.directionMap;
  if (columns.status && Object.keys(g.statusMap).length > 0) values.status = g.statusMap;
  const constants = g.constant && !(g.constant.field in columns) && !(g.constant.field === 'direction' && g.constant.value !== 'outbound')
    ? { [g.constant.field]: g.constant.value } : undefined;
  return {
    format: PRESET_FORMAT, name: 'Generated', header, ...(g.headerless ? { headerless: true } : {}), columns, values,
    ...(constants ? { constants } : {}), dateFormat: g.dateFormat, decimalMark: g.decimalMark,
    ...(g.timeZone ? { timeZone: g.timeZone } : {}),
  };
});

const cell = fc.oneof(
  fc.constantFrom('', 'x', 'Atendimento', 'Entrada', 'Saída', 'IN', 'OK', 'Erro', '12,5', '1.234,56', '1,234.5', '0.0075', '-3', 'abc',
    'Total', 'line\nbreak', 'q"q', '00:03:21', '+55 11 98765-0001'),
  fc.string({ maxLength: 5 }),
);
/** Dates in the preset's order ('auto': ISO, so nothing is left undecided), or garbage. */
const dateCell = (format: DateFormat) => fc.oneof(
  fc.record({ d: fc.integer({ min: 1, max: 31 }), m: fc.integer({ min: 1, max: 12 }), h: fc.integer({ min: 0, max: 23 }) }).map(({ d, m, h }) => {
    const [dd, mm, hh] = [d, m, h].map((n) => String(n).padStart(2, '0'));
    return format === 'dd/mm/yyyy' ? `${dd}/${mm}/2026 ${hh}:05` : format === 'mm/dd/yyyy' ? `${mm}/${dd}/2026 ${hh}:05`
      : format === 'yyyy-mm-dd' ? `2026/${mm}/${dd} ${hh}:05:09` : `2026-${mm}-${dd}T${hh}:05:00Z`;
  }),
  fc.constantFrom('', 'nonsense', '2026-02-30', '1788350400'),
);

/** Cells holding any delimiter, a quote or a line break are quoted (as spreadsheets write them): the delimiter is then unambiguous. */
const quote = (v: string) => (/[,;\t|"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const encode1252 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(text, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)) as Uint8Array<ArrayBuffer>;

describe('custom presets, generated', () => {
  it('a valid preset round-trips through its JSON file', () => {
    fc.assert(fc.property(presetArb, (p) => {
      const first = parseCustomPreset(p);
      expect(first).toEqual({ ok: true, preset: p });
      const again = parseCustomPreset(JSON.parse(JSON.stringify(p)));
      expect(again).toEqual({ ok: true, preset: p });
    }), { numRuns: 300 });
  });

  it('applied to generated rows, the import never throws and its accounting balances', async () => {
    const caseArb = presetArb.chain((p) => fc.record({
      preset: fc.constant(p),
      rows: fc.array(fc.record({ ts: dateCell(p.dateFormat ?? 'auto'), rest: fc.array(cell, { maxLength: p.header.length + 1 }), short: fc.boolean() }), { maxLength: 25 }),
      delimiter: fc.constantFrom(',', ';', '\t'),
      newline: fc.constantFrom('\n', '\r\n'),
      encoding: fc.constantFrom('string', 'utf-8', 'windows-1252'),
    }));
    await fc.assert(fc.asyncProperty(caseArb, async ({ preset, rows, delimiter, newline, encoding }) => {
      // A headerless file with no record, or only records of empty cells (a line of bare delimiters), is 'the file is
      // empty', rightly: there is nothing to read and no header to tell a blank line from data.
      fc.pre(!preset.headerless || rows.some(({ ts, rest }) => [ts, ...rest].some((v) => v.trim() !== '')));
      const width = preset.header.length;
      const records = rows.map(({ ts, rest, short }, i) => {
        const r = [ts, ...rest];
        // Most rows have the header's width; up to a third are short or long (rejected as such).
        return short && i % 3 === 2 ? r : [...r, ...Array.from({ length: Math.max(0, width - r.length) }, () => '')].slice(0, width);
      });
      const text = [...(preset.headerless ? [] : [preset.header]), ...records].map((r) => r.map(quote).join(delimiter)).join(newline) + newline;
      const source = encoding === 'string' ? text : new Blob([encoding === 'utf-8' ? new TextEncoder().encode(text) : encode1252(text)]);
      let events = 0;
      let rejects = 0;
      const s = await importCsv(source, { mapping: preset, timeZone: 'UTC', chunkSize: 5 }, {
        chunk: async (chunk, r) => {
          events += chunk.columns.length;
          rejects += r.length;
        },
      });
      expect(s.preset).toBe('Generated');
      expect(s.rowsRead).toBe(records.filter((r) => !(r.length === 1 && r[0].trim() === '')).length);
      expect(s.rowsRead).toBe(s.imported + s.rejected + s.duplicates + s.summaryRows);
      expect(events).toBe(s.imported);
      expect(rejects).toBe(s.rejected);
    }), { numRuns: 200 });
  });
});
