import { describe, expect, it } from 'vitest';
import { TextCodes } from './text-codes';

describe('TextCodes', () => {
  it('holds texts with their codes through growth, -1 for absent ones', () => {
    const t = new TextCodes();
    expect(t.get('')).toBe(-1);
    t.add('', 0);
    const n = 5000;
    for (let i = 1; i <= n; i++) t.add(`+55119${String(i).padStart(8, '0')}`, i);
    expect(t.size).toBe(n + 1);
    expect(t.get('')).toBe(0);
    for (let i = 1; i <= n; i++) if (t.get(`+55119${String(i).padStart(8, '0')}`) !== i) throw new Error(`lost ${i}`);
    expect(t.get('+5511900000000')).toBe(-1);
    expect(t.get('Sales')).toBe(-1);
    // Equal texts made apart (as a parser makes them) are found.
    t.add(['Sa', 'les'].join(''), 9999);
    expect(t.get('Sales')).toBe(9999);
    expect(t.get('sales')).toBe(-1);
  });
});
