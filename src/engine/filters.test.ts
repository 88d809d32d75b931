import { describe, expect, it } from 'vitest';
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
    expect(() => compileFilter({ hour: [9, 17] }, table)).toThrow(/not supported/);
  });
});
