import { describe, expect, it } from 'vitest';
import { formatMonth } from './format';

describe('formatMonth', () => {
  it("names a 'yyyy-MM' month in the UI's language, whatever the machine's time zone", () => {
    expect(formatMonth('2026-11', 'en')).toBe('Nov 2026');
    expect(formatMonth('2027-01', 'pt-BR')).toBe('jan. de 2027');
    expect(formatMonth('2026-12', 'es')).toMatch(/^dic(\.)? 2026$/);
  });
  it('shows anything that is not a month as given', () => {
    expect(formatMonth('2026-11-03', 'en')).toBe('2026-11-03');
  });
});
