import { createReadStream, readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { tableFromChunks } from '../../src/engine/events';
import type { EventChunk, EventTable, StringField } from '../../src/engine/events';
import { ColumnBuilder } from '../../src/import/column-builder';
import { importCsv } from '../../src/import/import-csv';
import { ImportError } from '../../src/import/types';
import type { ImportOptions, ImportProgress, ImportSink, RejectedRow } from '../../src/import/types';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url);
const options: ImportOptions = { preset: 'generic', timeZone: 'UTC' };

const collect = () => {
  const chunks: EventChunk[] = [];
  const rejects: RejectedRow[] = [];
  const progress: ImportProgress[] = [];
  const sink: ImportSink = {
    chunk: async (c, r) => {
      chunks.push(c);
      rejects.push(...r);
    },
    progress: (p) => progress.push(p),
  };
  return { chunks, rejects, progress, sink };
};

const text = (t: EventTable, f: StringField) => Array.from(t.columns.strings[f], (c) => t.dicts[f][c]);
const iso = (t: EventTable) => Array.from(t.columns.timestamp, (ms) => new Date(ms).toISOString());

describe('importCsv on the fixtures', () => {
  it('generic-small: every row, rule by rule', async () => {
    const c = collect();
    const s = await importCsv(createReadStream(fixture('generic-small.csv')), { ...options, timeZone: 'America/Sao_Paulo' }, c.sink);
    expect(s).toMatchObject({ preset: 'generic', rowsRead: 26, imported: 25, rejected: 0, duplicates: 1, ignoredColumns: ['Notes'], chunks: 1 });
    expect(s.rowsRead).toBe(s.imported + s.rejected + s.duplicates);
    const t = tableFromChunks(c.chunks);
    expect(t.columns.length).toBe(25);
    expect(iso(t).slice(0, 7)).toEqual([
      '2026-09-01T12:00:00.000Z', '2026-09-02T12:15:00.000Z', '2026-09-02T12:00:00.000Z', '2026-09-03T12:00:00.000Z',
      '2026-09-05T10:00:00.000Z', '2026-09-08T10:00:00.000Z', '2026-09-09T17:30:00.500Z',
    ]);
    expect(iso(t)[16]).toBe('2026-10-01T01:30:00.000Z'); // naive, read in Sao Paulo
    expect(text(t, 'kind').slice(0, 12)).toEqual([...Array(11).fill('message'), 'call']);
    expect(text(t, 'direction').slice(0, 4)).toEqual(['outbound', 'inbound', 'outbound', 'outbound']);
    expect(text(t, 'id')).not.toContain('');
    expect(new Set(text(t, 'id')).size).toBe(25);
    expect(Array.from(t.columns.quantity).slice(0, 12)).toEqual([2000, 2000, 2000, 2000, 1500, 1000, 1000, 500, 300, 200, 1, 1]);
    expect(t.columns.duration[14]).toBe(300.5);
    expect(t.columns.duration[0]).toBeNaN();
    expect(t.columns.price[0]).toBeNaN();
    expect(text(t, 'status')[6]).toBe('failed');
    expect(text(t, 'agent')[10]).toBe('');
    expect(c.progress.at(-1)).toMatchObject({ rowsRead: 26, rowsImported: 25, rowsRejected: 0, bytesRead: s.bytes });
  });

  it('generic-broken-rows: exact rejects with true line numbers, body -> segments', async () => {
    const c = collect();
    const s = await importCsv(readFileSync(fixture('generic-broken-rows.csv'), 'utf8'), options, c.sink);
    expect(s).toMatchObject({ rowsRead: 8, imported: 4, rejected: 4, duplicates: 0, ignoredColumns: [] });
    expect(c.rejects).toEqual([
      { line: 6, reason: "timestamp: cannot read '31/02/2026 10:00' as a date", raw: '31/02/2026 10:00,b-004,message,outbound,+5511900000004,,bad timestamp' },
      { line: 7, reason: "duration: 'about a minute' is not a number", raw: '2026-09-01T12:20:00Z,b-005,call,inbound,+5511900000005,about a minute,' },
      { line: 9, reason: "direction: 'sideways' is not inbound or outbound", raw: '2026-09-01T12:30:00Z,b-006,message,sideways,+5511900000006,,' },
      { line: 10, reason: 'row: expected 7 fields, found 3', raw: '2026-09-01T12:40:00Z,b-007,message' },
    ]);
    const t = tableFromChunks(c.chunks);
    expect(text(t, 'id')).toEqual(['b-001', 'b-002', 'b-003', 'b-008']);
    expect(Array.from(t.columns.segments)).toEqual([1, 1, NaN, 1]);
    expect(Array.from(t.columns.duration)).toEqual([NaN, 65, NaN, NaN]);
    // rejected rows add nothing to the dictionaries
    expect(t.dicts.contact).toEqual(['', '+5511900000001', '+5511900000002', '+5511900000003', '+5511900000008']);
  });

  it('the same line numbers whatever the chunking, from a Blob and a byte stream split mid-character', async () => {
    const bytes = readFileSync(fixture('generic-broken-rows.csv'));
    const fromBlob = collect();
    await importCsv(new Blob([bytes]), { ...options, chunkSize: 2 }, fromBlob.sink);
    const pieces = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const fromStream = collect();
    await importCsv(Readable.from(pieces), options, fromStream.sink);
    for (const r of [fromBlob, fromStream]) {
      expect(r.rejects.map((x) => x.line)).toEqual([6, 7, 9, 10]);
      expect(text(tableFromChunks(r.chunks), 'id')).toEqual(['b-001', 'b-002', 'b-003', 'b-008']);
    }
    expect(fromBlob.chunks.map((ch) => ch.columns.length)).toEqual([2, 2]);
    expect(fromBlob.chunks.map((ch) => ch.index)).toEqual([0, 1]);
    expect(tableFromChunks(fromStream.chunks).columns.segments[3]).toBe(1);
  });

  it('BOM + CRLF', async () => {
    const c = collect();
    const s = await importCsv(new Blob([readFileSync(fixture('generic-bom-crlf.csv'))]), options, c.sink);
    expect(s).toMatchObject({ rowsRead: 4, imported: 4, rejected: 0, ignoredColumns: ['Notes'] });
    const t = tableFromChunks(c.chunks);
    expect(text(t, 'status')).toEqual(['delivered', 'received', 'read', 'delivered']);
    expect(text(t, 'id')).toEqual(['s-001', 's-002', 's-003', 's-004']);
  });

  it('whole-file problems throw ImportError', async () => {
    const c = collect();
    await expect(importCsv(createReadStream(fixture('empty.csv')), options, c.sink)).rejects.toThrow(new ImportError('the file is empty', undefined, undefined, { code: 'empty' }));
    await expect(importCsv('\uFEFF\n\r\n  \n', options, c.sink)).rejects.toThrow('the file is empty');
    await expect(importCsv(new Blob([readFileSync(fixture('no-header.csv'))]), options, c.sink)).rejects.toThrow(
      "no recognisable header: expected a 'timestamp' column (found: 2026-09-01T12:00:00Z, s-001, message, outbound, +5511900000001)");
    await expect(importCsv('a,b,c\n1,2,3\n', options, c.sink)).rejects.toThrow("expected a 'timestamp' column (found: a, b, c)");
    await expect(importCsv('timestamp\n', { ...options, timeZone: 'Mars/Base' }, c.sink)).rejects.toBeInstanceOf(ImportError);
  });

  it('normalisation rules', async () => {
    const csv = [
      ' TimeStamp ,kind,direction,category,status,entry_point,quantity,price,country,queue,id,segments,body',
      '2026-09-01T00:00:00Z,,incoming,MARKETING,Delivered,Yes,,-0.0075,br, Sales ,a,,abc',
      '2026-09-01T00:00:00Z,SESSION,outbound-reply,Utility,READ,0,2.5,1,BR,Sales,b,3,abc',
      '2026-09-01T00:00:00Z,call,OUTBOUND-CALL,,,true,,,,,c,,',
      '2026-09-01T00:00:00Z,call,out,,,1,x,,,,d,,',
      '2026-09-01T00:00:00Z,call,out,,,1,,1.2.3,,,e,,',
      '2026-09-01T00:00:00Z,call,out,,,1,,,,,f,-1,',
      '2026-09-01T00:00:00Z,call,,,,,,,,,a,,',
    ].join('\n');
    const c = collect();
    const s = await importCsv(csv, options, c.sink);
    expect(s).toMatchObject({ imported: 3, rejected: 3, duplicates: 1 });
    expect(c.rejects.map((r) => r.reason)).toEqual([
      "quantity: 'x' is not a number", "price: '1.2.3' is not a decimal amount", "segments: '-1' must not be negative",
    ]);
    const t = tableFromChunks(c.chunks);
    expect(text(t, 'kind')).toEqual(['message', 'session', 'call']);
    expect(text(t, 'direction')).toEqual(['inbound', 'outbound', 'outbound']);
    expect(text(t, 'category')).toEqual(['marketing', 'utility', '']);
    expect(text(t, 'status')).toEqual(['delivered', 'read', '']);
    expect(text(t, 'entry_point')).toEqual(['true', '', 'true']);
    expect(text(t, 'country')).toEqual(['BR', 'BR', '']);
    expect(text(t, 'queue')).toEqual(['Sales', 'Sales', '']);
    expect(Array.from(t.columns.quantity)).toEqual([1, 2.5, 1]);
    expect(Array.from(t.columns.price)).toEqual([-7500, 1_000_000, NaN]);
    expect(Array.from(t.columns.segments)).toEqual([1, 3, NaN]);
  });

  it('several files through one builder make one dataset (dictionaries, chunk numbers, duplicates)', async () => {
    const dataset = new ColumnBuilder();
    const c = collect();
    await importCsv('timestamp,id,queue\n2026-09-01T00:00Z,a,Sales\n', { ...options, dataset }, c.sink);
    const second = await importCsv('timestamp,id,queue\n2026-09-02T00:00Z,b,Support\n2026-09-02T00:00Z,a,Sales\n', { ...options, dataset }, c.sink);
    expect(second).toMatchObject({ imported: 1, duplicates: 1, chunks: 1 });
    expect(c.chunks.map((ch) => ch.index)).toEqual([0, 1]);
    const t = tableFromChunks(c.chunks);
    expect(text(t, 'queue')).toEqual(['Sales', 'Support']);
  });

  it('abort rejects with an AbortError and stops reading', async () => {
    const controller = new AbortController();
    const lines = ['timestamp,id', ...Array.from({ length: 5000 }, (_, i) => `2026-09-01T00:00:00Z,${i}`)].join('\n');
    let chunks = 0;
    const sink: ImportSink = {
      chunk: async () => {
        chunks++;
        controller.abort();
      },
    };
    const error = await importCsv(lines, { ...options, chunkSize: 100 }, sink, controller.signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
    expect(chunks).toBe(1);
    await expect(importCsv(lines, options, sink, controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
