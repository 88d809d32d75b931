// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESET_FORMAT } from '../import/mapping/schema';
import type { CustomPreset } from '../import/mapping/schema';
import { TarifaDb } from '../storage/db';
import { createMappingCalls, customPresetOptions } from './mapping';

let seq = 0;
const dbs: TarifaDb[] = [];
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-mapping-${process.pid}-${++seq}`);
  dbs.push(db);
  let id = 0;
  let clock = 1_000;
  return { db, calls: createMappingCalls({ db, now: () => (clock += 10), newId: () => `preset-${++id}` }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const file = (name: string) => new Blob([readFileSync(`test/fixtures/mapping/${name}`)]);
const HEADER = ['Início do atendimento', 'Direção', 'Canal', 'Fila', 'Contato', 'Valor (R$)'];
const bsp = (name = 'BSP Atendimento'): CustomPreset => ({
  format: PRESET_FORMAT, name, header: HEADER,
  columns: { timestamp: HEADER[0], direction: HEADER[1], channel: HEADER[2], queue: HEADER[3], contact: HEADER[4], price: HEADER[5] },
  values: { direction: { Entrada: 'inbound', 'Saída': 'outbound' } },
  dateFormat: 'dd/mm/yyyy', decimalMark: 'comma', timeZone: 'America/Sao_Paulo',
});

describe('worker mapping calls', () => {
  it('inspectFile reads a Windows-1252 ;-file no preset knows, and guesses its columns, values and formats', async () => {
    const { calls } = setup();
    const r = await calls.inspectFile(file('bsp-2026-09.csv'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.value;
    expect(p).toMatchObject({ encoding: 'windows-1252', delimiter: ';', header: HEADER, headerLine: 1, detected: null, detectedCustom: false });
    expect(p.rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(p.rows[2].cells).toEqual(['02/09/2026 14:30', 'Entrada', 'WhatsApp Suporte', 'Pós-venda', '+55 21 99876-0002', '0,00']);
    expect(p.columnValues[1]).toEqual({
      values: ['Entrada', 'Saída'],
      reads: { direction: ['inbound', 'outbound'], kind: ['entrada', 'saída'], status: ['entrada', 'saída'], category: ['entrada', 'saída'], entry_point: ['', ''] },
    });
    expect(p.columnValues[3].values).toEqual(['Atendimento', 'Pós-venda']);
    expect(p.suggestion).toEqual({
      columns: { timestamp: HEADER[0], direction: HEADER[1], channel: HEADER[2], queue: HEADER[3], contact: HEADER[4], price: HEADER[5] },
      values: { direction: ['Entrada', 'Saída'] },
      dateFormat: 'dd/mm/yyyy',
      decimalMark: 'comma',
    });
  });

  it('previewMapping imports the start of the file in memory: events, rejects with lines, accounting', async () => {
    const { calls, db } = setup();
    const r = await calls.previewMapping(file('bsp-2026-10.csv'), bsp(), 'UTC');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.counts).toEqual({ rowsRead: 6, imported: 4, rejected: 2, duplicates: 0, summaryRows: 0 });
    expect(r.value.partial).toBe(false);
    expect(r.value.events.map((e) => [e.timestamp, e.direction, e.queue, e.price, e.country])).toEqual([
      ['2026-10-01T11:00:00.000Z', 'inbound', 'Atendimento', 0, 'BR'],
      ['2026-10-01T11:03:00.000Z', 'outbound', 'Atendimento', 0.0625, 'BR'],
      ['2026-10-31T13:00:00.000Z', 'outbound', 'Pós-venda', 0.0315, 'BR'],
      ['2026-10-21T12:30:00.000Z', 'inbound', 'Pós-venda', 0, 'BR'],
    ]);
    expect(r.value.rejects).toEqual([
      { line: 5, reason: "timestamp: cannot read '32/10/2026 10:05' as a date", raw: '32/10/2026 10:05,Saída,WhatsApp Suporte,Pós-venda,+55 21 99876-0005,"0,0315"' },
      { line: 6, reason: "direction: 'Transferência' is not inbound or outbound", raw: '20/10/2026 17:45,Transferência,WhatsApp Suporte,Pós-venda,+55 21 99876-0002,"0,00"' },
    ]);
    expect(await db.presets.count()).toBe(0);
    const bad = await calls.previewMapping(file('bsp-2026-10.csv'), { ...bsp(), columns: { direction: 'Direção' } }, 'UTC');
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-preset', message: 'The preset has 1 problem.', issues: [{ path: 'columns.timestamp', message: 'is required: which column holds the date and time', code: 'timestampColumn' }] } });
  });

  it('saves, lists, renames, deletes and imports preset files; names are unique ignoring case', async () => {
    const { calls } = setup();
    const saved = await calls.savePreset(bsp());
    expect(saved).toMatchObject({ ok: true, value: { id: 'preset-1', name: 'BSP Atendimento', json: bsp() } });
    expect(await calls.savePreset(bsp('bsp atendimento '))).toMatchObject({
      ok: false, error: { code: 'invalid-preset', issues: [{ path: 'name', message: "a saved preset is already named 'bsp atendimento'" }] },
    });
    expect(await calls.renamePreset('preset-1', 'Meu BSP')).toMatchObject({ ok: true, value: { id: 'preset-1', name: 'Meu BSP', json: { name: 'Meu BSP' } } });
    expect(await calls.renamePreset('preset-1', ' ')).toMatchObject({ ok: false, error: { issues: [{ path: 'name', message: 'must not be empty' }] } });
    expect(await calls.renamePreset('nope', 'x')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const imported = await calls.importPresetFile(JSON.stringify({ ...bsp('Meu BSP') }));
    expect(imported).toMatchObject({ ok: true, value: { id: 'preset-3', name: 'Meu BSP (2)' } });
    expect(await calls.importPresetFile('{')).toMatchObject({ ok: false, error: { code: 'invalid-preset', issues: [{ path: '' }] } });
    expect(await calls.importPresetFile('{"format":"tarifa.preset/1"}')).toMatchObject({
      ok: false, error: { issues: [{ path: 'name', message: 'is required' }, { path: 'header', message: 'is required' }, { path: 'columns', message: 'is required' }] },
    });
    expect((await calls.listPresets()).map((p) => p.name)).toEqual(['Meu BSP', 'Meu BSP (2)']);
    await calls.deletePreset('preset-1');
    expect((await calls.listPresets()).map((p) => p.id)).toEqual(['preset-3']);
    expect(await calls.validatePreset(bsp())).toEqual([]);
  });

  it('a saved preset is what an import detects (and inspectFile says so); a picked one is used as is', async () => {
    const { calls, db } = setup();
    expect(await customPresetOptions(db)).toEqual({ customPresets: [] });
    await calls.savePreset(bsp());
    expect(await customPresetOptions(db)).toEqual({ customPresets: [bsp()] });
    expect(await customPresetOptions(db, 'preset-1')).toEqual({ mapping: bsp() });
    await expect(customPresetOptions(db, 'gone')).rejects.toThrow('the chosen preset no longer exists');
    const r = await calls.inspectFile(file('bsp-2026-10.csv'));
    expect(r).toMatchObject({ ok: true, value: { detected: 'BSP Atendimento', detectedCustom: true, headerLine: 1 } });
  });
});
