import { describe, expect, it } from 'vitest';
import { tableFromChunks } from '../engine/events';
import type { EventChunk } from '../engine/events';
import { ColumnBuilder } from './column-builder';
import { importCsv } from './import-csv';
import type { ImportOptions, ImportSink } from './types';

const options: ImportOptions = { preset: 'generic', timeZone: 'UTC' };

const collect = () => {
  const chunks: EventChunk[] = [];
  const sink: ImportSink = {
    chunk: async (c) => {
      chunks.push(c);
    },
  };
  return { chunks, sink };
};

describe('importCsv duplicate ids', () => {
  it('counts a repeat once across chunk boundaries and never takes empty ids for duplicates', async () => {
    const csv = [
      'timestamp,id,queue',
      '2026-09-01T00:00Z,a,Q1', // line 2
      '2026-09-01T00:01Z,,Q2',
      '2026-09-01T00:02Z,b,Q3', // chunk 0 ends here (chunkSize 3)
      '2026-09-01T00:03Z,a,Q4', // duplicate of a row in the flushed chunk
      '2026-09-01T00:04Z, ,Q5', // blank id = empty
      '2026-09-01T00:05Z,,Q6',
      '2026-09-01T00:06Z,b ,Q7', // trimmed: duplicate of b
      '2026-09-01T00:07Z,c,Q8',
      '2026-09-01T00:08Z,c,Q9', // duplicate within the chunk being filled
      'nonsense,d,Q10', // rejected: its id is not taken
      '2026-09-01T00:10Z,d,Q11',
      '2026-09-01T00:11Z,,Q12',
    ].join('\n');
    const c = collect();
    const s = await importCsv(csv, { ...options, chunkSize: 3 }, c.sink);
    expect(s).toMatchObject({ rowsRead: 12, imported: 8, rejected: 1, duplicates: 3, chunks: 3 });
    expect(s.rowsRead).toBe(s.imported + s.rejected + s.duplicates);
    const t = tableFromChunks(c.chunks);
    expect(Array.from(t.columns.strings.queue, (k) => t.dicts.queue[k])).toEqual(['Q1', 'Q2', 'Q3', 'Q5', 'Q6', 'Q8', 'Q11', 'Q12']);
    expect(Array.from(t.columns.strings.id, (k) => t.dicts.id[k])).toEqual(['a', '', 'b', '', '', 'c', 'd', '']);
    expect(t.dicts.id).toEqual(['', 'a', 'b', 'c', 'd']);
    expect(c.chunks.map((ch) => ch.dictAppend.id)).toEqual([['', 'a', 'b'], ['c'], ['d']]);
  });

  it('finds a repeat from an earlier file of the same dataset, at any distance', async () => {
    const dataset = new ColumnBuilder(4);
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, k) => `2026-09-01T00:00Z,wamid.HBgLNTUxMTk5OTk5OTk5FQIAERgS${from + k}`);
    const first = await importCsv(['timestamp,id', ...rows(0, 10_000)].join('\n'), { ...options, dataset }, collect().sink);
    expect(first).toMatchObject({ imported: 10_000, duplicates: 0 });
    const second = await importCsv(['timestamp,id', ...rows(9_990, 10_010), ...rows(0, 3)].join('\n'), { ...options, dataset }, collect().sink);
    expect(second).toMatchObject({ rowsRead: 23, imported: 10, duplicates: 13 });
  });
});

describe('importCsv and a slow sink', () => {
  const csv = ['timestamp,id', ...Array.from({ length: 1000 }, (_, i) => `2026-09-01T00:00:00Z,${i}`)].join('\n');
  const tick = () => new Promise((resolve) => setTimeout(resolve, 2));

  it('hands over one chunk at a time and settles only after the last call', async () => {
    let running = 0;
    let most = 0;
    let done = 0;
    const sink: ImportSink = {
      chunk: async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        running--;
        done++;
      },
    };
    const s = await importCsv(csv, { ...options, chunkSize: 100 }, sink);
    expect(s.chunks).toBe(10);
    expect(most).toBe(1);
    expect(done).toBe(10);
  });

  it('fails with the sink failure and leaves no call running', async () => {
    let calls = 0;
    let running = 0;
    const sink: ImportSink = {
      chunk: async () => {
        calls++;
        running++;
        await tick();
        running--;
        if (calls === 3) throw new Error('disk full');
      },
    };
    await expect(importCsv(csv, { ...options, chunkSize: 100 }, sink)).rejects.toThrow('disk full');
    expect(calls).toBe(3);
    expect(running).toBe(0);
  });

  it('a failure elsewhere waits for the call in flight', async () => {
    const controller = new AbortController();
    let running = 0;
    const sink: ImportSink = {
      chunk: async () => {
        running++;
        controller.abort();
        await tick();
        running--;
      },
    };
    const error = await importCsv(csv, { ...options, chunkSize: 100 }, sink, controller.signal).catch((e: unknown) => e);
    expect((error as DOMException).name).toBe('AbortError');
    expect(running).toBe(0);
  });
});
