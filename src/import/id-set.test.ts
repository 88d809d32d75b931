import { describe, expect, it } from 'vitest';
import { idHash1, idHash2, IdSet } from './id-set';

/** Two different ids with the same `hash` (birthday search over a fixed sequence, so the test is deterministic). */
const collidingPair = (hash: (s: string) => number): [string, string] => {
  const seen = new Map<number, string>();
  for (let i = 0; ; i++) {
    const id = `wamid-${i}`;
    const h = hash(id);
    const other = seen.get(h);
    if (other !== undefined) return [other, id];
    seen.set(h, id);
  }
};

describe('IdSet', () => {
  it('adds new ids and reports repeats', () => {
    const s = new IdSet();
    expect(s.add('a')).toBe(true);
    expect(s.add('b')).toBe(true);
    expect(s.add('a')).toBe(false);
    expect(s.add('A')).toBe(true);
    expect(s.add('')).toBe(true);
    expect(s.add('')).toBe(false);
    expect(s.size).toBe(4);
  });

  it('keeps ids apart that collide in one 32-bit half', () => {
    for (const [hash, other] of [[idHash1, idHash2], [idHash2, idHash1]] as const) {
      const [x, y] = collidingPair(hash);
      expect(x).not.toBe(y);
      expect(hash(x)).toBe(hash(y));
      expect(other(x)).not.toBe(other(y));
      const s = new IdSet();
      expect(s.add(x)).toBe(true);
      expect(s.add(y)).toBe(true);
      expect(s.add(x)).toBe(false);
      expect(s.add(y)).toBe(false);
    }
  });

  it('compares both halves and probes past occupied slots', () => {
    const s = new IdSet();
    // Same slot (the slot comes from the second half), different first half; then the reverse.
    expect(s.addHash(1, 7)).toBe(true);
    expect(s.addHash(2, 7)).toBe(true);
    expect(s.addHash(1, 7 + 4096)).toBe(true);
    expect(s.addHash(2, 7)).toBe(false);
    expect(s.addHash(1, 7 + 4096)).toBe(false);
    expect(s.addHash(3, 7)).toBe(true);
    // (0, 0) marks an empty slot: it is stored as (0, 1).
    expect(s.addHash(0, 0)).toBe(true);
    expect(s.addHash(0, 0)).toBe(false);
    expect(s.addHash(0, 1)).toBe(false);
  });

  it('grows without losing ids and sees no false duplicate among 300,000 distinct ids', () => {
    const s = new IdSet();
    const n = 300_000;
    let added = 0;
    for (let i = 0; i < n; i++) if (s.add(`wamid-${String(i).padStart(7, '0')}`)) added++;
    expect(added).toBe(n);
    expect(s.size).toBe(n);
    expect(s.bytes).toBe(8 * 2 ** 20); // 2^20 slots of 8 bytes, at most half used
    let repeats = 0;
    for (let i = 0; i < n; i += 7) if (!s.add(`wamid-${String(i).padStart(7, '0')}`)) repeats++;
    expect(repeats).toBe(Math.ceil(n / 7));
    expect(s.size).toBe(n);
  });
});

describe('IdSet.add', () => {
  it('hashes as idHash1 and idHash2 do', () => {
    for (const id of ['', 'a', 'wamid-0000001', 'é\u{1F600}x', 'CA'.repeat(40)]) {
      const s = new IdSet();
      expect(s.addHash(idHash1(id), idHash2(id))).toBe(true);
      expect(s.add(id)).toBe(false);
    }
  });
});

describe('IdSet.reserve', () => {
  it('grows once ahead and keeps what it holds', () => {
    const s = new IdSet();
    s.add('a');
    s.reserve(100_000);
    expect(s.bytes).toBe(8 * 2 ** 18);
    expect(s.add('a')).toBe(false);
    expect(s.add('b')).toBe(true);
    s.reserve(10);
    expect(s.bytes).toBe(8 * 2 ** 18);
  });
});
