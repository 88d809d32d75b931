import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRecords, guessDialect } from './csv-records';

const records = async (text: string, pieceSize: number) => {
  const out: { line: number; row: string[]; error?: string }[] = [];
  for await (const b of csvRecords(text, pieceSize)) {
    b.rows.forEach((row, k) => out.push({ line: b.lines ? b.lines[k] : b.firstLine + k, row, ...(b.errors?.get(k) ? { error: b.errors.get(k) } : {}) }));
  }
  return out;
};

describe('csvRecords', () => {
  const text = 'h1,h2\n"a\nb",1\n\nc,"d\r\ne\nf"\ng,2\n"x""y",3';
  const expected = [
    { line: 1, row: ['h1', 'h2'] }, { line: 2, row: ['a\nb', '1'] }, { line: 4, row: [''] },
    { line: 5, row: ['c', 'd\r\ne\nf'] }, { line: 8, row: ['g', '2'] }, { line: 9, row: ['x"y', '3'] },
  ];
  it('gives true file lines with quoted line breaks, at every piece size', async () => {
    for (let size = 1; size <= text.length + 1; size++) expect(await records(text, size), `piece ${size}`).toEqual(expected);
  });
  it('CRLF files', async () => {
    const crlf = 'h\r\n"a\r\nb"\r\nc\r\n';
    for (const size of [1, 2, 3, 100]) {
      expect((await records(crlf, size)).map((r) => [r.line, r.row])).toEqual([[1, ['h']], [2, ['a\r\nb']], [4, ['c']]]);
    }
  });
  it('property: lines match a naive count for random quoted content and piece sizes', async () => {
    const field = fc.oneof(fc.constantFrom('', 'x', 'a b'), fc.constantFrom('"q\n"', '"multi\nline\nfield"', '"a,b"'));
    await fc.assert(fc.asyncProperty(fc.array(fc.array(field, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }), fc.integer({ min: 1, max: 40 }),
      async (rows, size) => {
        const lines = rows.map((r) => r.join(','));
        const got = await records(`${lines.join('\n')}\n`, size);
        let line = 1;
        const want = lines.map((l) => {
          const at = line;
          line += 1 + (l.match(/\n/g)?.length ?? 0);
          return at;
        });
        expect(got.filter((r) => !(r.row.length === 1 && r.row[0] === '')).map((r) => r.line)).toEqual(want);
      }), { numRuns: 150 });
  });
  it('reports malformed quotes on the row', async () => {
    const out = await records('a,b\n1,"x\n', 4);
    expect(out[1]).toMatchObject({ line: 2, error: 'Quoted field unterminated' });
  });
  it('guesses the line break and delimiter from the first line', () => {
    expect(guessDialect('a;b;c\r\n1;2;3')).toEqual({ delimiter: ';', newline: '\r\n' });
    expect(guessDialect('\n\na\tb\n')).toEqual({ delimiter: '\t', newline: '\n' });
    expect(guessDialect('timestamp')).toEqual({ delimiter: ',', newline: '\n' });
  });
});
