import { describe, expect, it } from 'vitest';
import { parseCustomPreset } from './schema';

describe('custom preset issues carry codes for the UI languages (issue #7)', () => {
  it('codes the cross checks and the shape issues, messages unchanged', () => {
    const r = parseCustomPreset({
      format: 'tarifa.preset/1', name: 'x', header: ['When', 'Dir'], columns: { duration: 'Nope', direction: 'Dir' },
      values: { direction: { In: 'in' } }, timeZone: 'Mars/Base',
    });
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'columns.timestamp', message: 'is required: which column holds the date and time', code: 'timestampColumn' },
      { path: 'columns.duration', message: "'Nope' is not a column of the header (When, Dir)", code: 'notAColumn', params: { column: 'Nope', header: 'When, Dir' } },
      { path: 'values.direction.In', message: "must be 'inbound' or 'outbound', not 'in'", code: 'eitherNot', params: { a: 'inbound', b: 'outbound', value: 'in' } },
      { path: 'timeZone', message: "'Mars/Base' is not an IANA time zone (e.g. America/Sao_Paulo)", code: 'timeZone', params: { value: 'Mars/Base' } },
    ]);
    const shape = parseCustomPreset({ format: 'tarifa.preset/1', name: '', header: [], columns: { timestamp: 1 } });
    expect((shape.ok ? [] : shape.issues).filter((i) => i.code === undefined)).toEqual([]);
    expect(parseCustomPreset(7)).toMatchObject({ ok: false, issues: [{ path: '', code: 'notObject', params: { what: 'preset' } }] });
  });
});
