import { describe, expect, it } from 'vitest';
import type { FilePreview, SavedPreset } from '../../../worker/types';
import { assignField, draftFromPreset, draftFromPreview, toPreset } from './draft';

const preview: FilePreview = {
  encoding: 'windows-1252', delimiter: ';', header: ['Quando', 'Sentido', 'Fila', 'Obs'], headerLine: 1,
  rows: [{ line: 2, cells: ['01/09/2026 10:00', 'Entrada', 'Vendas', ''] }, { line: 3, cells: ['13/09/2026 10:00', 'Saída', 'Suporte', 'x'] }],
  detected: null, detectedCustom: false,
  columnValues: [
    { values: ['01/09/2026 10:00', '13/09/2026 10:00'], reads: {} },
    { values: ['Entrada', 'Saída', 'Transf'], reads: { direction: ['inbound', 'outbound', ''] } },
    { values: ['Vendas', 'Suporte'], reads: { direction: ['', ''] } },
    { values: ['x'], reads: {} },
  ],
  suggestion: { columns: { timestamp: 'Quando', direction: 'sentido' }, values: {}, dateFormat: 'dd/mm/yyyy', decimalMark: 'comma' },
};

describe('the mapping draft', () => {
  it('starts from the suggestions, direction values made explicit, and stands for a preset document', () => {
    const d = draftFromPreview(preview, 'America/Sao_Paulo');
    expect(d.fieldOf).toEqual(['timestamp', 'direction', '', '']);
    expect(d.values).toEqual({ direction: { Entrada: 'inbound', 'Saída': 'outbound' } });
    expect(toPreset({ ...d, name: 'Mine', kind: 'call' }, preview)).toEqual({
      format: 'tarifa.preset/1', name: 'Mine', header: ['Quando', 'Sentido', 'Fila', 'Obs'],
      columns: { timestamp: 'Quando', direction: 'Sentido' },
      values: { direction: { Entrada: 'inbound', 'Saída': 'outbound' } },
      constants: { kind: 'call' },
      dateFormat: 'dd/mm/yyyy', decimalMark: 'comma', timeZone: 'America/Sao_Paulo',
    });
  });

  it('a field moves to the column given it; its value map follows the new column', () => {
    let d = draftFromPreview(preview, 'UTC');
    d = assignField(d, preview, 2, 'direction');
    expect(d.fieldOf).toEqual(['timestamp', '', 'direction', '']);
    expect(d.values.direction).toEqual({});
    d = assignField(d, preview, 2, 'queue');
    expect(d.fieldOf).toEqual(['timestamp', '', 'queue', '']);
    expect(d.values.direction).toBeUndefined();
    expect(toPreset(d, preview).values).toBeUndefined();
  });

  it('a saved preset laid over the file keeps its maps, and its header joins this one when saved again', () => {
    const saved: SavedPreset = {
      id: 'p1', name: 'Old', createdAt: 1, updatedAt: 2,
      json: {
        format: 'tarifa.preset/1', name: 'Old', header: ['quando', 'Sentido', 'Canal'], columns: { timestamp: 'quando', direction: 'Sentido', channel: 'Canal' },
        values: { direction: { Transf: 'outbound' } }, dateFormat: 'mm/dd/yyyy',
      },
    };
    const d = draftFromPreset(preview, saved, 'UTC');
    expect(d).toMatchObject({ fieldOf: ['timestamp', 'direction', '', ''], values: { direction: { Transf: 'outbound' } }, dateFormat: 'mm/dd/yyyy', decimalMark: 'auto', savedId: 'p1', name: 'Old' });
    expect(toPreset(d, preview).header).toEqual(['Quando', 'Sentido', 'Fila', 'Obs', 'Canal']);
  });
});
