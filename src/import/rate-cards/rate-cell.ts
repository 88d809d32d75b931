/**
 * Cells of a rate-card file: a currency (column `Currency`: "$US", "USD", "A$", "£", "₹", "RP" …) and a rate with
 * an optional currency symbol or code before or after it ("$0.0625", "US$ 0.0625", "0.0625 USD", "RP 1,100.50"),
 * thousands separators, a decimal comma, and markers of a missing rate (`n/a`, `--`, empty).
 */

/** Currency tokens as Meta and spreadsheets write them, to ISO 4217; '$' alone says only "some dollar" (null). */
const TOKENS: [string, string | null][] = [
  ['US$', 'USD'], ['$US', 'USD'], ['USD', 'USD'],
  ['AU$', 'AUD'], ['A$', 'AUD'], ['AUD', 'AUD'],
  ['R$', 'BRL'], ['BRL', 'BRL'],
  ['MX$', 'MXN'], ['MXN', 'MXN'],
  ['£', 'GBP'], ['GBP', 'GBP'], ['GBD', 'GBP'],
  ['€', 'EUR'], ['EUR', 'EUR'],
  ['₹', 'INR'], ['INR', 'INR'], ['RS.', 'INR'],
  ['RP', 'IDR'], ['IDR', 'IDR'],
  ['$', null],
];

const MISSING = new Set(['', 'n/a', 'na', 'n.a.', '--', '-', '—', '–']);

/** A Currency cell as ISO 4217: a known token, or any other three letters upper-cased; undefined when unreadable. */
export const currencyOfCell = (cell: string): string | null | undefined => {
  const t = cell.trim().toUpperCase();
  const known = TOKENS.find(([token]) => token === t);
  if (known) return known[1];
  return /^[A-Z]{3}$/.test(t) ? t : undefined;
};

export type RateCell =
  | { kind: 'missing' }
  | { kind: 'rate'; value: string; currency: string | null | undefined }
  | { kind: 'bad'; message: string };

/** "1,234.56" / "1.234,56" / "0,0625" / "1,100" (thousands) -> a plain decimal string, or null. */
const plainNumber = (text: string): string | null => {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  const comma = s.lastIndexOf(',');
  const dot = s.lastIndexOf('.');
  if (comma >= 0 && dot >= 0) {
    s = comma > dot ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma >= 0) {
    s = /^[1-9]\d{0,2}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : /^\d+,\d+$/.test(s) ? s.replace(',', '.') : s;
  } else if (/^[1-9]\d{0,2}(\.\d{3}){2,}$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (s.startsWith('.')) s = `0${s}`;
  return /^\d+(\.\d+)?$/.test(s) ? s : null;
};

/** Splits a currency token off the start or end of a cell. */
const splitCurrency = (cell: string): { rest: string; currency: string | null | undefined } => {
  const upper = cell.toUpperCase();
  for (const [token, iso] of TOKENS) {
    if (upper.startsWith(token)) return { rest: cell.slice(token.length).trim(), currency: iso };
    if (upper.endsWith(token)) return { rest: cell.slice(0, cell.length - token.length).trim(), currency: iso };
  }
  return { rest: cell, currency: undefined };
};

/** A rate cell: `currency` is the symbol's currency (null: '$' alone; undefined: none written). */
export const readRateCell = (cell: string): RateCell => {
  const trimmed = cell.trim();
  if (MISSING.has(trimmed.toLowerCase())) return { kind: 'missing' };
  const { rest, currency } = splitCurrency(trimmed);
  if (rest.startsWith('-')) return { kind: 'bad', message: `a rate cannot be negative: '${trimmed}'` };
  const value = plainNumber(rest);
  if (value === null) return { kind: 'bad', message: `not a rate: '${trimmed}' (a number, optionally with a currency symbol; n/a or -- when missing)` };
  return { kind: 'rate', value, currency };
};
