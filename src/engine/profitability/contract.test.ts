import { describe, expect, it } from 'vitest';
import { parseContract } from './contract';

const base = {
  format: 'tarifa.contract/1', name: 'Sales answering', client: 'Sales', currency: 'EUR',
  referencePricePerMinute: '0.80', tolerancePercent: '10', terms: { kind: 'flat', monthlyFee: '400.00' },
};

describe('parseContract', () => {
  it('accepts the three kinds', () => {
    expect(parseContract(base).ok).toBe(true);
    expect(parseContract({ ...base, terms: { kind: 'per-call', pricePerCall: '2.50' }, contact: { name: 'Maria', email: 'maria@example.com' } }).ok).toBe(true);
    const cap = parseContract({ ...base, terms: { kind: 'cost-cap', category: 7, categories: ['1', '2', '3', '4', '5', '6', '7'] } });
    expect(cap.ok && cap.contract.terms).toEqual({ kind: 'cost-cap', category: 7, categories: ['1', '2', '3', '4', '5', '6', '7'] });
  });

  it('names each problem by its path', () => {
    const r = parseContract({ ...base, currency: 'eur', referencePricePerMinute: '0,80', tolerancePercent: '-1', extra: 1, terms: { kind: 'flat', monthlyFee: 400 } });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['currency', 'referencePricePerMinute', 'tolerancePercent', 'extra', 'terms.monthlyFee']));
  });

  it('rejects an unknown kind, a zero reference price and a bad e-mail', () => {
    const r = parseContract({ ...base, referencePricePerMinute: '0', contact: { email: 'nope' }, terms: { kind: 'hourly' } });
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : r.issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['referencePricePerMinute', 'contact.email', 'terms.kind']));
  });

  it('cost-cap categories must increase, be at most 7, and include the client category', () => {
    const down = parseContract({ ...base, terms: { kind: 'cost-cap', category: 1, categories: ['100', '100', '90'] } });
    expect(down.ok ? [] : down.issues).toMatchObject([
      { path: 'terms.categories[1]', message: "must be more than category 1's cap (100)" },
      { path: 'terms.categories[2]', message: "must be more than category 2's cap (100)" },
    ]);
    const missing = parseContract({ ...base, terms: { kind: 'cost-cap', category: 3, categories: ['100', '200'] } });
    expect(missing.ok ? [] : missing.issues).toMatchObject([{ path: 'terms.category', message: 'category 3 has no cap (2 categories are defined)' }]);
    const eight = parseContract({ ...base, terms: { kind: 'cost-cap', category: 8, categories: ['1', '2', '3', '4', '5', '6', '7', '8'] } });
    expect(eight.ok ? [] : eight.issues.map((i) => i.path)).toEqual(['terms.category', 'terms.categories']);
  });

  it('a non-object is one issue at the root', () => {
    expect(parseContract([])).toMatchObject({ ok: false, issues: [{ path: '', message: 'a contract must be a JSON object' }] });
  });
});
