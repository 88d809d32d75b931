import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dec, sumDecimals } from './money';

/** Reference sum in integer cents (BigInt): exact by construction. */
const centsToString = (cents: bigint): string => {
  const neg = cents < 0n;
  const abs = neg ? -cents : cents;
  return `${neg ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
};

describe('money sums', () => {
  it('add 1,000,000 line amounts without drift (floats would not)', () => {
    const lines = Array.from({ length: 1_000_000 }, () => dec('0.10'));
    expect(sumDecimals(lines).toFixed(2)).toBe('100000.00');
    // The same sum in binary floats drifts: this is what the decimal type prevents.
    let float = 0;
    for (let i = 0; i < 1_000_000; i++) float += 0.1;
    expect(float.toFixed(10)).not.toBe('100000.0000000000');
  });

  it('equal the integer-cent sum for any amounts, positive or negative', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: -10_000_000_00n, max: 10_000_000_00n }), { maxLength: 2_000 }), (cents) => {
      const expected = cents.reduce((a, b) => a + b, 0n);
      expect(sumDecimals(cents.map((c) => dec(centsToString(c)))).toFixed(2)).toBe(centsToString(expected));
    }), { numRuns: 200 });
  });
});
