/**
 * Meta's WhatsApp rate-card CSV, read as it really is (notes/domain.md; OJoshuaCG/meta-whatsapp-pricing records the
 * quirks): preamble lines (titles, dates, notes, padded with commas) before the header; the header
 * `Market,Currency,Marketing,Utility,Authentication,"Authentication-\nInternational",Service` with a quoted line break;
 * a Currency column ("$US", "A$", "£", "₹", "RP"); rates as plain numbers or with a symbol or code, thousands
 * separators; `n/a`, `--` or empty for a rate that does not exist; notes after the table.
 *
 * Returns the card (`rates` keyed "BR:marketing" with the engine's market ids, the card's ISO currency, its markets
 * in file order) and issues with 1-based file line numbers and the column heading. `ok` is true when there are no
 * issues; rows with problems are left out of the card and reported, the rest is still read.
 */
import Papa from 'papaparse';
import { guessDialect } from '../csv-records';
import { categoryOfHeading, marketIdOfName } from '../../engine/rate-cards/market-names';
import type { ImportedRateCard } from '../../engine/rate-cards/build-charge';
import { currencyOfCell, readRateCell } from './rate-cell';

export type RateCardIssue = { line: number; column: string | null; message: string };
export type MetaRateCardResult = { ok: boolean; card: ImportedRateCard | null; issues: RateCardIssue[] };

type Row = { cells: string[]; line: number };

/** Records with the file line each starts on (quoted line breaks counted). */
const rowsOf = (text: string): Row[] => {
  const rows: Row[] = [];
  let start = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimiter: guessDialect(text).delimiter,
    skipEmptyLines: false,
    step: (result) => {
      rows.push({ cells: result.data, line });
      const end = result.meta.cursor;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) === 10) line++;
      start = end;
    },
  });
  return rows;
};

const heading = (cell: string): string => cell.replace(/\s*\n\s*/g, '').trim();

type Header = { row: Row; market: number; currency: number; categories: { col: number; category: string; name: string }[] };

/** The first row with a Market column and at least one category column. */
const findHeader = (rows: readonly Row[], issues: RateCardIssue[]): Header | null => {
  for (const row of rows) {
    const market = row.cells.findIndex((c) => heading(c).toLowerCase() === 'market');
    if (market < 0) continue;
    const categories: Header['categories'] = [];
    const seen = new Map<string, string>();
    row.cells.forEach((c, col) => {
      const category = categoryOfHeading(c);
      if (category === null) return;
      const name = heading(c);
      const earlier = seen.get(category);
      if (earlier !== undefined) issues.push({ line: row.line, column: name, message: `column '${name}' repeats column '${earlier}'` });
      else {
        seen.set(category, name);
        categories.push({ col, category, name });
      }
    });
    if (categories.length === 0) continue;
    const currency = row.cells.findIndex((c) => heading(c).toLowerCase() === 'currency');
    return { row, market, currency, categories };
  }
  return null;
};

export const readMetaRateCard = (input: string): MetaRateCardResult => {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const rows = rowsOf(text);
  const issues: RateCardIssue[] = [];
  const header = findHeader(rows, issues);
  if (!header) {
    const message = 'no header row with a Market column and rate columns (Marketing, Utility, Authentication, Authentication-International, Service)';
    return { ok: false, card: null, issues: [{ line: 1, column: null, message }] };
  }
  const rates: Record<string, string> = {};
  const markets: string[] = [];
  const lineOfMarket = new Map<string, number>();
  let currency: { iso: string; line: number } | null = null;
  const cell = (row: Row, col: number): string => (col >= 0 ? (row.cells[col] ?? '').trim() : '');

  for (const row of rows.slice(rows.indexOf(header.row) + 1)) {
    // Blank lines, padding and notes (text in the first column only) carry no rate: skip them.
    if (header.categories.every(({ col }) => cell(row, col) === '')) continue;
    const report = (column: string | null, message: string) => issues.push({ line: row.line, column, message });
    const name = cell(row, header.market);
    if (name === '') {
      report('Market', 'rates without a market');
      continue;
    }
    const id = marketIdOfName(name);
    if (id === null) {
      report('Market', `unknown market '${name}'`);
      continue;
    }
    const earlier = lineOfMarket.get(id);
    if (earlier !== undefined) {
      report('Market', `market '${name}' (${id}) is already on line ${earlier}`);
      continue;
    }
    lineOfMarket.set(id, row.line);
    let rowCurrency: string | null = null;
    const currencyText = cell(row, header.currency);
    if (currencyText !== '') {
      const iso = currencyOfCell(currencyText);
      if (iso === undefined) {
        report('Currency', `unknown currency '${currencyText}'`);
        continue;
      }
      rowCurrency = iso;
    }
    const found: [string, string][] = [];
    let bad = false;
    for (const { col, category, name: column } of header.categories) {
      const read = readRateCell(cell(row, col));
      if (read.kind === 'missing') continue;
      if (read.kind === 'bad') {
        report(column, read.message);
        bad = true;
        continue;
      }
      if (read.currency) {
        if (rowCurrency !== null && read.currency !== rowCurrency) {
          report(column, `rate in ${read.currency} on a row in ${rowCurrency}`);
          bad = true;
          continue;
        }
        rowCurrency ??= read.currency;
      }
      found.push([`${id}:${category}`, read.value]);
    }
    if (rowCurrency !== null) {
      if (currency === null) currency = { iso: rowCurrency, line: row.line };
      else if (currency.iso !== rowCurrency) {
        report('Currency', `${rowCurrency} differs from ${currency.iso} (line ${currency.line}): a card has one currency`);
        continue;
      }
    }
    if (bad) continue;
    markets.push(id);
    for (const [key, value] of found) rates[key] = value;
  }
  if (markets.length === 0 && issues.length === 0) {
    issues.push({ line: header.row.line, column: null, message: 'no market rows after the header' });
  }
  return { ok: issues.length === 0, card: { rates, currency: currency?.iso ?? null, markets }, issues };
};
