/**
 * Meta's market names as printed in its rate-card files ("Brazil", "North America", "Rest of Central & Eastern
 * Europe", "Other") to the engine's market ids (KNOWN_MARKETS: ISO codes of standalone markets, kebab-case groups).
 * Ids themselves ("BR", "north-america") are accepted too. Pure lookups, no time: the rate-card file says which
 * markets it prices; the dated market table (markets/market-table.ts) says which market an event falls in.
 */
import { KNOWN_MARKETS } from '../markets/market';

/** English names of markets priced on their own, by id (incl. those standalone from 2026-10-01). */
const COUNTRY_NAMES: Record<string, readonly string[]> = {
  AR: ['Argentina'], BR: ['Brazil', 'Brasil'], CL: ['Chile'], CO: ['Colombia'], EG: ['Egypt'], FR: ['France'],
  DE: ['Germany'], HK: ['Hong Kong'], HU: ['Hungary'], IN: ['India'], ID: ['Indonesia'], IL: ['Israel'],
  IT: ['Italy'], MY: ['Malaysia'], MX: ['Mexico'], NL: ['Netherlands', 'The Netherlands'], NG: ['Nigeria'],
  PK: ['Pakistan'], PE: ['Peru'], PL: ['Poland'], QA: ['Qatar'], RO: ['Romania'], RU: ['Russia', 'Russian Federation'],
  SA: ['Saudi Arabia'], SG: ['Singapore'], ZA: ['South Africa'], ES: ['Spain'], TR: ['Turkey', 'Türkiye', 'Turkiye'],
  AE: ['United Arab Emirates', 'UAE'], GB: ['United Kingdom', 'UK', 'Great Britain'],
  BD: ['Bangladesh'], IQ: ['Iraq'], NP: ['Nepal'], LK: ['Sri Lanka'], KZ: ['Kazakhstan'], KW: ['Kuwait'],
  MA: ['Morocco'], OM: ['Oman'], UA: ['Ukraine'],
};

/** Names that are not a market of their own but price in one (the US and Canada are North America). */
const ALIASES: Record<string, string> = {
  'united states': 'north-america',
  usa: 'north-america',
  us: 'north-america',
  canada: 'north-america',
  'us and canada': 'north-america',
};

/** "Rest of Central & Eastern Europe" -> "rest of central eastern europe"; "Rest of Asia-Pacific" -> "rest of asia pacific". */
const words = (name: string): string =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const BY_NAME = new Map<string, string>();
for (const [id, names] of Object.entries(COUNTRY_NAMES)) for (const n of names) BY_NAME.set(words(n), id);
for (const [alias, id] of Object.entries(ALIASES)) BY_NAME.set(alias, id);

/** The market id a rate-card file's market name stands for, or null when it names no market. */
export const marketIdOfName = (name: string): string | null => {
  const trimmed = name.trim();
  if (KNOWN_MARKETS.has(trimmed)) return trimmed;
  if (/^[A-Za-z]{2}$/.test(trimmed) && KNOWN_MARKETS.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  const w = words(trimmed);
  const named = BY_NAME.get(w);
  if (named !== undefined && KNOWN_MARKETS.has(named)) return named;
  const slug = w.replace(/ and /g, ' ').replace(/ /g, '-');
  return KNOWN_MARKETS.has(slug) ? slug : null;
};

/** Rate-card column headings to WhatsApp categories ("Authentication-\nInternational" included). */
const CATEGORY_HEADINGS: Record<string, string> = {
  marketing: 'marketing',
  utility: 'utility',
  authentication: 'authentication',
  authenticationinternational: 'authentication_international',
  authinternational: 'authentication_international',
  service: 'service',
};

/** The category a rate-card column heading names, or null. */
export const categoryOfHeading = (heading: string): string | null =>
  CATEGORY_HEADINGS[heading.toLowerCase().replace(/[^a-z]/g, '')] ?? null;
