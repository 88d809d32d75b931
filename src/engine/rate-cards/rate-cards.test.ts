import { describe, expect, it } from 'vitest';
import { KNOWN_MARKETS } from '../markets/market';
import type { RateCardCharge } from '../plan/types';
import { rateCardCharge, withCards, type ImportedRateCard } from './build-charge';
import { categoryOfHeading, marketIdOfName } from './market-names';
import { cardIndexAt, cardSchedule, effectiveInstant } from './schedule';

describe('marketIdOfName', () => {
  it.each([
    ['Brazil', 'BR'], ['BR', 'BR'], ['br', 'BR'], ['India', 'IN'], ['United Kingdom', 'GB'], ['Türkiye', 'TR'],
    ['North America', 'north-america'], ['United States', 'north-america'], ['Rest of Latin America', 'rest-of-latin-america'],
    ['Rest of Central & Eastern Europe', 'rest-of-central-eastern-europe'], ['Rest of Asia-Pacific', 'rest-of-asia-pacific'],
    ['  Other ', 'other'], ['rest-of-africa', 'rest-of-africa'], ['Kazakhstan', 'KZ'],
  ])('%s -> %s', (name, id) => {
    expect(marketIdOfName(name)).toBe(id);
    expect(KNOWN_MARKETS.has(id)).toBe(true);
  });

  it('names no market for unknown names or countries that price in a group', () => {
    expect(marketIdOfName('Narnia')).toBeNull();
    expect(marketIdOfName('KE')).toBeNull();
    expect(marketIdOfName('')).toBeNull();
  });

  it('maps the headings, the quoted line break included', () => {
    expect(['Marketing', 'Utility', 'Authentication', 'Authentication-\nInternational', 'Service', 'Currency'].map(categoryOfHeading)).toEqual([
      'marketing', 'utility', 'authentication', 'authentication_international', 'service', null,
    ]);
  });
});

describe('schedule', () => {
  it('reads effective dates in the plan zone and finds the card in force', () => {
    expect(effectiveInstant('2026-10-01', 'America/Sao_Paulo')).toBe(Date.parse('2026-10-01T03:00:00Z'));
    expect(effectiveInstant('2026-10-01T12:30', 'UTC')).toBe(Date.parse('2026-10-01T12:30:00Z'));
    expect(effectiveInstant('2026-10-01T00:00:00+05:30', 'UTC')).toBe(Date.parse('2026-09-30T18:30:00Z'));
    expect(effectiveInstant('2026-02-30', 'UTC')).toBeNull();
    expect(effectiveInstant('20261001', 'UTC')).toBeNull();
    const charge: RateCardCharge = {
      id: 'm', label: 'M', model: 'rate-card', meter: 'x',
      cards: [{ effectiveFrom: '2026-07-01', rates: {} }, { effectiveFrom: '2026-10-01', rates: {}, default: '1' }],
    };
    const cards = cardSchedule(charge, 'UTC');
    const at = (iso: string) => cardIndexAt(cards, Date.parse(iso));
    expect([at('2026-06-30T23:59:59.999Z'), at('2026-07-01T00:00:00Z'), at('2026-09-30T23:59:59.999Z'), at('2026-10-01T00:00:00Z')]).toEqual([-1, 0, 0, 1]);
    expect(cards[1]).toMatchObject({ fallback: '1', ratesPath: 'cards[1].rates', label: 'card from 2026-10-01' });
  });
});

const card = (rates: Record<string, string>, currency: string | null = 'USD'): ImportedRateCard => ({ rates, currency, markets: [] });

describe('building rate-card charges from imported cards', () => {
  it('makes a charge with cards sorted by effective instant', () => {
    const r = rateCardCharge({ id: 'meta', label: 'Meta', meter: 'pmp' }, [
      { effectiveFrom: '2026-10-01', card: card({ 'BR:marketing': '0.07' }) },
      { effectiveFrom: '2026-07-01', card: card({ 'BR:marketing': '0.0625' }, null), default: '0.1' },
    ], 'UTC');
    expect(r).toEqual({
      ok: true,
      charge: {
        id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card',
        cards: [
          { effectiveFrom: '2026-07-01', rates: { 'BR:marketing': '0.0625' }, default: '0.1' },
          { effectiveFrom: '2026-10-01', rates: { 'BR:marketing': '0.07' }, currency: 'USD' },
        ],
      },
    });
  });

  it('adds or replaces cards, and turns plain rates into a dated card when told from when', () => {
    const plain: RateCardCharge = { id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', rates: { 'BR:marketing': '0.05' }, freeUnits: 3 };
    expect(withCards(plain, [{ effectiveFrom: '2026-10-01', card: card({}) }], 'UTC')).toEqual({
      ok: false,
      message: "rate card 'meta' has plain rates: say from when they apply (ratesFrom) to add dated cards",
    });
    const r = withCards(plain, [{ effectiveFrom: '2026-10-01', card: card({ 'BR:marketing': '0.07' }) }], 'UTC', { ratesFrom: '2025-07-01' });
    expect(r.ok && r.charge).toEqual({
      id: 'meta', label: 'Meta', meter: 'pmp', model: 'rate-card', freeUnits: 3,
      cards: [
        { effectiveFrom: '2025-07-01', rates: { 'BR:marketing': '0.05' } },
        { effectiveFrom: '2026-10-01', rates: { 'BR:marketing': '0.07' }, currency: 'USD' },
      ],
    });
    const replaced = r.ok ? withCards(r.charge, [{ effectiveFrom: '2026-10-01', card: card({ 'BR:marketing': '0.08' }) }], 'UTC') : null;
    expect(replaced?.ok && replaced.charge.cards?.map((c) => c.rates['BR:marketing'])).toEqual(['0.05', '0.08']);
    expect(withCards(plain, [{ effectiveFrom: 'soon', card: card({}) }], 'UTC', { ratesFrom: '2025-07-01' })).toEqual({
      ok: false,
      message: "effectiveFrom 'soon' is not an ISO date or date-time",
    });
    expect(rateCardCharge({ id: 'a', label: 'A', meter: 'm' }, [
      { effectiveFrom: '2026-10-01', card: card({}) }, { effectiveFrom: '2026-10-01T00:00', card: card({}) },
    ], 'UTC')).toEqual({ ok: false, message: "two cards take effect at the same instant ('2026-10-01' and '2026-10-01T00:00')" });
  });
});
