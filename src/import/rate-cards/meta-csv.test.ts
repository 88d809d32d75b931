import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetaRateCard } from './meta-csv';
import { readRateCell } from './rate-cell';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/rate-cards/${name}`, import.meta.url), 'utf8');

describe('readMetaRateCard', () => {
  it('reads the file as Meta publishes it: preamble, quoted line break in the header, $US, n/a, trailing notes', () => {
    const r = readMetaRateCard(fixture('meta-pricing-usd-2026-10-01.csv'));
    expect(r.issues).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.card?.currency).toBe('USD');
    expect(r.card?.markets).toEqual(['AR', 'BR', 'DE', 'IN', 'ID', 'north-america', 'rest-of-central-eastern-europe', 'rest-of-latin-america', 'other']);
    expect(r.card?.rates).toEqual({
      'AR:marketing': '0.0618', 'AR:utility': '0.0260', 'AR:authentication': '0.0260', 'AR:service': '0.0260',
      'BR:marketing': '0.0625', 'BR:utility': '0.0068', 'BR:authentication': '0.0068', 'BR:service': '0.0068',
      'DE:marketing': '0.1365', 'DE:utility': '0.0550', 'DE:authentication': '0.0550',
      'IN:marketing': '0.0118', 'IN:utility': '0.0014', 'IN:authentication': '0.0014', 'IN:authentication_international': '0.0280',
      'ID:marketing': '0.0411', 'ID:utility': '0.0250', 'ID:authentication': '0.0250', 'ID:authentication_international': '0.1360',
      'north-america:marketing': '0.0250', 'north-america:utility': '0.0034', 'north-america:authentication': '0.0034', 'north-america:service': '0.0034',
      'rest-of-central-eastern-europe:marketing': '0.0860', 'rest-of-central-eastern-europe:utility': '0.0212',
      'rest-of-central-eastern-europe:authentication': '0.0212', 'rest-of-central-eastern-europe:authentication_international': '0.1200',
      'rest-of-central-eastern-europe:service': '0.0212',
      'rest-of-latin-america:marketing': '0.0740', 'rest-of-latin-america:utility': '0.0113', 'rest-of-latin-america:authentication': '0.0113',
      'rest-of-latin-america:service': '0.0113',
      'other:marketing': '0.0604', 'other:utility': '0.0077', 'other:authentication': '0.0077',
    });
  });

  it('reads currency symbols and codes, thousands separators and decimal commas', () => {
    const r = readMetaRateCard(fixture('meta-pricing-idr.csv'));
    expect(r.issues).toEqual([]);
    expect(r.card).toEqual({
      currency: 'IDR',
      markets: ['ID', 'SG', 'rest-of-asia-pacific'],
      rates: {
        'ID:marketing': '586.33', 'ID:utility': '356.70', 'ID:authentication': '1012.50', 'ID:authentication_international': '2162.00',
        'SG:marketing': '1100', 'SG:authentication': '1100.25',
        'rest-of-asia-pacific:marketing': '1234567.5', 'rest-of-asia-pacific:utility': '0.5', 'rest-of-asia-pacific:authentication': '0.75',
      },
    });
  });

  it('reports each broken row with its file line and column, and keeps the rows that are fine', () => {
    const r = readMetaRateCard(fixture('meta-pricing-broken.csv'));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      { line: 5, column: 'Market', message: "unknown market 'Narnia'" },
      { line: 6, column: 'Market', message: "market 'Brasil' (BR) is already on line 4" },
      { line: 7, column: 'Utility', message: "not a rate: 'abc' (a number, optionally with a currency symbol; n/a or -- when missing)" },
      { line: 8, column: 'Currency', message: 'GBP differs from USD (line 4): a card has one currency' },
      { line: 9, column: 'Market', message: 'rates without a market' },
      { line: 10, column: 'Currency', message: "unknown currency 'XYZW'" },
      { line: 11, column: 'Marketing', message: "a rate cannot be negative: '-0.01'" },
      { line: 12, column: 'Marketing', message: 'rate in EUR on a row in USD' },
    ]);
    expect(r.card).toEqual({
      currency: 'USD',
      markets: ['BR'],
      rates: { 'BR:marketing': '0.0625', 'BR:utility': '0.0068', 'BR:authentication': '0.0068', 'BR:service': '0.0068' },
    });
  });

  it('says when there is no header', () => {
    expect(readMetaRateCard(fixture('no-header.csv'))).toEqual({
      ok: false,
      card: null,
      issues: [{ line: 1, column: null, message: expect.stringMatching(/^no header row with a Market column/) }],
    });
  });

  it('counts lines after a quoted line break in CRLF files', () => {
    const text = 'Title,,\r\nMarket,Currency,"Authentication-\r\nInternational"\r\nNarnia,$US,0.1\r\n';
    expect(readMetaRateCard(text).issues).toEqual([{ line: 4, column: 'Market', message: "unknown market 'Narnia'" }]);
  });
});

describe('readRateCell', () => {
  it.each([
    ['0.0625', '0.0625', undefined],
    ['$0.0625', '0.0625', null],
    ['US$ 0.0625', '0.0625', 'USD'],
    ['$US0.0625', '0.0625', 'USD'],
    ['A$0.0911', '0.0911', 'AUD'],
    ['£0.0382', '0.0382', 'GBP'],
    ['€0.0563', '0.0563', 'EUR'],
    ['₹0.7846', '0.7846', 'INR'],
    ['R$ 0,3125', '0.3125', 'BRL'],
    ['0.0625 USD', '0.0625', 'USD'],
    ['1,100', '1100', undefined],
    ['0,0625', '0.0625', undefined],
  ])('%s -> %s', (cell, value, currency) => {
    expect(readRateCell(cell)).toEqual({ kind: 'rate', value, currency });
  });

  it.each(['', 'n/a', 'N/A', '--', '-', ' na '])('%j is a missing rate', (cell) => {
    expect(readRateCell(cell)).toEqual({ kind: 'missing' });
  });
});
