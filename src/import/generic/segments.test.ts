import { describe, expect, it } from 'vitest';
import { countSegments, gsmSeptets } from './segments';

describe('countSegments', () => {
  it('GSM-7: 160 in one segment, then 153 per part', () => {
    expect(countSegments('a'.repeat(160))).toBe(1);
    expect(countSegments('a'.repeat(161))).toBe(2);
    expect(countSegments('a'.repeat(306))).toBe(2);
    expect(countSegments('a'.repeat(307))).toBe(3);
  });
  it('extension characters count two septets', () => {
    expect(gsmSeptets('{}€')).toBe(6);
    expect(countSegments('€'.repeat(80))).toBe(1);
    expect(countSegments('€'.repeat(81))).toBe(2);
    expect(gsmSeptets('Olà, £5 @ Zoë?')).toBe(-1); // ë is not GSM
    expect(gsmSeptets('Olà, £5 @ Ñandú')).toBe(-1); // ú is not GSM
    expect(gsmSeptets('Olà, £5 @ Ñ')).toBe(11);
  });
  it('any non-GSM character switches to UCS-2: 70, then 67 per part (UTF-16 units)', () => {
    expect(countSegments(`á${'a'.repeat(69)}`)).toBe(1);
    expect(countSegments(`á${'a'.repeat(70)}`)).toBe(2);
    expect(countSegments(`á${'a'.repeat(133)}`)).toBe(2);
    expect(countSegments(`á${'a'.repeat(134)}`)).toBe(3);
    expect(countSegments('😀'.repeat(35))).toBe(1);
    expect(countSegments('😀'.repeat(36))).toBe(2);
    expect(countSegments('back`tick')).toBe(1);
    expect(gsmSeptets('back`tick')).toBe(-1);
  });
  it('an empty body has no segments', () => {
    expect(countSegments('')).toBe(0);
  });
});
