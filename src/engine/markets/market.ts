/**
 * `market` as a derived text column: one dictionary of market names, one code per event.
 * The mapping (market-table.ts) is compiled once into one small lookup per period between effective dates; per event
 * the work is a period lookup (a comparison against the few change instants) and two array reads.
 * An event with an empty country is `other` (until the import derives the country from the phone number).
 */
import type { EventTable } from '../events';
import { MARKET_GROUPS, MARKET_ROWS, OTHER_MARKET, type MarketRow } from './market-table';

export type MarketMap = {
  /** Change instants (epoch ms, ascending); period p is [changes[p-1], changes[p]). */
  changes: number[];
  /** Per period: country (upper case) -> market. */
  periods: Map<string, string>[];
};

export const compileMarketMap = (table: readonly MarketRow[] = MARKET_ROWS): MarketMap => {
  const starts = [...new Set(table.map((r) => r.from).filter((f) => f !== ''))].sort();
  const changes = starts.map((d) => Date.parse(`${d}T00:00:00Z`));
  const periods = [-Infinity, ...changes].map((start) => {
    const map = new Map<string, string>();
    const inForce = table.filter((r) => r.from === '' || Date.parse(`${r.from}T00:00:00Z`) <= start);
    inForce.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    for (const r of inForce) for (const c of r.countries) map.set(c, r.market);
    return map;
  });
  return { changes, periods };
};

const DEFAULT_MAP = compileMarketMap();

/** Every market name a filter or rate key may use: the standalone countries and the regional groups. */
export const KNOWN_MARKETS: ReadonlySet<string> = new Set([
  ...MARKET_GROUPS,
  ...MARKET_ROWS.filter((r) => r.countries.length === 1 && r.countries[0] === r.market).map((r) => r.market),
]);

const periodOf = (changes: readonly number[], ts: number): number => {
  let p = 0;
  while (p < changes.length && ts >= changes[p]) p++;
  return p;
};

/** Market of one country at one instant (for tests and single look-ups). */
export const marketOf = (country: string, ts: number, map: MarketMap = DEFAULT_MAP): string =>
  map.periods[periodOf(map.changes, ts)].get(country.trim().toUpperCase()) ?? OTHER_MARKET;

export type TextColumn = { codes: ArrayLike<number>; dict: readonly string[] };

/** The market column of a table: codes into a market dictionary whose entry 0 is '' (never used: empty = other). */
export const marketColumn = (table: EventTable, map: MarketMap = DEFAULT_MAP): TextColumn => {
  const countries = table.dicts.country;
  const dict: string[] = [''];
  const codeOfMarket = new Map<string, number>();
  const codeOf = (m: string): number => {
    let code = codeOfMarket.get(m);
    if (code === undefined) {
      code = dict.length;
      dict.push(m);
      codeOfMarket.set(m, code);
    }
    return code;
  };
  // lookup[p][countryCode] -> market code
  const lookup = map.periods.map((period) => {
    const out = new Uint32Array(countries.length);
    for (let c = 0; c < countries.length; c++) {
      out[c] = codeOf(period.get(countries[c].trim().toUpperCase()) ?? OTHER_MARKET);
    }
    return out;
  });
  const { length, timestamp } = table.columns;
  const country = table.columns.strings.country;
  const codes = new Uint32Array(length);
  const changes = map.changes;
  if (changes.length === 0) {
    const only = lookup[0];
    for (let i = 0; i < length; i++) codes[i] = only[country[i]];
    return { codes, dict };
  }
  for (let i = 0; i < length; i++) {
    const ts = timestamp[i];
    let p = 0;
    while (p < changes.length && ts >= changes[p]) p++;
    codes[i] = lookup[p][country[i]];
  }
  return { codes, dict };
};
