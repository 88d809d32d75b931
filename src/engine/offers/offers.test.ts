import { describe, expect, it } from 'vitest';
import { checkPeriod } from '../profitability/check';
import type { Contract } from '../profitability/types';
import { CONTRACT_KINDS, OFFER_LOCALES, parseTemplate } from './template';
import { defaultTemplate } from './defaults';
import { followUpDue } from './follow-up';
import { dueState } from './due-state';
import { PLACEHOLDERS, renderTemplate } from './placeholders';
import { offerValues, type OfferFormat } from './values';

const fmt: OfferFormat = {
  money: (a) => `EUR ${a}`,
  number: (v) => v,
  percent: (v) => `${v} %`,
  period: (s) => new Date(s).toISOString().slice(0, 7),
  perMinute: 'per minute',
};

const contract: Contract = {
  format: 'tarifa.contract/1', name: 'Sales', client: 'sales', currency: 'EUR', referencePricePerMinute: '0.80',
  tolerancePercent: '10', terms: { kind: 'flat', monthlyFee: '350' }, contact: { name: 'Maria', email: 'maria@example.com' },
};
const period = { start: Date.UTC(2026, 9, 1), end: Date.UTC(2026, 10, 1), partial: false };

describe('renderTemplate', () => {
  it('fills numbered placeholders once, keeps doubled braces literal and reports placeholders without a value', () => {
    expect(renderTemplate('{1} {0}{0} {{0}} {2} {12}', ['a', '{1}', 'c'])).toEqual({ text: '{1} aa {0} c {12}', unknown: [12] });
  });
});

describe('offerValues', () => {
  it('a flat-rate offer: every placeholder has its number', () => {
    const check = checkPeriod(contract, { seconds: 500 * 60, calls: 120 }, period, 0);
    const v = offerValues({ contract, clientLabel: 'Sales', check, locale: 'en', sender: 'Tabuni answering' }, fmt);
    expect(v).toHaveLength(PLACEHOLDERS.length);
    expect(v).toEqual([
      '10 %', 'Dear Maria,', 'Sales', '2026-10', '500.00', '120', 'EUR 0.80', 'EUR 350.00', 'EUR 400.00', 'EUR 400.00', '', '',
      'Tabuni answering', 'EUR 350.00',
    ]);
    const t = defaultTemplate('flat', 'en');
    const r = renderTemplate(t.body, v);
    expect(r.unknown).toEqual([]);
    expect(r.text).toContain('Dear Maria,');
    expect(r.text).toContain('we propose a new monthly flat rate of EUR 400.00, from next month');
    expect(r.text).toContain('difference of up to 10 %');
  });

  it('a cost-cap offer beyond the last category proposes per-minute billing', () => {
    const cap: Contract = { ...contract, terms: { kind: 'cost-cap', category: 2, categories: ['100', '200'] }, contact: undefined };
    const check = checkPeriod(cap, { seconds: 400 * 60, calls: 0 }, period, 0);
    const v = offerValues({ contract: cap, clientLabel: 'Sales', check, locale: 'es', sender: 'X' }, fmt);
    expect(v[1]).toBe('Estimado/a cliente:');
    expect([v[7], v[9], v[10], v[11]]).toEqual(['EUR 200.00', 'EUR 0.80 per minute', '2', 'per minute']);
  });
});

describe('default templates', () => {
  it('exist for every kind and language, are valid, and use only known placeholders', () => {
    for (const kind of CONTRACT_KINDS) {
      for (const locale of OFFER_LOCALES) {
        const t = defaultTemplate(kind, locale);
        expect(parseTemplate(t).ok).toBe(true);
        const values = PLACEHOLDERS.map((k) => `<${k}>`);
        expect(renderTemplate(t.body, values).unknown).toEqual([]);
        expect(renderTemplate(t.subject, values).unknown).toEqual([]);
        // Every template names the tolerance, greets, and proposes a price.
        for (const n of [0, 1, 9]) expect(t.body).toContain(`{${n}}`);
      }
    }
  });

  it('parseTemplate names bad fields', () => {
    const r = parseTemplate({ format: 'tarifa.template/1', kind: 'flat', locale: 'de', subject: '', body: '' });
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['locale', 'body']);
  });
});

describe('follow-up', () => {
  it('is due 7 days later at the same local time, across a DST change', () => {
    const sent = Date.parse('2026-11-22T10:00:00Z');
    expect(new Date(followUpDue(sent, 'UTC')).toISOString()).toBe('2026-11-29T10:00:00.000Z');
    // Berlin leaves summer time on 2026-10-25: 7 local days are 7 × 24 h + 1 h.
    const before = Date.parse('2026-10-20T08:00:00Z'); // 10:00 CEST
    expect(new Date(followUpDue(before, 'Europe/Berlin')).toISOString()).toBe('2026-10-27T09:00:00.000Z'); // 10:00 CET
  });

  it('overdue before today, today until local midnight, upcoming after', () => {
    const now = Date.parse('2026-11-22T15:00:00Z');
    expect(dueState(Date.parse('2026-11-21T23:59:59Z'), now, 'UTC')).toBe('overdue');
    expect(dueState(Date.parse('2026-11-22T00:00:00Z'), now, 'UTC')).toBe('today');
    expect(dueState(Date.parse('2026-11-22T23:59:59Z'), now, 'UTC')).toBe('today');
    expect(dueState(Date.parse('2026-11-23T00:00:00Z'), now, 'UTC')).toBe('upcoming');
    // In São Paulo (UTC-3) 2026-11-23T01:00Z is still the 22nd.
    expect(dueState(Date.parse('2026-11-23T01:00:00Z'), now, 'America/Sao_Paulo')).toBe('today');
  });
});
