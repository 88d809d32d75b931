import { describe, expect, it } from 'vitest';
import { buildTable } from '../testing/table-builder';
import { KNOWN_MARKETS, marketColumn, marketOf } from './market';

const at = (iso: string): number => Date.parse(iso);

describe('market of a country', () => {
  it('standalone markets are the ISO code; +1 is north-america except DO, JM, PR; unknown and empty are other', () => {
    const t = at('2025-08-01T00:00:00Z');
    expect(['BR', 'IN', 'DE', 'ID', 'GB'].map((c) => marketOf(c, t))).toEqual(['BR', 'IN', 'DE', 'ID', 'GB']);
    expect(['US', 'CA', 'BS', 'DO', 'JM', 'PR'].map((c) => marketOf(c, t))).toEqual([
      'north-america', 'north-america', 'north-america', 'rest-of-latin-america', 'rest-of-latin-america', 'rest-of-latin-america',
    ]);
    expect(['KE', 'AU', 'CZ', 'PT', 'EC', 'JO'].map((c) => marketOf(c, t))).toEqual([
      'rest-of-africa', 'rest-of-asia-pacific', 'rest-of-central-eastern-europe', 'rest-of-western-europe',
      'rest-of-latin-america', 'rest-of-middle-east',
    ]);
    expect(['', 'XX', 'br'].map((c) => marketOf(c, t))).toEqual(['other', 'other', 'BR']);
  });

  it('picks the row in force at the event time', () => {
    expect(marketOf('ZW', at('2025-09-30T23:59:59Z'))).toBe('other');
    expect(marketOf('ZW', at('2025-10-01T00:00:00Z'))).toBe('rest-of-africa');
    expect(marketOf('UA', at('2026-09-30T12:00:00Z'))).toBe('rest-of-central-eastern-europe');
    expect(marketOf('UA', at('2026-10-01T00:00:00Z'))).toBe('UA');
    expect(marketOf('KZ', at('2026-01-01T00:00:00Z'))).toBe('RU');
    expect(KNOWN_MARKETS.has('UA') && KNOWN_MARKETS.has('north-america') && !KNOWN_MARKETS.has('US')).toBe(true);
  });

  it('codes a whole table column by dictionary, per period', () => {
    const table = buildTable([
      { timestamp: '2025-09-30T00:00:00Z', country: 'ZW' },
      { timestamp: '2025-10-02T00:00:00Z', country: 'ZW' },
      { timestamp: '2025-10-02T00:00:00Z', country: 'US' },
      { timestamp: '2025-10-02T00:00:00Z' },
    ]);
    const { codes, dict } = marketColumn(table);
    expect([0, 1, 2, 3].map((i) => dict[codes[i]])).toEqual(['other', 'rest-of-africa', 'north-america', 'other']);
  });
});
