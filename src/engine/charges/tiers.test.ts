import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../money';
import type { GraduatedCharge, Tier, VolumeCharge } from '../plan/types';
import { priceGraduated, priceVolume } from './tiers';

const tiers: Tier[] = [
  { upTo: 1000, unitPrice: '0.01', flatFee: '5' },
  { upTo: 5000, unitPrice: '0.008', flatFee: '2' },
  { upTo: null, unitPrice: '0.005' },
];
const graduated = (freeUnits?: number): GraduatedCharge => ({ id: 'g', label: 'G', model: 'graduated', meter: 'm', tiers, freeUnits });
const volume = (freeUnits?: number): VolumeCharge => ({ id: 'v', label: 'V', model: 'volume', meter: 'm', tiers, freeUnits });
const g = (usage: number | string, free?: number): string => priceGraduated(graduated(free), new Dec(usage), 2).raw.toFixed();
const v = (usage: number | string, free?: number): string => priceVolume(volume(free), new Dec(usage), 2).raw.toFixed();

describe('graduated', () => {
  it("charges the first tier's flat fee at zero usage, and each tier's fee once usage enters it", () => {
    expect(g(0)).toBe('5');
    expect(g(1000)).toBe('15'); // exactly on the bound: still tier 1 only
    expect(g(1001)).toBe('17.008'); // 5 + 10 + 2 + 0.008
    expect(g(6000)).toBe('54'); // 5 + 10 + 2 + 32 + 5
  });

  it('prices fractional units inside a tier exactly, and deducts free units first', () => {
    expect(g('1000.5')).toBe('17.004');
    expect(g(1500, 500)).toBe('15');
    expect(g(10, 50)).toBe('5'); // free units larger than usage
    const p = priceGraduated(graduated(), new Dec(1200), 2);
    expect(p.formula).toBe('1,000 × 0.01 (tier up to 1,000) + flat fee of tier up to 1,000: 5.00 + 200 × 0.008 (tier 1,000-5,000) + flat fee of tier 1,000-5,000: 2.00');
  });

  it('never decreases as usage grows (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e7, noNaN: true }), fc.double({ min: 0, max: 1e4, noNaN: true }), (a, d) => {
        const x = Number(a.toFixed(6));
        const y = Number((a + d).toFixed(6));
        expect(new Dec(g(y)).gte(g(x))).toBe(true);
      }),
    );
  });
});

describe('volume', () => {
  it('prices all units at the tier the total falls in, plus that tier fee', () => {
    expect(v(0)).toBe('5');
    expect(v(1000)).toBe('15'); // on the bound: tier 1
    expect(v(1001)).toBe('10.008'); // 1001 × 0.008 + 2
    expect(v('2500.5')).toBe('22.004');
    expect(v(6000)).toBe('30');
    expect(v(1200, 300)).toBe('14'); // 900 billable -> tier 1
    expect(v(10, 50)).toBe('5');
    expect(priceVolume(volume(), new Dec(6000), 2).formula).toBe('6,000 × 0.005 (all units at tier above 5,000)');
  });
});
