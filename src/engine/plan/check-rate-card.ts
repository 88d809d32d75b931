/**
 * Validation of `rate-card` charges: exactly one of `rates` (one card) or `cards` (dated cards); dated cards have a
 * readable `effectiveFrom`, strictly later than the previous card's, the plan's currency, one way of giving the
 * default; keys naming a market name a known one. The meter must have keys (`by`, or a WhatsApp meter's default).
 */
import { KNOWN_MARKETS } from '../markets/market';
import { DEFAULT_RATE, effectiveInstant } from '../rate-cards/schedule';
import { formatPath } from './issues';
import type { Plan, RateCardCharge } from './types';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const marketHint = 'markets are ISO codes of markets priced on their own (BR, IN, DE, …) or north-america, rest-of-africa, rest-of-asia-pacific, rest-of-central-eastern-europe, rest-of-western-europe, rest-of-latin-america, rest-of-middle-east, other';

/** Reports a market name that is no market (wildcards are left alone). */
export const checkMarketName = (name: string, path: Path, report: Report, context = ''): void => {
  if (!name.includes('*') && !KNOWN_MARKETS.has(name)) report(path, `unknown market '${name}'${context} (${marketHint})`);
};

const checkMarketKeys = (rates: Record<string, string>, by: string[], path: Path, report: Report): void => {
  const marketAt = by.indexOf('market');
  if (marketAt < 0) return;
  for (const key of Object.keys(rates)) {
    if (key === DEFAULT_RATE) continue;
    const parts = key.split(':');
    if (parts.length === by.length) checkMarketName(parts[marketAt], [...path, key], report, ` in rate key '${key}'`);
  }
};

const checkCards = (charge: RateCardCharge, path: Path, plan: Plan, by: string[] | null, report: Report): void => {
  const cards = charge.cards ?? [];
  let previous: { ms: number; at: number } | null = null;
  cards.forEach((card, j) => {
    const at = [...path, 'cards', j];
    const ms = effectiveInstant(card.effectiveFrom, plan.cycle.timeZone);
    if (ms === null) {
      report([...at, 'effectiveFrom'], `must be an ISO date ("2026-07-01") or date-time ("2026-07-01T00:00", optional offset), not ${JSON.stringify(card.effectiveFrom)}`);
    } else {
      if (previous !== null && ms <= previous.ms) {
        report([...at, 'effectiveFrom'], `must be after ${formatPath([...path, 'cards', previous.at, 'effectiveFrom'])} (cards are sorted by effectiveFrom)`);
      }
      previous = { ms, at: j };
    }
    if (card.currency !== undefined && card.currency !== plan.currency) {
      report([...at, 'currency'], `the card is in ${card.currency} but the plan is in ${plan.currency} (rates are not converted)`);
    }
    if (card.default !== undefined && Object.hasOwn(card.rates, DEFAULT_RATE)) {
      report([...at, 'default'], `give the default rate once: 'default' or rates.default, not both`);
    }
    if (by) checkMarketKeys(card.rates, by, [...at, 'rates'], report);
  });
};

/** A rate card prices per key: its meter must have keys, and keys naming a market must name a known one. */
export const checkRateCard = (charge: RateCardCharge, path: Path, plan: Plan, report: Report): void => {
  const hasRates = charge.rates !== undefined;
  const hasCards = charge.cards !== undefined;
  if (hasRates && hasCards) report([...path, 'cards'], "give either 'rates' (one card) or 'cards' (dated cards), not both");
  if (!hasRates && !hasCards) report(path, "a 'rate-card' charge needs 'rates' or 'cards'");
  let by: string[] | null = null;
  if (charge.meter === undefined) {
    if (charge.quantity !== undefined) report([...path, 'quantity'], "a 'rate-card' charge needs a meter with 'by'");
  } else {
    const meter = plan.meters[charge.meter];
    if (meter) {
      const whatsapp = meter.type === 'whatsapp-pmp' || meter.type === 'whatsapp-cbp';
      by = meter.by ?? (whatsapp ? ['market', 'category'] : []);
      if (by.length === 0) {
        report([...path, 'meter'], `a 'rate-card' charge needs a meter with 'by' (meter '${charge.meter}' has none)`);
        by = null;
      }
    }
  }
  if (charge.rates && by) checkMarketKeys(charge.rates, by, [...path, 'rates'], report);
  if (hasCards) checkCards(charge, path, plan, by, report);
};
