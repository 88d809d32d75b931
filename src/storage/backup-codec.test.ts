// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { CodecError, decodeValue, encodeValue } from './backup-codec';

const roundTrip = (v: unknown) => decodeValue(encodeValue(v));

describe('backup codec', () => {
  it('keeps typed arrays (as binary parts), NaN, Infinity, -0, undefined, Dates, Maps, Sets and bigints', () => {
    const value = {
      f64: new Float64Array([1.5, Number.NaN, -0, 1e300]),
      u32: new Uint32Array([0, 4_000_000_000]),
      sub: new Uint8Array([9, 8, 7, 6]).subarray(1, 3),
      buf: new Uint8Array([1, 2, 3]).buffer,
      nums: [Number.NaN, Infinity, -Infinity, -0, 0, 42],
      u: undefined,
      list: [undefined, null, 'x'],
      when: new Date(1_700_000_000_000),
      map: new Map<unknown, unknown>([['a', 1], [2, new Int16Array([-3])]]),
      set: new Set(['p', 'q']),
      big: 12345678901234567890n,
      text: 'olá \u{1F600} \ud800',
    };
    const back = roundTrip(value) as typeof value;
    expect(back).toEqual(value);
    expect(back.f64).toBeInstanceOf(Float64Array);
    expect(Object.is(back.f64[2], -0)).toBe(true);
    expect(Object.is(back.nums[3], -0)).toBe(true);
    expect(Array.from(back.sub)).toEqual([8, 7]);
    expect('u' in back).toBe(true);
    expect(back.text).toBe(value.text);
  });

  it('never reads a user object with a "$" key as a tag', () => {
    const plan = { $: 'ta', t: 'Float64Array', i: 0, nested: { $: 'n', v: 'NaN' } };
    expect(roundTrip(plan)).toEqual(plan);
  });

  it('stores typed arrays at their byte size, not as text', () => {
    const big = new Float64Array(100_000).map((_, i) => i * 0.1);
    expect(encodeValue({ big }).length).toBeLessThan(big.byteLength + 100);
  });

  it('names the path of a value that cannot be stored, and rejects malformed bytes', () => {
    expect(() => encodeValue({ a: [1, { f: () => 1 }] })).toThrow(/a\[1\]\.f: a function/);
    expect(() => encodeValue({ b: new Blob([]) })).toThrow(/b: a Blob/);
    const good = encodeValue({ x: new Uint8Array(8) });
    expect(() => decodeValue(good.subarray(0, good.length - 1))).toThrow(CodecError);
    expect(() => decodeValue(new Uint8Array([1, 2]))).toThrow(CodecError);
    const extra = new Uint8Array(good.length + 1);
    extra.set(good);
    expect(() => decodeValue(extra)).toThrow(/after its end/);
  });
});
