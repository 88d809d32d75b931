/**
 * A dictionary of texts to codes (non-negative integers): open addressing with linear probing, keyed by an FNV-1a
 * hash computed here. Looking up a string the parser has just made this way costs about half a Map look-up in V8,
 * which has to compute and store the fresh string's own hash first. Keys are kept as given: callers pass strings
 * with text of their own.
 */
const INITIAL_SLOTS = 64;

const hashOf = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h ^ (h >>> 15);
};

export class TextCodes {
  private keys: (string | undefined)[] = new Array<string | undefined>(INITIAL_SLOTS).fill(undefined);
  private codes = new Int32Array(INITIAL_SLOTS);
  private mask = INITIAL_SLOTS - 1;
  /** Texts held. */
  size = 0;

  /** The code of `text`, or -1 when it is not held. */
  get(text: string): number {
    const keys = this.keys;
    const mask = this.mask;
    for (let k = hashOf(text) & mask; ; k = (k + 1) & mask) {
      const key = keys[k];
      if (key === undefined) return -1;
      if (key === text) return this.codes[k];
    }
  }

  /** Holds `text` (not yet held) with `code` (>= 0). */
  add(text: string, code: number): void {
    this.put(text, code);
    if (++this.size > (this.mask + 1) >>> 1) {
      const keys = this.keys;
      const codes = this.codes;
      const n = (this.mask + 1) * 2;
      this.keys = new Array<string | undefined>(n).fill(undefined);
      this.codes = new Int32Array(n);
      this.mask = n - 1;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k];
        if (key !== undefined) this.put(key, codes[k]);
      }
    }
  }

  private put(text: string, code: number): void {
    const keys = this.keys;
    const mask = this.mask;
    let k = hashOf(text) & mask;
    while (keys[k] !== undefined) k = (k + 1) & mask;
    keys[k] = text;
    this.codes[k] = code;
  }
}
