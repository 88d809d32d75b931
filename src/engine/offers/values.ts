/**
 * The values of an offer's placeholders for one flagged period of a contract check. Formatting (money, numbers,
 * the period's name) is the caller's, in the UI language: the engine only decides which number goes where.
 */
import { Dec } from '../money';
import type { Contract, PeriodCheck, Proposal } from '../profitability/types';
import { greeting } from './defaults';
import { PLACEHOLDERS, type PlaceholderKey } from './placeholders';
import type { OfferLocale } from './template';

export type OfferFormat = {
  /** A decimal-string amount in the contract's currency. */
  money(amount: string): string;
  /** A decimal string or count as a plain number (e.g. "1,234.5"). */
  number(value: string): string;
  /** A percentage from a decimal string (e.g. "10" -> "10 %"). */
  percent(value: string): string;
  /** The name of the period [start, end) (e.g. "October 2026"). */
  period(start: number, end: number): string;
  /** "per minute" in the template's language, for a proposal beyond the last category. */
  perMinute: string;
};

export type OfferInput = {
  contract: Contract;
  clientLabel: string;
  check: PeriodCheck;
  locale: OfferLocale;
  sender: string;
};

/** A price with at least 2 decimals, more when it has them ("350" -> "350.00", "0.0625" stays). */
const price = (s: string): string => {
  const own = new Dec(s).toFixed();
  const frac = own.includes('.') ? own.split('.')[1].length : 0;
  return new Dec(s).toFixed(Math.max(2, frac));
};

const currentPrice = (c: Contract): string => {
  const t = c.terms;
  if (t.kind === 'flat') return price(t.monthlyFee);
  if (t.kind === 'per-call') return price(t.pricePerCall);
  return price(t.categories[t.category - 1]);
};

const proposedPrice = (p: Proposal | null, f: OfferFormat): string => {
  if (!p) return '';
  if (p.kind === 'flat') return f.money(p.monthlyFee);
  if (p.kind === 'per-call') return f.money(p.pricePerCall);
  if (p.kind === 'category') return f.money(p.cap);
  return `${f.money(price(p.pricePerMinute))} ${f.perMinute}`;
};

const proposedCategory = (p: Proposal | null, f: OfferFormat): string => {
  if (p?.kind === 'category') return String(p.category);
  if (p?.kind === 'per-minute') return f.perMinute;
  return '';
};

/** Values in placeholder order: `values[n]` fills `{n}`. */
export const offerValues = (input: OfferInput, f: OfferFormat): string[] => {
  const { contract, check } = input;
  const byKey: Record<PlaceholderKey, string> = {
    tolerance: f.percent(contract.tolerancePercent),
    greeting: greeting(input.locale, contract.contact?.name),
    client: input.clientLabel,
    period: f.period(check.start, check.end),
    minutes: f.number(check.minutes),
    calls: f.number(String(check.calls)),
    referencePrice: f.money(price(contract.referencePricePerMinute)),
    currentPrice: f.money(currentPrice(contract)),
    cost: f.money(check.cost),
    proposedPrice: proposedPrice(check.proposal, f),
    currentCategory: contract.terms.kind === 'cost-cap' ? String(contract.terms.category) : '',
    proposedCategory: proposedCategory(check.proposal, f),
    sender: input.sender,
    revenue: f.money(check.revenue),
  };
  return PLACEHOLDERS.map((k) => byKey[k]);
};
