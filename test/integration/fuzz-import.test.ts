/**
 * Fuzz: importCsv, with every preset and with detection, on hostile input (random bytes, truncated and spliced real
 * exports, NUL bytes, invalid UTF-8, mixed line endings, a 5 MB cell, only delimiters, deep and huge JSON). Every
 * answer is clean: a summary whose accounting balances (rowsRead = imported + rejected + duplicates + summaryRows,
 * the sink got exactly the imported events and the rejects), or an ImportError; never another exception or a hang.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/import-csv';
import { PRESET_NAMES } from '../../src/import/presets/types';
import type { PresetChoice } from '../../src/import/presets/types';
import { ImportError } from '../../src/import/types';
import type { ImportSummary } from '../../src/import/types';

const CHOICES: PresetChoice[] = ['auto', ...PRESET_NAMES];
const FIXTURES = new URL('../fixtures/presets/', import.meta.url);
const REAL = readdirSync(FIXTURES).map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, FIXTURES))) }));

type Outcome = { summary: ImportSummary | null; error: unknown };

/** Imports `source` and checks the answer is clean; returns it for further checks. */
const importClean = async (source: Blob | string, preset: PresetChoice, chunkSize = 5): Promise<Outcome> => {
  let events = 0;
  let rejects = 0;
  try {
    const summary = await importCsv(source, { timeZone: 'America/Sao_Paulo', preset, chunkSize, dateOrder: 'dmy' }, {
      chunk: async (chunk, r) => {
        events += chunk.columns.length;
        rejects += r.length;
        for (const x of r) expect(Number.isInteger(x.line) && typeof x.reason === 'string').toBe(true);
      },
    });
    expect(summary.rowsRead).toBe(summary.imported + summary.rejected + summary.duplicates + summary.summaryRows);
    expect(events).toBe(summary.imported);
    expect(rejects).toBe(summary.rejected);
    return { summary, error: null };
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
    expect(error.message.length).toBeGreaterThan(0);
    return { summary: null, error };
  }
};

const blob = (...parts: (Uint8Array | string)[]): Blob => new Blob(parts as BlobPart[]);

describe('fuzz: importCsv', () => {
  it('random bytes, with every preset and detection', async () => {
    await fc.assert(fc.asyncProperty(
      fc.uint8Array({ maxLength: 600 }), fc.constantFrom(...CHOICES),
      async (bytes, preset) => void (await importClean(blob(bytes), preset)),
    ), { numRuns: 300 });
  });

  it('real exports truncated at any byte (mid character, mid quote) or spliced with junk bytes', async () => {
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...REAL), fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 12 }), fc.constantFrom(...CHOICES),
      async (file, cut, at, junk, preset) => {
        const bytes = file.bytes;
        await importClean(blob(bytes.subarray(0, cut % (bytes.length + 1))), preset);
        const k = at % (bytes.length + 1);
        await importClean(blob(bytes.subarray(0, k), junk, bytes.subarray(k)), preset);
      },
    ), { numRuns: 150 });
  });

  it('NUL bytes, invalid UTF-8 and stray quotes inside a real CSV', async () => {
    const csv = REAL.filter((f) => f.name.endsWith('.csv'));
    const poison = fc.constantFrom(
      Uint8Array.of(0), Uint8Array.of(0, 0, 0), Uint8Array.of(0xff, 0xfe), Uint8Array.of(0xc3), Uint8Array.of(0xed, 0xa0, 0x80),
      Uint8Array.of(0xf4, 0x90, 0x80, 0x80), Uint8Array.of(0x22), Uint8Array.of(0x22, 0x0a, 0x22), Uint8Array.of(0x0d),
    );
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...csv), fc.array(fc.tuple(fc.nat(), poison), { minLength: 1, maxLength: 6 }), fc.constantFrom(...CHOICES),
      async (file, hits, preset) => {
        const parts: Uint8Array[] = [];
        let from = 0;
        for (const [at, bytes] of hits.map(([a, b]) => [a % (file.bytes.length + 1), b] as const).sort((x, y) => x[0] - y[0])) {
          parts.push(file.bytes.subarray(from, at), bytes);
          from = at;
        }
        parts.push(file.bytes.subarray(from));
        await importClean(blob(...parts), preset);
      },
    ), { numRuns: 150 });
  });

  it('mixed line endings: every data line is read and accounted for', async () => {
    const header = 'timestamp,kind,contact,channel,quantity,price';
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat({ max: 59 }), fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 40 }),
      fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom<PresetChoice>('auto', 'generic'),
      async (rows, first, preset) => {
        const text = header + first + rows
          .map(([m, eol], i) => `2026-09-01T10:${String(m).padStart(2, '0')}:00Z,message,+55119876500${i % 10},wa,1,0.01${eol}`).join('');
        const { summary } = await importClean(blob(text), preset);
        // A lone CR mixed with LF or CRLF is not a line break for the parser: then rows merge, and are rejected or
        // read whole, but never lost from the accounting. CRLF mixed with LF, or CR throughout, reads every row.
        const eols = [first, ...rows.map(([, eol]) => eol)];
        if (eols.every((e) => e === '\r') || !eols.includes('\r')) {
          expect(summary?.rowsRead).toBe(rows.length);
          expect(summary?.imported).toBe(rows.length);
        }
      },
    ), { numRuns: 100 });
  });

  it('only delimiters, only quotes, only line breaks, a lone BOM', async () => {
    for (const text of [',', ',,,,,,\n,,,,,,\n', ';'.repeat(100_000), '\t\t\n\t\t', '|||\n|||', '"'.repeat(1001), '"""",""""\n',
      '\n'.repeat(10_000), '\r\n'.repeat(5000), '\uFEFF', '\uFEFF\n\n', ' ', '\u0000'.repeat(5000), '{', '[', '[]', '{}', 'null', '[[[[']) {
      for (const preset of CHOICES) {
        await importClean(text, preset);
        await importClean(blob(text), preset);
      }
    }
  });

  it('a 5 MB cell, in a quoted field, an unquoted field and an unclosed quote', async () => {
    const big = 'x'.repeat(5_000_000);
    const header = 'timestamp,kind,contact,channel,quantity,price\n';
    const row = '2026-09-01T10:00:00Z,message,+5511987650001,wa,1,0.01\n';
    for (const text of [
      `${header}${row}2026-09-01T10:00:00Z,message,"${big}",wa,1,0.01\n${row}`,
      `${header}${row}2026-09-01T10:00:00Z,message,${big},wa,1,0.01\n${row}`,
      `${header}${row}2026-09-01T10:00:00Z,message,"${big}`,
      `${big}\n${header}${row}`,
    ]) {
      const { summary } = await importClean(blob(text), 'auto', 65_536);
      if (summary !== null) expect(summary.rowsRead).toBeGreaterThanOrEqual(1);
    }
  }, 60_000);

  it('JSON presets: random JSON, deep nesting (10,000 levels), huge numbers and a huge document', async () => {
    const json: PresetChoice[] = ['auto', 'genesys-conversations-json', 'meta-pricing-analytics', 'meta-conversation-analytics'];
    await fc.assert(fc.asyncProperty(fc.jsonValue({ maxDepth: 5 }), fc.constantFrom(...json), async (v, preset) => {
      await importClean(JSON.stringify(v) ?? 'null', preset);
    }), { numRuns: 200 });
    const deepArray = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;
    const deepObject = `{"conversations":[{"conversationId":"c","participants":[{"purpose":"customer","sessions":[${'{"segments":'.repeat(10_000)}[]${'}'.repeat(10_000)}]}]}]}`;
    const deepPoint = `{"pricing_analytics":{"data":[{"data_points":[{"volume":1,"start":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}]}}`;
    for (const text of [deepArray, deepObject, deepPoint]) for (const preset of json) await importClean(text, preset);
    const points = Array.from({ length: 5 }, (_, i) => ({
      start: [1e308, -1e308, 1e21, 2 ** 64, 1.5e-300][i], end: 1788307200, phone_number: 1e25, country: 'BR',
      pricing_category: 'MARKETING', volume: [1e308, -5, 1.5, 2 ** 60, 0][i], cost: [1e308, 1e-300, -1, 1e21, Number.MAX_SAFE_INTEGER][i],
    }));
    for (const preset of json) await importClean(JSON.stringify({ pricing_analytics: { data: [{ data_points: points }] } }), preset);
    const many = JSON.stringify({ pricing_analytics: { data: [{ data_points: Array.from({ length: 200_000 }, (_, i) => ({
      start: 1788220800 + i, end: 1788307200, phone_number: '15550001111', country: 'BR', pricing_category: 'MARKETING', volume: 1, cost: 0.01,
    })) }] } });
    const { summary } = await importClean(many, 'auto', 65_536);
    expect(summary?.imported).toBe(200_000);
  }, 60_000);

  it('mutated real JSON exports (wrong types in any field) import or fail cleanly', async () => {
    const docs = REAL.filter((f) => f.name.endsWith('.json')).map((f) => JSON.parse(new TextDecoder().decode(f.bytes)) as unknown);
    const wrong = fc.constantFrom<unknown>(null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { a: 1 }, '2026-13-45T99:99:99Z');
    await fc.assert(fc.asyncProperty(
      fc.constantFrom(...docs), fc.array(fc.nat(), { minLength: 1, maxLength: 10 }), wrong,
      async (doc, picks, value) => {
        const copy = structuredClone(doc);
        let node: unknown = copy;
        for (const p of picks) {
          if (typeof node !== 'object' || node === null) break;
          const keys = Object.keys(node);
          if (keys.length === 0) break;
          const k = keys[p % keys.length];
          const child = (node as Record<string, unknown>)[k];
          if (typeof child !== 'object' || child === null || p % 4 === 0) {
            (node as Record<string, unknown>)[k] = value;
            break;
          }
          node = child;
        }
        await importClean(JSON.stringify(copy), 'auto');
      },
    ), { numRuns: 200 });
  });

  describe('regressions found by this suite', () => {
    it('a CRLF header over LF rows (files joined together) reads every row, not one merged record', async () => {
      const text = 'timestamp,kind,contact,channel,quantity,price\r\n2026-09-01T10:00:00Z,message,+5511987650001,wa,1,0.01\n'
        + '2026-09-01T10:01:00Z,message,+5511987650002,wa,1,"0.01"\r\n2026-09-01T10:02:00Z,message,+5511987650003,wa,1,0.01\n';
      const { summary } = await importClean(text, 'auto');
      expect(summary).toMatchObject({ rowsRead: 3, imported: 3, rejected: 0 });
    });

    it('an Excel CSV (CRLF rows, LF inside a quoted cell) still splits rows on CRLF only', async () => {
      const text = 'timestamp,kind,contact,channel,quantity,body\r\n2026-09-01T10:00:00Z,message,+5511987650001,wa,1,"two\nlines"\r\n'
        + '2026-09-01T10:01:00Z,message,+5511987650002,wa,1,one\r\n';
      const { summary } = await importClean(text, 'auto');
      expect(summary).toMatchObject({ rowsRead: 2, imported: 2, rejected: 0 });
    });

    it('a Meta data point with a field nested 10,000 levels deep is a rejected row, not a stack overflow', async () => {
      const text = `{"pricing_analytics":{"data":[{"data_points":[{"volume":1,"cost":0.5,"pricing_category":"MARKETING","start":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}]}]}}`;
      const { summary } = await importClean(text, 'auto');
      expect(summary).toMatchObject({ rowsRead: 1, imported: 0, rejected: 1 });
    });
  });
});
