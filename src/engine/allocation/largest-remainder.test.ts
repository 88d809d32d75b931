import { describe, expect, it } from 'vitest';
import { Dec } from '../money';
import { ratioOf, splitByWeights } from './largest-remainder';

const split = (amount: string, weights: (string | number)[], decimals = 2) =>
  splitByWeights(new Dec(amount), weights.map((w) => new Dec(w)), decimals).map((p) => p.toFixed(decimals));

describe('splitByWeights', () => {
  it('R$100 over three equal centres: 33.34, 33.33, 33.33 (the tie goes to the first centre)', () => {
    expect(split('100', [1, 1, 1])).toEqual(['33.34', '33.33', '33.33']);
    expect(split('100.02', [1, 1, 1])).toEqual(['33.34', '33.34', '33.34']);
    expect(split('0.02', [1, 1, 1])).toEqual(['0.01', '0.01', '0.00']);
  });

  it('gives leftover cents to the largest remainders, and nothing to a zero weight', () => {
    // exact: 66.666…, 0, 33.333… -> 66.67, 0.00, 33.33
    expect(split('100', [2, 0, 1])).toEqual(['66.67', '0.00', '33.33']);
    expect(split('1200', [300, 600])).toEqual(['400.00', '800.00']);
    expect(split('10', ['0.1', '0.2', '0.7'], 0)).toEqual(['1', '2', '7']);
  });

  it('splits negative amounts (discounts, cap adjustments) to the cent too', () => {
    expect(split('-100', [1, 1, 1])).toEqual(['-33.33', '-33.33', '-33.34']);
    expect(split('-0.05', [3, 1])).toEqual(['-0.04', '-0.01']);
  });

  it('refuses weights adding up to 0 and amounts finer than the decimals', () => {
    expect(() => split('1', [0, 0])).toThrow(/add up to 0/);
    expect(() => split('1.005', [1])).toThrow(/more than 2 decimals/);
  });
});

describe('ratioOf', () => {
  it('gives six decimals, 0 for a zero total, never -0', () => {
    expect(ratioOf(new Dec(1), new Dec(3))).toBe('0.333333');
    expect(ratioOf(new Dec(2), new Dec(3))).toBe('0.666667');
    expect(ratioOf(new Dec(5), new Dec(0))).toBe('0.000000');
    expect(ratioOf(new Dec('-0.0000001'), new Dec(1))).toBe('0.000000');
  });
});
