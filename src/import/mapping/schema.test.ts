import { describe, expect, it } from 'vitest';
import { describeIssues, parseCustomPreset, PRESET_FORMAT } from './schema';

const valid = () => ({
  format: PRESET_FORMAT,
  name: 'My BSP',
  header: ['Início', 'Direção', 'Canal', 'Valor'],
  columns: { timestamp: 'Início', direction: 'Direção', channel: 'Canal', price: 'valor ' },
  values: { direction: { Entrada: 'inbound', 'Saída': 'outbound' } },
  constants: { kind: 'message' },
  dateFormat: 'dd/mm/yyyy',
  decimalMark: 'comma',
  timeZone: 'America/Sao_Paulo',
});

const issuesOf = (json: unknown) => {
  const r = parseCustomPreset(json);
  // The English text by path (each issue's code and parameters are tested in engine/issue-codes.test.ts).
  return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
};

describe('parseCustomPreset', () => {
  it('accepts a complete preset and keeps it as written', () => {
    const r = parseCustomPreset({ ...valid(), name: '  My BSP ' });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.preset.name).toBe('  My BSP ');
      expect(r.preset.columns.price).toBe('valor ');
      expect(r.preset.values?.direction).toEqual({ Entrada: 'inbound', 'Saída': 'outbound' });
    }
  });

  it('accepts the smallest preset: a name, a header and the timestamp column', () => {
    expect(issuesOf({ format: PRESET_FORMAT, name: 'x', header: ['When'], columns: { timestamp: 'When' } })).toEqual([]);
  });

  it('names each problem by its path', () => {
    expect(issuesOf({ ...valid(), format: 'tarifa.preset/2', colour: 'red', dateFormat: 'dd.mm.yy' })).toEqual([
      { path: 'format', message: "must be 'tarifa.preset/1'" },
      { path: 'dateFormat', message: "must be one of 'auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'" },
      { path: 'colour', message: "unknown field 'colour'" },
    ]);
    expect(issuesOf({ ...valid(), name: '  ', columns: { ...valid().columns, duraton: 'x' } })).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'columns.duraton', message: "unknown field 'duraton'" },
    ]);
    expect(issuesOf({ ...valid(), values: { direction: { Entrada: 1 } } })).toEqual([
      { path: 'values.direction.Entrada', message: 'must be a string, not number 1' },
    ]);
  });

  it('checks the columns against the header, and value and constant targets', () => {
    const { timestamp: _, ...noTimestamp } = valid().columns;
    expect(issuesOf({ ...valid(), columns: noTimestamp })).toEqual([
      { path: 'columns.timestamp', message: 'is required: which column holds the date and time' },
    ]);
    expect(issuesOf({ ...valid(), columns: { ...valid().columns, queue: 'Fila' } })).toEqual([
      { path: 'columns.queue', message: "'Fila' is not a column of the header (Início, Direção, Canal, Valor)" },
    ]);
    expect(issuesOf({ ...valid(), values: { direction: { Entrada: 'in', entrada: 'inbound' } } })).toEqual([
      { path: 'values.direction.Entrada', message: "must be 'inbound' or 'outbound', not 'in'" },
      { path: 'values.direction.entrada', message: "maps the same text as 'Entrada' (texts are matched ignoring case and spaces)" },
    ]);
    expect(issuesOf({ ...valid(), constants: { channel: 'x', direction: 'sideways' } })).toEqual([
      { path: 'constants.channel', message: "channel is read from the column 'Canal': give a column or a constant, not both" },
      { path: 'constants.direction', message: "direction is read from the column 'Direção': give a column or a constant, not both" },
      { path: 'constants.direction', message: "must be 'inbound' or 'outbound', not 'sideways'" },
    ]);
    expect(issuesOf({ ...valid(), timeZone: 'Europe/Atlantis' })).toEqual([
      { path: 'timeZone', message: "'Europe/Atlantis' is not an IANA time zone (e.g. America/Sao_Paulo)" },
    ]);
  });

  it('refuses what is not an object, and says so in one line', () => {
    expect(issuesOf([])).toEqual([{ path: '', message: 'a preset must be a JSON object' }]);
    expect(describeIssues(issuesOf({ ...valid(), name: '' }))).toBe('name: must not be empty');
  });
});
