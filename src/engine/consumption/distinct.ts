/**
 * Counters keyed by pairs of small integers (bucket x contact code, agent x queue code…): dense typed arrays while the
 * key space is small, a Map beyond that, so memory stays bounded by what occurs rather than by the product.
 */

const DENSE_LIMIT = 1 << 22;

/** Distinct (row, code) pairs, counted per row. Rows are buckets or agents; codes are dictionary codes. */
export class DistinctPairs {
  readonly perRow: Float64Array;
  private readonly bits: Uint32Array | null;
  private readonly seen: Set<number> | null;

  constructor(rows: number, private readonly codes: number) {
    this.perRow = new Float64Array(rows);
    const size = rows * codes;
    this.bits = size <= DENSE_LIMIT * 32 ? new Uint32Array(Math.ceil(size / 32)) : null;
    this.seen = this.bits ? null : new Set<number>();
  }

  add(row: number, code: number): void {
    const key = row * this.codes + code;
    if (this.bits) {
      const w = key >>> 5;
      const m = 1 << (key & 31);
      if ((this.bits[w] & m) !== 0) return;
      this.bits[w] |= m;
    } else {
      if (this.seen!.has(key)) return;
      this.seen!.add(key);
    }
    this.perRow[row] += 1;
  }
}

/** Sums per (row, code) pair, e.g. events per agent and queue; read back as the non-zero codes of a row. */
export class PairSums {
  private readonly dense: Float64Array | null;
  private readonly sparse: Map<number, number> | null;

  constructor(private readonly rows: number, private readonly codes: number) {
    this.dense = rows * codes <= DENSE_LIMIT ? new Float64Array(rows * codes) : null;
    this.sparse = this.dense ? null : new Map();
  }

  add(row: number, code: number, value: number): void {
    const key = row * this.codes + code;
    if (this.dense) this.dense[key] += value;
    else this.sparse!.set(key, (this.sparse!.get(key) ?? 0) + value);
  }

  get(row: number, code: number): number {
    const key = row * this.codes + code;
    return this.dense ? this.dense[key] : (this.sparse!.get(key) ?? 0);
  }

  /** Codes of `row` with a non-zero sum, largest first. */
  codesOf(row: number): number[] {
    const out: number[] = [];
    if (this.dense) {
      for (let c = 0; c < this.codes; c++) if (this.dense[row * this.codes + c] !== 0) out.push(c);
    } else {
      for (const key of this.sparse!.keys()) if (Math.floor(key / this.codes) === row) out.push(key % this.codes);
    }
    return out.sort((a, b) => this.get(row, b) - this.get(row, a) || a - b);
  }

  get rowCount(): number {
    return this.rows;
  }
}
