import { describe, expect, it } from 'vitest';
import { csvField, rejectsToCsv } from './rejects-csv';

describe('rejectsToCsv', () => {
  it('writes the header and quotes fields that need it', () => {
    const csv = rejectsToCsv([
      { line: 2, reason: "timestamp: cannot read '31/02/2025 10:00' as a date", raw: '31/02/2025 10:00,message,+5511' },
      { line: 7, reason: 'contact: empty', raw: '"a ""quoted"" name",x\nsecond line' },
      { line: 9, reason: 'plain', raw: 'plain' },
    ]);
    expect(csv).toBe(
      'line,reason,raw\r\n'
      + "2,timestamp: cannot read '31/02/2025 10:00' as a date,\"31/02/2025 10:00,message,+5511\"\r\n"
      + '7,contact: empty,"""a """"quoted"""" name"",x\nsecond line"\r\n'
      + '9,plain,plain\r\n',
    );
  });

  it('keeps leading and trailing spaces by quoting', () => {
    expect(csvField(' x')).toBe('" x"');
    expect(csvField(12)).toBe('12');
  });

  it('is just the header when there are no rejects', () => {
    expect(rejectsToCsv([])).toBe('line,reason,raw\r\n');
  });
});
