import { describe, expect, it } from 'vitest';
import { allocateColumns, STRING_FIELDS, type EventColumns } from '../engine/events';
import { packColumns, unpackColumns, unpackInto } from './chunk-codec';

/** n rows: kind constant 1, contact up to `contacts` distinct codes, bot empty, id unique; quantity 1, price NaN. */
const columns = (n: number, contacts: number, extraCodes?: number[]): EventColumns => {
  const c = allocateColumns(n);
  for (let i = 0; i < n; i++) {
    c.timestamp[i] = 1_700_000_000_000 + i * 1000;
    c.duration[i] = i % 3 === 0 ? Number.NaN : i;
    c.segments[i] = Number.NaN;
    c.quantity[i] = 1;
    c.price[i] = Number.NaN;
    c.strings.kind[i] = 1;
    c.strings.contact[i] = 1 + (i % contacts);
    c.strings.id[i] = i + 1;
  }
  if (extraCodes) c.extra = { Department: Uint32Array.from(extraCodes) };
  return c;
};

describe('chunk codec', () => {
  it('stores codes in the narrowest array, constants as one number, and reads back the same columns', () => {
    const c = columns(70_000, 300, Array.from({ length: 70_000 }, (_, i) => i % 4));
    const packed = packColumns(c);
    expect(packed.strings.kind).toBe(1);
    expect(packed.strings.bot).toBe(0);
    expect(packed.strings.contact).toBeInstanceOf(Uint16Array); // 300 codes: over a byte
    expect(packed.strings.id).toBeInstanceOf(Uint32Array); // 70,000 codes: over 16 bits
    expect(packed.extra?.Department).toBeInstanceOf(Uint8Array);
    expect(packed.quantity).toBe(1);
    expect(Number.isNaN(packed.price as number)).toBe(true);
    expect(packed.duration).toBeInstanceOf(Float64Array);
    expect(unpackColumns(packed)).toEqual(c);
  });

  it('keeps the largest code of each width exactly (255, 65,535, and beyond)', () => {
    for (const max of [255, 256, 65_535, 65_536, 4_000_000_000]) {
      const c = columns(3, 1);
      c.strings.agent.set([0, max, 7]);
      expect(unpackColumns(packColumns(c)).strings.agent).toEqual(Uint32Array.from([0, max, 7]));
    }
  });

  it('writes a chunk into a bigger table at an offset, constants filled and empty fields left zero', () => {
    const a = columns(5, 2);
    const b = columns(4, 3);
    b.strings.team.fill(9);
    const table = allocateColumns(9);
    unpackInto(packColumns(a), table, 0);
    unpackInto(packColumns(b), table, 5);
    for (const f of STRING_FIELDS) expect(Array.from(table.strings[f])).toEqual([...a.strings[f], ...b.strings[f]]);
    expect(Array.from(table.quantity)).toEqual([...a.quantity, ...b.quantity]);
    expect(Array.from(table.duration)).toEqual([...a.duration, ...b.duration]);
    expect(Array.from(table.timestamp)).toEqual([...a.timestamp, ...b.timestamp]);
  });

  it('packs a partial chunk (arrays longer than its length) to its length', () => {
    const c = columns(10, 2);
    const partial = { ...c, length: 4 };
    const back = unpackColumns(packColumns(partial));
    expect(back.length).toBe(4);
    expect(back.timestamp).toEqual(c.timestamp.slice(0, 4));
    expect(back.strings.contact).toEqual(c.strings.contact.slice(0, 4));
  });
});
