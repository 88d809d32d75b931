import { describe, expect, it } from 'vitest';
import { dec, displayPrice, formatDecimal, groupThousands, isDecimalString, quantityToDecimal, type RoundingMode } from './money';

const r = (value: string, mode: RoundingMode, decimals = 2) => formatDecimal(dec(value), { decimals, mode });

describe('money', () => {
  it('accepts only plain decimal strings', () => {
    for (const ok of ['0', '12', '0.0625', '-3.5', '199']) expect(isDecimalString(ok)).toBe(true);
    for (const bad of ['', '1e5', '1,5', ' 1', '.5', '1.', '+1', 'NaN', '1 000']) expect(isDecimalString(bad)).toBe(false);
    expect(() => dec('1e5')).toThrow(/not a decimal string/);
  });

  it('rounds half-up (half away from zero)', () => {
    expect(r('2.345', 'half-up')).toBe('2.35');
    expect(r('2.344', 'half-up')).toBe('2.34');
    expect(r('-2.345', 'half-up')).toBe('-2.35');
    expect(r('-2.344', 'half-up')).toBe('-2.34');
  });

  it('rounds half-even (banker\'s)', () => {
    expect(r('2.345', 'half-even')).toBe('2.34');
    expect(r('2.355', 'half-even')).toBe('2.36');
    expect(r('2.3451', 'half-even')).toBe('2.35');
    expect(r('-2.345', 'half-even')).toBe('-2.34');
    expect(r('-2.355', 'half-even')).toBe('-2.36');
    expect(r('0.5', 'half-even', 0)).toBe('0');
    expect(r('1.5', 'half-even', 0)).toBe('2');
    expect(r('2.5', 'half-even', 0)).toBe('2');
  });

  it("rounds 'up' away from zero and 'down' toward zero", () => {
    expect(r('2.341', 'up')).toBe('2.35');
    expect(r('-2.341', 'up')).toBe('-2.35');
    expect(r('2.340', 'up')).toBe('2.34');
    expect(r('2.349', 'down')).toBe('2.34');
    expect(r('-2.349', 'down')).toBe('-2.34');
  });

  it('formats with fixed decimals and never yields negative zero', () => {
    expect(r('-0.001', 'half-up')).toBe('0.00');
    expect(r('-0.001', 'down')).toBe('0.00');
    expect(r('-0.001', 'up')).toBe('-0.01');
    expect(r('7', 'half-up', 3)).toBe('7.000');
    expect(r('7.5', 'half-up', 0)).toBe('8');
  });

  it('converts float quantities exactly to 9 decimals', () => {
    expect(quantityToDecimal(0.1 + 0.2).toFixed()).toBe('0.3');
    expect(quantityToDecimal(24310).toFixed()).toBe('24310');
    expect(quantityToDecimal(1 / 3).toFixed()).toBe('0.333333333');
    expect(() => quantityToDecimal(NaN)).toThrow();
  });

  it('groups thousands and shows prices with at least the plan decimals', () => {
    expect(groupThousands('1234567.5')).toBe('1,234,567.5');
    expect(groupThousands(-1234)).toBe('-1,234');
    expect(groupThousands(999)).toBe('999');
    expect(displayPrice(dec('5'), 2)).toBe('5.00');
    expect(displayPrice(dec('0.0625'), 2)).toBe('0.0625');
    expect(displayPrice(dec('1200.5'), 2)).toBe('1,200.50');
  });
});
