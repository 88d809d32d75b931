/**
 * Meta's WhatsApp pricing markets by the contact's country (ISO 3166 alpha-2), with effective dates.
 *
 * Meta maps a recipient to a market by the longest prefix of the phone number's country calling code (notes/domain.md);
 * this table states the same mapping per country, so that an event's `country` (imported, or derived from the number
 * at import) gives its market. A change of grouping is a new row with a later `from`: the row in force at the event's
 * time wins. `from` is a UTC date (00:00 UTC); Meta applies changes in the WABA's time zone, which can shift events
 * of the first hours of the day (known approximation). Countries in no row are `other`.
 *
 * Sources: notes/domain.md (standalone markets, +1 and its exceptions), and public transcriptions of Meta's market
 * lists (3rd party): Zimbabwe moved from Other to Rest of Africa on 2025-10-01; nine markets leave their regional
 * groups on 2026-10-01 (BD, IQ, NP, LK, KZ, KW, MA, OM, UA). Kazakhstan shares +7 with Russia, so before it priced as RU.
 * Other +1 (NANP) countries price as North America, except DO, JM and PR (Rest of Latin America).
 */

export const MARKET_GROUPS = [
  'north-america',
  'rest-of-africa',
  'rest-of-asia-pacific',
  'rest-of-central-eastern-europe',
  'rest-of-western-europe',
  'rest-of-latin-america',
  'rest-of-middle-east',
  'other',
] as const;
export type MarketGroup = (typeof MARKET_GROUPS)[number];

/** Market given when the country is empty or in no row. */
export const OTHER_MARKET: MarketGroup = 'other';

/** One mapping row: `countries` price in `market` from `from` (YYYY-MM-DD, UTC) on; '' = since always. */
export type MarketRow = { from: string; market: string; countries: readonly string[] };

const STANDALONE = [
  'AR', 'BR', 'CL', 'CO', 'EG', 'FR', 'DE', 'HK', 'HU', 'IN', 'ID', 'IL', 'IT', 'MY', 'MX', 'NL', 'NG', 'PK', 'PE',
  'PL', 'QA', 'RO', 'RU', 'SA', 'SG', 'ZA', 'ES', 'TR', 'AE', 'GB',
];

const rows = (from: string, market: string, countries: string): MarketRow => ({ from, market, countries: countries.split(' ') });

export const MARKET_ROWS: readonly MarketRow[] = [
  ...STANDALONE.map((c) => ({ from: '', market: c, countries: [c] })),
  rows('', 'north-america', 'US CA AG AI AS BB BM BS DM GD GU KN KY LC MP MS SX TC TT VC VG VI'),
  rows('', 'RU', 'KZ'),
  rows(
    '',
    'rest-of-africa',
    'DZ AO BJ BW BF BI CM TD CG ER ET GA GM GH GW CI KE LS LR LY MG MW ML MR MA MZ NA NE RW SN SL SO SS SD SZ TZ TG TN UG ZM',
  ),
  rows('', 'rest-of-asia-pacific', 'AF AU BD KH CN JP LA MN NP NZ PG PH LK TW TJ TH TM UZ VN'),
  rows('', 'rest-of-central-eastern-europe', 'AL AM AZ BY BG HR CZ GE GR LV LT MD MK RS SK SI UA'),
  rows('', 'rest-of-western-europe', 'AT BE DK FI IE NO PT SE CH'),
  rows('', 'rest-of-latin-america', 'BO CR DO EC SV GT HT HN JM NI PA PY PR UY VE'),
  rows('', 'rest-of-middle-east', 'BH IQ JO KW LB OM YE'),
  rows('2025-10-01', 'rest-of-africa', 'ZW'),
  ...'BD IQ NP LK KZ KW MA OM UA'.split(' ').map((c) => ({ from: '2026-10-01', market: c, countries: [c] })),
];
