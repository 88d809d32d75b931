/**
 * Countries of contacts by their dictionary code: the phone-number look-up runs once per distinct contact, then each
 * row costs one typed-array read (a dated assignment, rare, scans its few candidates by the event's time).
 */
import type { ColumnBuilder } from '../column-builder';
import { phoneCountries } from './phone-country';

export class ContactCountries {
  /** Country code per contact code: >= 0 known (0 = none), -1 not looked up yet, -2 dated (see `dated`). */
  private codes = new Int32Array(0);
  private readonly dated = new Map<number, { from: number; code: number }[]>();

  constructor(private readonly builder: ColumnBuilder) {}

  /** Country code (in the builder's `country` dictionary) of the contact `contact` coded `contactCode`, at `ts`. */
  countryOf(contactCode: number, contact: string, ts: number): number {
    if (contactCode >= this.codes.length) {
      const grown = new Int32Array(Math.max(64, contactCode * 2)).fill(-1);
      grown.set(this.codes);
      this.codes = grown;
    }
    let c = this.codes[contactCode];
    if (c === -1) {
      const found = phoneCountries(contact);
      if (found.length <= 1) c = found.length === 0 ? 0 : this.builder.code('country', found[0].country);
      else {
        c = -2;
        this.dated.set(contactCode, found.map((f) => ({ from: f.from, code: this.builder.code('country', f.country) })));
      }
      this.codes[contactCode] = c;
    }
    if (c !== -2) return c;
    for (const f of this.dated.get(contactCode)!) if (f.from <= ts) return f.code;
    return 0;
  }
}
