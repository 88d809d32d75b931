import { describe, expect, it } from 'vitest';
import { fieldSource } from './fields/field-source';
import { compileFilter, renderFilter } from './filters';
import type { Filter } from './plan/types';
import { buildTable } from './testing/table-builder';

const table = buildTable([
  { timestamp: 0, kind: 'message', queue: 'vendas', status: 'delivered', duration: 60 },
  { timestamp: 0, kind: 'message', queue: 'sales-br', status: 'failed', duration: 30 },
  { timestamp: 0, kind: 'call', queue: 'suporte', status: 'answered', duration: 60 },
  { timestamp: 0, kind: 'message', queue: 'Sales-mx', status: 'read' },
  { timestamp: 0, kind: 'message', status: 'rejected' },
]);

const matching = (where: Filter): number[] => {
  const f = compileFilter(where, table);
  return [0, 1, 2, 3, 4].filter((i) => f.test(i));
};

describe('filters', () => {
  it('an empty filter matches everything', () => {
    const f = compileFilter(undefined, table);
    expect(f.always).toBe(true);
    expect(f.text).toBe('');
    expect(matching({})).toEqual([0, 1, 2, 3, 4]);
  });

  it('matches exact values, lists (any of) and all keys together', () => {
    expect(matching({ kind: 'message' })).toEqual([0, 1, 3, 4]);
    expect(matching({ queue: ['vendas', 'suporte'] })).toEqual([0, 2]);
    expect(matching({ kind: 'message', queue: ['vendas', 'suporte'] })).toEqual([0]);
    expect(matching({ kind: 'message', queue: 'vendas', status: 'delivered' })).toEqual([0]);
    expect(matching({ queue: '' })).toEqual([4]);
  });

  it('wildcards match any run of characters, case-sensitively on ordinary fields', () => {
    expect(matching({ queue: 'sales*' })).toEqual([1]);
    expect(matching({ queue: '*s*' })).toEqual([0, 1, 2, 3]);
    expect(matching({ queue: '*' })).toEqual([0, 1, 2, 3, 4]);
    expect(matching({ queue: ['vendas', 'sales*', 'Sales*'] })).toEqual([0, 1, 3]);
    expect(matching({ queue: 'v.ndas' })).toEqual([]);
  });

  it('lower-cases values of normalised fields (kind, direction, category, status)', () => {
    expect(matching({ kind: 'MESSAGE' })).toEqual([0, 1, 3, 4]);
  });

  it('negates with { not }', () => {
    expect(matching({ status: { not: ['failed', 'rejected'] } })).toEqual([0, 2, 3]);
    expect(matching({ kind: { not: 'message' } })).toEqual([2]);
    expect(matching({ queue: { not: 'sales*' } })).toEqual([0, 2, 3, 4]);
    expect(matching({ queue: { not: { not: 'vendas' } } })).toEqual([0]);
  });

  it('compares numeric fields exactly; empty (NaN) equals nothing', () => {
    expect(matching({ duration: 60 })).toEqual([0, 2]);
    expect(matching({ duration: [30, 61] })).toEqual([1]);
    expect(matching({ duration: { not: 60 } })).toEqual([1, 3, 4]);
    expect(matching({ quantity: 1, kind: 'call' })).toEqual([2]);
  });

  it('renders filters for explanations', () => {
    expect(renderFilter({ kind: 'message', queue: ['vendas', 'sales*'] })).toBe('kind = message and queue in [vendas, sales*]');
    expect(renderFilter({ status: { not: ['failed', 'rejected'] }, kind: { not: 'call' } })).toBe(
      'status not in [failed, rejected] and kind ≠ call',
    );
  });

  it('refuses fields it cannot evaluate rather than ignoring them', () => {
    expect(() => compileFilter({ nope: 1 }, table)).toThrow(/not supported/);
  });
});

describe('filters on the vendor price', () => {
  // 0.0075 and 0.0079 USD, 0.1 + 0.2 (exactly 0.3 in micro-units), empty.
  const t = buildTable([
    { timestamp: 0, price: 0.0075 },
    { timestamp: 0, price: 0.0079 },
    { timestamp: 0, price: 0.3 },
    { timestamp: 0 },
  ]);
  const match = (where: Filter): number[] => {
    const f = compileFilter(where, t);
    return [0, 1, 2, 3].filter((i) => f.test(i));
  };

  it('compares decimal strings exactly in micro-units; lists and not work; an empty price equals nothing', () => {
    expect(match({ price: '0.0075' })).toEqual([0]);
    expect(match({ price: '0.00750' })).toEqual([0]);
    expect(match({ price: '0.30' })).toEqual([2]);
    expect(match({ price: ['0.0075', '0.0079'] })).toEqual([0, 1]);
    expect(match({ price: { not: '0.0075' } })).toEqual([1, 2, 3]);
    expect(match({ price: { not: ['0.0075', '0.3'] } })).toEqual([1, 3]);
    expect(match({ price: '0.00000001' })).toEqual([]);
    expect(renderFilter({ price: ['0.0075', '0.0079'] })).toBe('price in [0.0075, 0.0079]');
  });
});

describe('filters on derived fields', () => {
  // 2025-03-30 is a Sunday; Berlin springs forward at 02:00 local (01:00Z).
  const t = buildTable([
    { timestamp: '2025-03-30T00:30:00Z', country: 'BR' }, // 01:30 CET, Sun
    { timestamp: '2025-03-30T01:30:00Z', country: 'US' }, // 03:30 CEST, Sun
    { timestamp: '2025-03-30T22:30:00Z', country: 'DO' }, // 00:30 Mon
    { timestamp: '2025-03-31T16:00:00Z', country: 'de' }, // 18:00 Mon
    { timestamp: '2025-03-31T20:00:00Z', country: '' }, // 22:00 Mon
  ]);
  const src = fieldSource(t, 'Europe/Berlin');
  const hits = (where: Filter): number[] => {
    const f = compileFilter(where, t, src);
    return [0, 1, 2, 3, 4].filter((i) => f.test(i));
  };

  it('hour and weekday in the plan zone: single values, inclusive ranges, wrapping ranges, not', () => {
    expect(hits({ hour: 3 })).toEqual([1]);
    expect(hits({ hour: [1, 3] })).toEqual([0, 1]);
    expect(hits({ hour: [22, 1] })).toEqual([0, 2, 4]);
    expect(hits({ hour: { not: [9, 20] } })).toEqual([0, 1, 2, 4]);
    expect(hits({ weekday: 7 })).toEqual([0, 1]);
    expect(hits({ weekday: [6, 7] })).toEqual([0, 1]);
    expect(hits({ weekday: [1, 5], hour: [9, 18] })).toEqual([3]);
    expect(renderFilter({ hour: [22, 6], weekday: { not: [6, 7] } })).toBe('hour 22-6 and weekday not 6-7');
  });

  it('market from the country, with wildcards and not; empty country is other', () => {
    expect(hits({ market: 'BR' })).toEqual([0]);
    expect(hits({ market: 'rest-of-*' })).toEqual([2]);
    expect(hits({ market: ['north-america', 'DE'] })).toEqual([1, 3]);
    expect(hits({ market: 'other' })).toEqual([4]);
    expect(hits({ market: { not: 'other' } })).toEqual([0, 1, 2, 3]);
  });
});
