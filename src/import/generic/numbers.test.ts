import { describe, expect, it } from 'vitest';
import { parseDecimalMicros, parsePlainNumber } from './numbers';

describe('parsePlainNumber', () => {
  it('accepts plain decimals with a dot', () => {
    expect(parsePlainNumber('12')).toBe(12);
    expect(parsePlainNumber('300.5')).toBe(300.5);
    expect(parsePlainNumber('.5')).toBe(0.5);
    expect(parsePlainNumber('-2')).toBe(-2);
  });
  it('rejects anything else', () => {
    for (const bad of ['abc', '1,5', '1e3', '0x10', '1.2.3', '-', '.', 'Infinity', '12 s']) expect(parsePlainNumber(bad), bad).toBeNaN();
  });
});

describe('parseDecimalMicros', () => {
  it('converts exact decimals by digit arithmetic', () => {
    expect(parseDecimalMicros('-0.0075')).toBe(-7500);
    expect(parseDecimalMicros('0.0625')).toBe(62_500);
    expect(parseDecimalMicros('12')).toBe(12_000_000);
    expect(parseDecimalMicros('0.1')).toBe(100_000);
    expect(parseDecimalMicros('+1.000001')).toBe(1_000_001);
    expect(parseDecimalMicros('000123.45')).toBe(123_450_000);
    expect(parseDecimalMicros('-0')).toBe(0);
    expect(parseDecimalMicros('999999999.999999')).toBe(999_999_999_999_999);
  });
  it('rounds beyond six decimals half away from zero', () => {
    expect(parseDecimalMicros('0.0000005')).toBe(1);
    expect(parseDecimalMicros('0.0000004')).toBe(0);
    expect(parseDecimalMicros('-0.00750049')).toBe(-7500);
  });
  it('rejects non-decimals and amounts too large for exact micro-units', () => {
    for (const bad of ['$1', '1,50', '1e-3', 'abc', '1234567890']) expect(parseDecimalMicros(bad), bad).toBeNaN();
  });
});
