import { describe, expect, it } from 'vitest';
import { previewMappedImport, readFilePreview, sourceStart } from './preview';
import { PRESET_FORMAT } from './schema';
import type { CustomPreset } from './schema';

describe('readFilePreview', () => {
  it('skips a preamble to the header (the first record as wide as most), and guesses from the rows', async () => {
    const csv = 'Relatório de setembro\n\nQuando;Sentido;Fila\n01/09/2026 10:00;Entrada;Vendas\n13/09/2026 11:00;Saída;Vendas\n';
    const p = await readFilePreview(csv);
    expect(p).toMatchObject({ encoding: 'text', delimiter: ';', header: ['Quando', 'Sentido', 'Fila'], headerLine: 3, detected: null });
    expect(p.rows.map((r) => r.line)).toEqual([4, 5]);
    expect(p.suggestion).toEqual({
      columns: { timestamp: 'Quando', direction: 'Sentido', queue: 'Fila' },
      values: { direction: ['Entrada', 'Saída'] }, dateFormat: 'dd/mm/yyyy', decimalMark: 'comma',
    });
  });

  it('says which preset reads a file: a built-in one, a saved one first, a JSON export', async () => {
    expect((await readFilePreview('timestamp,queue\n2026-09-01T10:00Z,Q\n')).detected).toBe('generic');
    const mine: CustomPreset = { format: PRESET_FORMAT, name: 'Mine', header: ['timestamp', 'queue'], columns: { timestamp: 'timestamp', queue: 'queue' } };
    expect(await readFilePreview('timestamp,queue\n2026-09-01T10:00Z,Q\n', [mine])).toMatchObject({ detected: 'Mine', detectedCustom: true });
    expect((await readFilePreview('{"conversations": []}')).detected).toBe('genesys-conversations-json');
    await expect(readFilePreview('\n\n')).rejects.toThrow('the file is empty');
  });

  it('dates that do not decide day/month leave the date format automatic', async () => {
    expect((await readFilePreview('Quando,X\n01/02/2026,a\n03/04/2026,b\n')).suggestion.dateFormat).toBe('auto');
    expect((await readFilePreview('Quando,X\n02/13/2026,a\n')).suggestion.dateFormat).toBe('mm/dd/yyyy');
  });
});

describe('the mapped preview', () => {
  it('reads only the start of a large file, cut after a line break, and says so', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `2026-09-01T10:00:00Z;Q${i % 7}`);
    const csv = `When;Queue\n${rows.join('\n')}\n`;
    const cut = await sourceStart(csv, 1000);
    expect(cut.partial).toBe(true);
    expect((cut.part as string).endsWith('\n')).toBe(true);
    const blob = await sourceStart(new Blob([csv]), 1000);
    expect(await (blob.part as Blob).text()).toBe(cut.part);
    const p: CustomPreset = { format: PRESET_FORMAT, name: 'P', header: ['When', 'Queue'], columns: { timestamp: 'When', queue: 'Queue' } };
    const r = await previewMappedImport(new Blob([csv]), p, 'UTC');
    expect(r.partial).toBe(true);
    expect(r.summary.rowsRead).toBeGreaterThan(1000);
    expect(r.summary.rowsRead).toBeLessThan(20_000);
    expect(r.summary.imported).toBe(r.summary.rowsRead);
    expect(r.rejects).toEqual([]);
  });
});
