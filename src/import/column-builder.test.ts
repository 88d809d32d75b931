import { describe, expect, it } from 'vitest';
import { tableFromChunks } from '../engine/events';
import { ColumnBuilder } from './column-builder';

const add = (b: ColumnBuilder, ts: number, queue: string) => {
  const i = b.length;
  b.columns.timestamp[i] = ts;
  b.columns.strings.queue[i] = b.code('queue', queue);
  return b.commit();
};

describe('ColumnBuilder', () => {
  it('codes strings per field with 0 = empty and stable codes', () => {
    const b = new ColumnBuilder(4);
    expect(b.code('queue', '')).toBe(0);
    expect(b.code('queue', 'Sales')).toBe(1);
    expect(b.code('agent', 'Sales')).toBe(1);
    expect(b.code('queue', 'Support')).toBe(2);
    expect(b.code('queue', 'Sales')).toBe(1);
    expect(b.idCode('x')).toBe(1);
    expect(b.idCode('x')).toBe(-1);
    expect(b.idCode('y')).toBe(2);
    expect(b.codeOf('id', 'y')).toBeUndefined();
  });
  it('codes ids by position, keeps their texts per chunk and finds duplicates across chunk boundaries', () => {
    const b = new ColumnBuilder(2);
    const addId = (id: string): number => {
      const c = b.idCode(id);
      if (c < 0) return c;
      b.columns.strings.id[b.length] = c;
      if (b.commit()) chunks.push(b.flush().chunk);
      return c;
    };
    const chunks: ReturnType<ColumnBuilder['flush']>['chunk'][] = [];
    const long = 'wamid-HBgLNTUxMTk5OTk5OTk5FQIAERgSQ0Y2';
    expect([addId('a'), addId(long), addId('c')]).toEqual([1, 2, 3]);
    expect(addId(long)).toBe(-1); // in the flushed chunk
    expect(addId('c')).toBe(-1); // in the chunk being filled
    expect(addId('line\nbreak')).toBe(4);
    expect(addId('e')).toBe(5);
    chunks.push(b.flush().chunk);
    expect(chunks.map((c) => c.dictAppend.id)).toEqual([['', 'a', long], ['c', 'line\nbreak'], ['e']]);
    const t = tableFromChunks(chunks);
    expect(Array.from(t.columns.strings.id, (c) => t.dicts.id[c])).toEqual(['a', long, 'c', 'line\nbreak', 'e']);
  });
  it('flushes full chunks with the dictionary entries added since the previous flush', () => {
    const b = new ColumnBuilder(2);
    expect(add(b, 1, 'Sales')).toBe(false);
    expect(add(b, 2, '')).toBe(true);
    const first = b.flush();
    expect(first.chunk.index).toBe(0);
    expect(first.chunk.columns.length).toBe(2);
    expect(first.chunk.dictAppend.queue).toEqual(['', 'Sales']);
    expect(first.chunk.dictAppend.agent).toEqual(['']);
    add(b, 3, 'Sales');
    add(b, 4, 'Support');
    const second = b.flush();
    expect(second.chunk.index).toBe(1);
    expect(second.chunk.dictAppend.queue).toEqual(['Support']);
    add(b, 5, 'Billing');
    b.reject({ line: 9, reason: 'x', raw: 'y' });
    expect(b.pending).toBe(true);
    const third = b.flush();
    expect(third.chunk.columns.length).toBe(1);
    expect(third.chunk.columns.timestamp).toHaveLength(1);
    expect(third.rejects).toEqual([{ line: 9, reason: 'x', raw: 'y' }]);
    expect(b.pending).toBe(false);
    const table = tableFromChunks([third.chunk, first.chunk, second.chunk]);
    expect(Array.from(table.columns.timestamp)).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(table.columns.strings.queue, (c) => table.dicts.queue[c])).toEqual(['Sales', '', 'Sales', 'Support', 'Billing']);
  });
  it('flushes a chunk with only rejects as an empty chunk', () => {
    const b = new ColumnBuilder(8);
    b.reject({ line: 2, reason: 'r', raw: 'x' });
    const { chunk, rejects } = b.flush();
    expect(chunk.columns.length).toBe(0);
    expect(rejects).toHaveLength(1);
  });
});
