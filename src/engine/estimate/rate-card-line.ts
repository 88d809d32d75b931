/**
 * Prices one key of a `rate-card` charge in one cycle: plain `rates` price the cycle's usage; dated `cards` price
 * each part of the cycle (split at card changes, estimate/measure-plan.ts) with the card in force at the part's start,
 * consecutive parts under the same card taken together. Missing rates go to `ctx.missing` (or throw without it).
 */
import { priceRateCard, type CardPart } from '../charges/rate-card';
import type { PricedCharge } from '../charges/priced';
import type { KeyUsage } from '../meters/usage';
import { quantityToDecimal, type Big } from '../money';
import type { RateCardCharge } from '../plan/types';
import { cardIndexAt, cardSchedule, type ScheduledCard } from '../rate-cards/schedule';
import type { UsagePart } from '../rate-cards/split-usage';
import type { LineContext } from './lines';

const schedules = new WeakMap<RateCardCharge, { zone: string; cards: ScheduledCard[] }>();

const scheduleOf = (charge: RateCardCharge, zone: string): ScheduledCard[] => {
  const cached = schedules.get(charge);
  if (cached && cached.zone === zone) return cached.cards;
  const cards = cardSchedule(charge, zone);
  schedules.set(charge, { zone, cards });
  return cards;
};

const keyIndex = new WeakMap<UsagePart, Map<string, KeyUsage>>();

const usageOfKey = (part: UsagePart, key: string | undefined): number => {
  if (key === undefined) return part.usage.total.quantity;
  let index = keyIndex.get(part);
  if (!index) {
    index = new Map(part.usage.keys.map((k) => [k.key, k]));
    keyIndex.set(part, index);
  }
  return index.get(key)?.quantity ?? 0;
};

/** The key's usage per card in force, in time order (consecutive parts under one card merged). */
const cardParts = (cards: readonly ScheduledCard[], parts: readonly UsagePart[], key: string | undefined): CardPart[] => {
  const out: CardPart[] = [];
  let last = -2;
  for (const part of parts) {
    const k = cardIndexAt(cards, part.startMs);
    const q = quantityToDecimal(usageOfKey(part, key));
    if (k === last) out[out.length - 1].usage = out[out.length - 1].usage.plus(q);
    else out.push({ card: k >= 0 ? cards[k] : null, usage: q });
    last = k;
  }
  return out.filter((p, i) => i === out.length - 1 || p.usage.gt(0));
};

export const priceRateCardLine = (charge: RateCardCharge, ctx: LineContext, usage: Big, key: string | undefined): PricedCharge => {
  const { plan } = ctx;
  const cards = scheduleOf(charge, plan.cycle.timeZone);
  let parts: CardPart[];
  if (charge.cards) {
    const cycleParts = charge.meter !== undefined ? ctx.parts?.get(charge.meter)?.[ctx.cycle] : undefined;
    if (!cycleParts) throw new Error(`rate card '${charge.id}' has dated cards but its meter was not measured in parts`);
    parts = cardParts(cards, cycleParts, key);
  } else {
    parts = [{ card: cards[0], usage }];
  }
  const { priced, missing } = priceRateCard(parts, charge.freeUnits, key ?? '', plan.rounding.decimals);
  if (missing.length === 0) return priced;
  const chargeIndex = plan.charges.indexOf(charge);
  for (const m of missing) {
    if (!ctx.missing) throw new Error(`rate card '${charge.id}' has no rate for key '${key ?? ''}'`);
    ctx.missing.add(chargeIndex, charge.id, key ?? '', m.card, cards[0]);
  }
  return priced;
};
