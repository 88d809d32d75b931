import { describe, expect, it } from 'vitest';
import { PRICE_SCALE, tableFromChunks } from '../../engine/events';
import type { EventChunk, EventTable } from '../../engine/events';
import { importCsv } from '../import-csv';
import type { ImportOptions, RejectedRow } from '../types';
import { detectCustomPreset, presetFit } from './apply';
import { PRESET_FORMAT } from './schema';
import type { CustomPreset } from './schema';

const HEADER = 'Início do atendimento;Direção;Canal;Fila;Contato;Valor (R$);Situação';

const preset = (over: Partial<CustomPreset> = {}): CustomPreset => ({
  format: PRESET_FORMAT,
  name: 'BSP',
  header: HEADER.split(';'),
  columns: {
    timestamp: 'Início do atendimento', direction: 'Direção', channel: 'Canal', queue: 'Fila', contact: 'Contato',
    price: 'Valor (R$)', status: 'Situação',
  },
  values: { direction: { Entrada: 'inbound', 'Saída': 'outbound', Transf: 'outbound' }, status: { OK: 'delivered', ERRO: 'failed' } },
  constants: { kind: 'message' },
  dateFormat: 'dd/mm/yyyy',
  decimalMark: 'comma',
  ...over,
});

const run = async (csv: string, options: Partial<ImportOptions>) => {
  const chunks: EventChunk[] = [];
  const rejects: RejectedRow[] = [];
  const summary = await importCsv(csv, { timeZone: 'America/Sao_Paulo', ...options }, {
    chunk: async (c, r) => {
      chunks.push(c);
      rejects.push(...r);
    },
  });
  return { summary, table: tableFromChunks(chunks), rejects };
};

const col = (t: EventTable, f: 'direction' | 'status' | 'queue' | 'kind' | 'channel') => Array.from(t.columns.strings[f], (k) => t.dicts[f][k]);
const iso = (t: EventTable) => Array.from(t.columns.timestamp, (ms) => new Date(ms).toISOString());
const prices = (t: EventTable) => Array.from(t.columns.price, (p) => (Number.isNaN(p) ? null : p / PRICE_SCALE));

const CSV = [
  HEADER,
  '03/04/2026 09:15;Entrada;WA;Atendimento;+5511987650001;0,00;OK',
  '03/04/2026 09:16:30;saída ;WA;Atendimento;+5511987650001;1.234,56;ok',
  '13/04/2026;Transf;WA;Pós-venda;+5511987650002;0,0625;Entregue',
  '14/04/2026 10:00;Sideways;WA;Pós-venda;+5511987650002;0,10;OK',
  '31/04/2026 10:00;Entrada;WA;Pós-venda;+5511987650002;0,10;OK',
  '15/04/2026 10:00;Entrada;WA;Pós-venda;+5511987650002;abc;ERRO',
].join('\n');

describe('a custom preset applied by the row writer', () => {
  it('maps columns, values (any case, trimmed, then the usual normaliser), dd/mm dates in its zone and decimal commas', async () => {
    const { summary, table, rejects } = await run(CSV, { mapping: preset() });
    expect(summary).toMatchObject({ preset: 'BSP', confidence: 1, rowsRead: 6, imported: 3, rejected: 3, duplicates: 0, dateOrder: 'dmy' });
    expect(iso(table)).toEqual(['2026-04-03T12:15:00.000Z', '2026-04-03T12:16:30.000Z', '2026-04-13T03:00:00.000Z']);
    expect(col(table, 'direction')).toEqual(['inbound', 'outbound', 'outbound']);
    expect(col(table, 'status')).toEqual(['delivered', 'delivered', 'delivered']);
    expect(col(table, 'kind')).toEqual(['message', 'message', 'message']);
    expect(col(table, 'queue')).toEqual(['Atendimento', 'Atendimento', 'Pós-venda']);
    expect(prices(table)).toEqual([0, 1234.56, 0.0625]);
    expect(rejects).toEqual([
      { line: 5, reason: "direction: 'Sideways' is not inbound or outbound", raw: '14/04/2026 10:00,Sideways,WA,Pós-venda,+5511987650002,"0,10",OK' },
      { line: 6, reason: "timestamp: cannot read '31/04/2026 10:00' as a date", raw: '31/04/2026 10:00,Entrada,WA,Pós-venda,+5511987650002,"0,10",OK' },
      { line: 7, reason: "price: 'abc' is not a decimal amount", raw: '15/04/2026 10:00,Entrada,WA,Pós-venda,+5511987650002,abc,ERRO' },
    ]);
    expect(summary.rowsRead).toBe(summary.imported + summary.rejected + summary.duplicates + summary.summaryRows);
  });

  it('reads month-first and year-first dates as the preset says, and the zone of the import when it has none', async () => {
    const mdy = `${HEADER}\n04/03/2026 09:15;Entrada;WA;Q;c;1;OK\n12/31/2026 23:00;Entrada;WA;Q;c;1;OK\n`;
    const a = await run(mdy, { mapping: preset({ dateFormat: 'mm/dd/yyyy', timeZone: 'UTC' }) });
    expect(iso(a.table)).toEqual(['2026-04-03T09:15:00.000Z', '2026-12-31T23:00:00.000Z']);
    const ymd = `${HEADER}\n2026/04/03 09:15;Entrada;WA;Q;c;1;OK\n`;
    const b = await run(ymd, { mapping: preset({ dateFormat: 'yyyy-mm-dd' }), timeZone: 'Asia/Tokyo' });
    expect(iso(b.table)).toEqual(['2026-04-03T00:15:00.000Z']);
    // 'auto' with nothing deciding day/month: the import stops and asks, naming the field.
    await expect(run(`${HEADER}\n04/03/2026 09:15;Entrada;WA;Q;c;1;OK\n`, { mapping: preset({ dateFormat: 'auto' }) }))
      .rejects.toThrow(/timestamp: cannot tell whether dates such as '04\/03\/2026 09:15' are day\/month or month\/day/);
  });

  it('decimal mark: dot reads 1,234.5 as thousands; comma reads 1.234,5; auto follows the delimiter', async () => {
    const dot = 'When,Price\n2026-04-03T10:00Z,"1,234.5"\n2026-04-03T10:00Z,0.0075\n';
    const p = preset({ header: ['When', 'Price'], columns: { timestamp: 'When', price: 'Price' }, values: {}, decimalMark: 'dot' });
    expect(prices((await run(dot, { mapping: p })).table)).toEqual([1234.5, 0.0075]);
    const comma = 'When,Price\n2026-04-03T10:00Z,"1.234,5"\n2026-04-03T10:00Z,"0,0075"\n';
    expect(prices((await run(comma, { mapping: { ...p, decimalMark: 'comma' } })).table)).toEqual([1234.5, 0.0075]);
    const auto = 'When;Price\n2026-04-03T10:00Z;1.234,5\n';
    expect(prices((await run(auto, { mapping: { ...p, decimalMark: 'auto' } })).table)).toEqual([1234.5]);
  });

  it('a constant fills a field no column feeds; columns it does not map are reported as ignored', async () => {
    const csv = 'When;Who;Notes\n2026-04-03T10:00Z;+5511987650001;x\n';
    const p = preset({ header: ['When', 'Who', 'Notes'], columns: { timestamp: 'When', contact: 'Who' }, values: {}, constants: { kind: 'Call', channel: 'PBX' } });
    const { summary, table } = await run(csv, { mapping: p });
    expect(col(table, 'kind')).toEqual(['call']);
    expect(col(table, 'channel')).toEqual(['PBX']);
    expect(summary.ignoredColumns).toEqual(['Notes']);
    expect(summary.mapping).toEqual([{ column: 'When', field: 'timestamp' }, { column: 'Who', field: 'contact' }]);
  });

  it('a file without a mapped column is refused naming the column', async () => {
    await expect(run('When;Direção\n2026-04-03T10:00Z;Entrada\n', { mapping: preset() }))
      .rejects.toThrow(/the file does not fit the preset 'BSP': missing 'Início do atendimento' \(timestamp\)/);
  });
});

describe('a headerless preset', () => {
  const pbx = preset({
    name: 'PBX', headerless: true, header: ['Column 1', 'Column 2', 'Column 3'], values: {}, dateFormat: 'yyyy-mm-dd',
    columns: { timestamp: 'Column 1', contact: 'Column 2', duration: 'Column 3' }, constants: { kind: 'call' },
  });
  const csv = '2026-09-01 10:00:00,+5511987650001,61\n2026-09-01 10:05:00,+5511987650002,00:02:00\nnot a date,x,1\n';

  it('reads every record as data, the first one too', async () => {
    const { summary, table, rejects } = await run(csv, { mapping: pbx, timeZone: 'UTC' });
    expect(summary).toMatchObject({ preset: 'PBX', rowsRead: 3, imported: 2, rejected: 1 });
    expect(Array.from(table.columns.duration)).toEqual([61, 120]);
    expect(col(table, 'kind')).toEqual(['call', 'call']);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[3, "timestamp: cannot read 'not a date' as a date"]]);
  });

  it('is detected by width and a date where its timestamp is; a header record of the same width is not its data', async () => {
    expect(presetFit(pbx, ['2026-09-01 10:00:00', 'a', 'b'])).toBe(0.5);
    expect(presetFit(pbx, ['When', 'Who', 'Seconds'])).toBe(0);
    expect(presetFit(pbx, ['2026-09-01 10:00:00', 'a'])).toBe(0);
    const { summary } = await run(csv, { customPresets: [pbx], timeZone: 'UTC' });
    expect(summary).toMatchObject({ preset: 'PBX', rowsRead: 3, imported: 2 });
    // Chosen for a file of another width: every record is a reject that says so, none is skipped.
    const other = await run('a,b\n1,2\n', { mapping: pbx });
    expect(other.summary).toMatchObject({ rowsRead: 2, imported: 0, rejected: 2 });
    expect(other.rejects.map((r) => r.reason)).toEqual(['row: expected 3 fields, found 2', 'row: expected 3 fields, found 2']);
  });
});

describe('detecting a saved preset', () => {
  const other = preset({ name: 'Other', header: ['Início do atendimento', 'Direção', 'X', 'Y', 'Z', 'W', 'V', 'U'], columns: { timestamp: 'Início do atendimento' } });

  it('needs every mapped column and most columns in common; the best fit wins', () => {
    const cells = HEADER.split(';');
    expect(presetFit(preset(), cells)).toBe(1);
    expect(presetFit(preset(), cells.slice(1))).toBe(0);
    expect(presetFit(other, cells)).toBeCloseTo(2 / 8);
    expect(detectCustomPreset([other, preset()], cells.map((c) => ` ${c.toUpperCase()} `))?.preset).toBe('BSP');
    expect(detectCustomPreset([other], cells)).toBeNull();
    expect(detectCustomPreset([], cells)).toBeNull();
  });

  it("is tried before the built-in presets in 'auto' imports (a generic-looking header the user mapped)", async () => {
    const csv = 'data;canal;tipo de envio\n13/04/2026 10:00;WA;Saída\n';
    const generic = await run(csv, {});
    expect(generic.summary.preset).toBe('generic');
    const mine = preset({ header: ['data', 'canal', 'tipo de envio'], columns: { timestamp: 'data', channel: 'canal', direction: 'tipo de envio' }, values: {} });
    const { summary, table } = await run(csv, { customPresets: [mine] });
    expect(summary).toMatchObject({ preset: 'BSP', imported: 1 });
    expect(col(table, 'direction')).toEqual(['outbound']);
  });
});
