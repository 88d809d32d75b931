/**
 * Property: over generated CSVs (random quoting, delimiters, encodings, line breaks, broken rows, summary rows),
 * importCsv either fails with an ImportError or returns a summary whose accounting balances and whose rejects and
 * events add up, never another error.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/import-csv';
import { ImportError } from '../../src/import/types';

const value = fc.oneof(
  fc.constantFrom('', 'x', 'Solicitação', 'a,b', 'a;b', 'q"q', 'line\nbreak', ' 12,5 ', '0.0075', '-0.0075', 'Total'),
  fc.constantFrom('2026-09-01T10:00:00Z', '01/02/2026', '13/02/2026 10:00', '02/13/2026', '2026-09-01 10:00', 'nonsense'),
  fc.string({ maxLength: 6 }),
);

const quote = (v: string, always: boolean, d: string) =>
  always || v.includes(d) || v.includes('"') || v.includes('\n') ? `"${v.replace(/"/g, '""')}"` : v;

const csvCase = fc.record({
  header: fc.constantFrom(
    ['timestamp', 'contact', 'price'], ['timestamp', 'id', 'duration', 'quantity'], ['Data', 'Contato', 'Preço'],
    ['From', 'To', 'Body', 'Status', 'SentDate', 'Sid', 'Direction', 'Price'], ['a', 'b'],
  ),
  rows: fc.array(fc.array(value, { minLength: 0, maxLength: 9 }), { maxLength: 25 }),
  delimiter: fc.constantFrom(',', ';', '\t'),
  newline: fc.constantFrom('\n', '\r\n'),
  quoteAll: fc.boolean(),
  encoding: fc.constantFrom('string', 'utf-8', 'utf-8-bom', 'windows-1252'),
  preamble: fc.boolean(),
  dateOrder: fc.constantFrom(undefined, 'dmy', 'mdy'),
});

const encode1252 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(text, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63)) as Uint8Array<ArrayBuffer>;

describe('importCsv on generated CSVs', () => {
  it('throws nothing but ImportError, and the accounting balances', async () => {
    await fc.assert(fc.asyncProperty(csvCase, async (c) => {
      const lines = [c.header, ...c.rows].map((r) => r.map((v) => quote(v, c.quoteAll, c.delimiter)).join(c.delimiter));
      const text = `${c.preamble ? `Report${c.newline}${c.newline}` : ''}${lines.join(c.newline)}${c.newline}`;
      const source = c.encoding === 'string' ? text
        : new Blob([c.encoding === 'windows-1252' ? encode1252(text) : new TextEncoder().encode(c.encoding === 'utf-8-bom' ? `\uFEFF${text}` : text)]);
      let events = 0;
      let rejects = 0;
      try {
        const s = await importCsv(source as string | Blob, { timeZone: 'America/Sao_Paulo', chunkSize: 7, dateOrder: c.dateOrder as 'dmy' | undefined }, {
          chunk: async (chunk, r) => {
            events += chunk.columns.length;
            rejects += r.length;
          },
        });
        expect(s.rowsRead).toBe(s.imported + s.rejected + s.duplicates + s.summaryRows);
        expect(events).toBe(s.imported);
        expect(rejects).toBe(s.rejected);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
      }
    }), { numRuns: 300 });
  });
});
