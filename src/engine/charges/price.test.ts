import { describe, expect, it } from 'vitest';
import { dec } from '../money';
import type { PackageCharge, StandardCharge } from '../plan/types';
import { priceFlat, pricePackage, priceStandard } from './price';

const pkg: PackageCharge = {
  id: 'extra', label: 'Extra messages', meter: 'messages', model: 'package', packageSize: 1000, packagePrice: '5', freeUnits: 10000,
};
const seats: StandardCharge = { id: 'seats', label: 'Seats', meter: 'agents', model: 'standard', unitPrice: '40', freeUnits: 5 };

const amountOf = (p: { raw: { toFixed: () => string } }) => p.raw.toFixed();

describe('package', () => {
  it.each([
    [0, '0', '0'],
    [9999, '0', '0'],
    [10000, '0', '0'],
    [10001, '1', '5'],
    [11000, '1000', '5'],
    [11001, '1001', '10'],
    [24310, '14310', '75'],
  ])('%d units -> billable %s, amount %s', (usage, billable, amount) => {
    const p = pricePackage(pkg, dec(usage), 2);
    expect(p.billable.toFixed()).toBe(billable);
    expect(amountOf(p)).toBe(amount);
  });

  it('describes the packages', () => {
    expect(pricePackage(pkg, dec(24310), 2).formula).toBe('15 packages of 1,000 at 5.00');
    expect(pricePackage(pkg, dec(10001), 2).formula).toBe('1 package of 1,000 at 5.00');
  });

  it('counts fractional usage into packages (ceil)', () => {
    expect(amountOf(pricePackage({ ...pkg, freeUnits: undefined }, dec('0.5'), 2))).toBe('5');
  });
});

describe('standard', () => {
  it.each([
    [0, '0', '0'],
    [5, '0', '0'],
    [6, '1', '40'],
    [7, '2', '80'],
  ])('%d seats -> billable %s, amount %s', (usage, billable, amount) => {
    const p = priceStandard(seats, dec(usage), 2);
    expect(p.billable.toFixed()).toBe(billable);
    expect(amountOf(p)).toBe(amount);
  });

  it('divides by `per` after multiplying (seconds priced per minute), exactly', () => {
    const perMinute: StandardCharge = { id: 'voice', label: 'Voice', meter: 'secs', model: 'standard', unitPrice: '0.10', per: 60 };
    expect(amountOf(priceStandard(perMinute, dec(90), 2))).toBe('0.15');
    expect(priceStandard(perMinute, dec(100), 2).raw.toFixed(6)).toBe('0.166667');
    expect(priceStandard(perMinute, dec(90), 2).formula).toBe('90 × 0.10 per 60');
  });

  it('keeps the unit price precision (0.0625)', () => {
    const p = priceStandard({ ...seats, unitPrice: '0.0625', freeUnits: undefined }, dec(3), 2);
    expect(amountOf(p)).toBe('0.1875');
    expect(p.formula).toBe('3 × 0.0625');
  });
});

describe('flat', () => {
  it('charges the amount', () => {
    const p = priceFlat({ id: 'base', label: 'Base', model: 'flat', amount: '199' });
    expect(amountOf(p)).toBe('199');
    expect(p.steps[0]).toEqual({ description: 'flat fee per cycle', units: 1, price: '199', amount: '199' });
  });
});
