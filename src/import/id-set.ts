/**
 * Duplicate-id detection without keeping the ids: a set of 64-bit hashes of the id texts, open addressing with linear
 * probing in one typed array (8 bytes a slot, at most half the slots used: ~16 MB for a million ids, against ~100 bytes
 * an id for a Map of strings, and no per-id objects for the garbage collector to trace).
 *
 * The 64-bit hash is two independent 32-bit hashes of the UTF-16 code units: FNV-1a and MurmurHash3 (x86, 32-bit,
 * two code units per 32-bit block, different seed). Two different ids are taken for the same id only when both halves
 * collide. Taking the pair as a uniform 64-bit value, the chance that any of n distinct ids is falsely reported as a
 * duplicate is about n^2 / 2^65: 2.7e-8 for a million ids, 2.7e-4 for a hundred million. The one pair (0, 0) marks
 * an empty slot, so a hash that comes out as (0, 0) is stored as (0, 1).
 */

/** FNV-1a, 32-bit, over UTF-16 code units. */
export const idHash1 = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

/** MurmurHash3 x86_32 (seed 0x9747b28c) over the UTF-16 code units taken two at a time as 32-bit blocks. */
export const idHash2 = (s: string): number => {
  const n = s.length;
  let h = 0x9747b28c;
  let i = 0;
  for (; i + 1 < n; i += 2) h = murmurBlock(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  if (i < n) h ^= murmurTail(s.charCodeAt(i));
  return fmix(h ^ n);
};

const murmurTail = (block: number): number => {
  let k = Math.imul(block, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
};

const murmurBlock = (h: number, block: number): number => {
  const x = h ^ murmurTail(block);
  return (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
};

/** MurmurHash3's finaliser. */
const fmix = (x: number): number => {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

const INITIAL_SLOTS = 1 << 12;

export class IdSet {
  /** Slot k holds hash halves (slots[2k], slots[2k+1]); (0, 0) = empty. */
  private slots = new Uint32Array(2 * INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Ids in the set. */
  size = 0;

  /** Adds the id whose hash halves (unsigned 32-bit) are (h1, h2); false when it was already there. */
  addHash(h1: number, h2: number): boolean {
    if ((h1 | h2) === 0) h2 = 1;
    const slots = this.slots;
    const mask = this.mask;
    // Slot from the Murmur half (finalised, so its low bits are well mixed).
    let k = h2 & mask;
    for (;;) {
      const a = slots[2 * k];
      const b = slots[2 * k + 1];
      if ((a | b) === 0) break;
      if (a === h1 && b === h2) return false;
      k = (k + 1) & mask;
    }
    slots[2 * k] = h1;
    slots[2 * k + 1] = h2;
    if (++this.size > (mask + 1) >>> 1) this.grow();
    return true;
  }

  /** Adds `id`; false when an id with the same 64-bit hash was already added. */
  add(id: string): boolean {
    // idHash1 and idHash2 in one pass over the text (one loop costs about what each costs alone).
    const n = id.length;
    let a = 0x811c9dc5;
    let h = 0x9747b28c;
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const c0 = id.charCodeAt(i);
      const c1 = id.charCodeAt(i + 1);
      a = Math.imul(Math.imul(a ^ c0, 0x01000193) ^ c1, 0x01000193);
      h = murmurBlock(h, c0 | (c1 << 16));
    }
    if (i < n) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      h ^= murmurTail(c);
    }
    return this.addHash(a >>> 0, fmix(h ^ n));
  }

  /** Grows the table at once to hold `n` ids at most half full (saves rehashing as it fills); never shrinks. */
  reserve(n: number): void {
    let slots = this.mask + 1;
    while (slots < 2 * n && slots < 1 << 29) slots *= 2;
    if (slots > this.mask + 1) this.rehash(slots);
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.slots.byteLength;
  }

  private grow(): void {
    this.rehash((this.mask + 1) * 2);
  }

  /** Moves the ids into a table of `n` slots (a power of two). */
  private rehash(n: number): void {
    const old = this.slots;
    const slots = new Uint32Array(2 * n);
    const mask = n - 1;
    for (let j = 0; j < old.length; j += 2) {
      const a = old[j];
      const b = old[j + 1];
      if ((a | b) === 0) continue;
      let k = b & mask;
      while ((slots[2 * k] | slots[2 * k + 1]) !== 0) k = (k + 1) & mask;
      slots[2 * k] = a;
      slots[2 * k + 1] = b;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
