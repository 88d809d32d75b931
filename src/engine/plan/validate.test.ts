import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from './validate';

const base = () => ({
  format: 'tarifa.plan/1',
  name: 'Test',
  currency: 'USD',
  cycle: { anchorDay: 1, timeZone: 'UTC' },
  meters: { messages: { type: 'count', where: { kind: 'message' } } } as Record<string, unknown>,
  charges: [{ id: 'base', label: 'Base', model: 'flat', amount: '10' }] as Record<string, unknown>[],
});

const issuesOf = (plan: unknown) => {
  const r = parsePlan(plan);
  // The English text by path (each issue's code and parameters are tested in engine/issue-codes.test.ts).
  return r.ok ? [] : r.issues.map(({ path, message }) => ({ path, message }));
};

describe('parsePlan', () => {
  it('accepts the seat plan example and fills defaults', () => {
    const seat = JSON.parse(readFileSync(new URL('../../../public/plans/seat-plan.json', import.meta.url), 'utf8'));
    const r = parsePlan(seat);
    expect(r.ok).toBe(true);
    const minimal = parsePlan(base());
    expect(minimal.ok && minimal.plan).toMatchObject({
      rounding: { decimals: 2, mode: 'half-up' },
      minimumSpend: '0',
      cap: null,
      discountPercent: '0',
      taxPercent: '0',
    });
  });

  it('rejects a non-object', () => {
    expect(issuesOf([])).toEqual([{ path: '', message: 'a plan must be a JSON object' }]);
  });

  it('names unknown fields, at their path', () => {
    const p = base();
    p.charges = [{ id: 'base', label: 'Base', model: 'flat', amout: '10' }];
    expect(issuesOf({ ...p, colour: 'red' })).toEqual([
      { path: 'charges[0].amount', message: 'is required' },
      { path: 'charges[0].amout', message: "unknown field 'amout'" },
      { path: 'colour', message: "unknown field 'colour'" },
    ]);
  });

  it('checks format, decimals, anchor day, rounding and time zone', () => {
    expect(
      issuesOf({
        ...base(),
        format: 'tarifa.plan/2',
        cycle: { anchorDay: 29, timeZone: 'UTC' },
        rounding: { decimals: 2, mode: 'nearest' },
        minimumSpend: '1,000',
        taxPercent: 5,
      }),
    ).toEqual([
      { path: 'format', message: "must be 'tarifa.plan/1'" },
      { path: 'cycle.anchorDay', message: 'must be at most 28' },
      { path: 'rounding.mode', message: "must be one of 'half-up', 'half-even', 'up', 'down'" },
      { path: 'minimumSpend', message: 'must be a decimal string such as "12.50"' },
      { path: 'taxPercent', message: 'must be a string, not number 5' },
    ]);
    expect(issuesOf({ ...base(), cycle: { anchorDay: 1.5, timeZone: 'Europe/Atlantis' } })).toEqual([
      { path: 'cycle.anchorDay', message: 'must be a whole number, not number 1.5' },
    ]);
    expect(issuesOf({ ...base(), cycle: { anchorDay: 1, timeZone: 'Europe/Atlantis' } })).toEqual([
      { path: 'cycle.timeZone', message: "unknown time zone 'Europe/Atlantis' (an IANA name such as 'America/Sao_Paulo')" },
    ]);
  });

  it('checks charge ids, meter references and meter-or-quantity', () => {
    const p = base();
    p.charges = [
      { id: 'a', label: 'A', model: 'standard', meter: 'mesages', unitPrice: '1' },
      { id: 'a', label: 'B', model: 'standard', unitPrice: '1' },
      { id: 'c', label: 'C', model: 'package', meter: 'messages', quantity: 3, packageSize: 0, packagePrice: '1' },
      { id: 'd', label: 'D', model: 'flat', amount: '1', meter: 'messages' },
      { id: 'e', label: 'E', model: 'standard', quantity: 2, unitPrice: '-1' },
    ];
    expect(issuesOf(p)).toEqual([
      { path: 'charges[2].packageSize', message: 'must be greater than 0' },
      { path: 'charges[4].unitPrice', message: 'must not be negative' },
    ]);
    p.charges[2].packageSize = 1000;
    p.charges[4].unitPrice = '1';
    expect(issuesOf(p)).toEqual([
      { path: 'charges[0].meter', message: "unknown meter 'mesages' (meters: messages)" },
      { path: 'charges[1].id', message: "duplicate charge id 'a' (also charges[0])" },
      { path: 'charges[1]', message: "a 'standard' charge needs a 'meter' or a fixed 'quantity'" },
      { path: 'charges[2].quantity', message: "give either 'meter' or 'quantity', not both" },
      { path: 'charges[3].meter', message: 'a flat charge takes no meter' },
    ]);
  });

  it('checks charge models, tiers and rate cards', () => {
    const p = base();
    p.charges = [
      { id: 'g', label: 'G', model: 'graduated', meter: 'messages', tiers: [{ upTo: 10, unitPrice: '1' }, { upTo: 10, unitPrice: '0.5' }, { upTo: null, unitPrice: '0.1' }] },
      { id: 'v', label: 'V', model: 'volume', meter: 'messages', tiers: [{ upTo: null, unitPrice: '1' }, { upTo: 5, unitPrice: '1' }] },
      { id: 'r', label: 'R', model: 'rate-card', meter: 'messages', rates: { 'BR:marketing': '0.0625' } },
      { id: 'x', label: 'X', model: 'tiered', meter: 'messages' },
    ];
    expect(issuesOf(p)).toEqual([
      { path: 'charges[3].model', message: `must be one of 'flat', 'standard', 'package', 'graduated', 'volume', 'rate-card', not the string "tiered"` },
    ]);
    p.charges.pop();
    expect(issuesOf(p)).toEqual([
      { path: 'charges[0].tiers[1].upTo', message: 'must be greater than 10' },
      { path: 'charges[1].tiers[0].upTo', message: 'only the last tier may have no upper bound (null)' },
      { path: 'charges[1].tiers[1].upTo', message: 'the last tier must have upTo null (no upper bound)' },
      { path: 'charges[2].meter', message: "a 'rate-card' charge needs a meter with 'by' (meter 'messages' has none)" },
    ]);
  });

  it('checks rate keys naming a market against the known markets', () => {
    const p = base();
    p.meters = { pmp: { type: 'whatsapp-pmp' }, byMarket: { type: 'count', by: ['category', 'market'] } };
    p.charges = [
      { id: 'pmp', label: 'Meta', model: 'rate-card', meter: 'pmp', rates: { 'BR:marketing': '0.0625', 'Brazil:utility': '0.0068', 'rest-of-*:utility': '1', default: '0.1' } },
      { id: 'm', label: 'M', model: 'rate-card', meter: 'byMarket', rates: { 'marketing:north-america': '0.025', 'marketing:US': '0.025', 'odd:key:parts': '1' } },
    ];
    expect(issuesOf(p)).toEqual([
      { path: 'charges[0].rates["Brazil:utility"]', message: expect.stringMatching(/^unknown market 'Brazil' in rate key 'Brazil:utility' \(markets are/) },
      { path: 'charges[1].rates["marketing:US"]', message: expect.stringMatching(/^unknown market 'US' in rate key 'marketing:US'/) },
    ]);
  });

  it('checks meters: types, filter fields and values, by/of fields', () => {
    const p = base();
    p.meters = {
      secs: { type: 'sum', field: 'duration' },
      calls: { type: 'call-time', increments: [60, 60] },
      pmp: { type: 'whatsapp-pmp' },
      cbp: { type: 'whatsapp-cbp', freeServiceConversations: 1000 },
      mau: { type: 'unique', of: ['contact', 'contact'], by: ['market'], where: { knd: 'message', hour: [9, 17], weekday: [0, 7], market: ['BR', 'Brasil', 'rest-of-*'], duration: '60', queue: 5 } },
    };
    expect(issuesOf(p)).toEqual([
      { path: 'meters.mau.where.knd', message: "unknown field 'knd'" },
      { path: 'meters.mau.where.weekday[0]', message: 'weekday takes a whole number 1-7 or a [from, to] range, not 0' },
      { path: 'meters.mau.where.market[1]', message: expect.stringMatching(/^unknown market 'Brasil' \(markets are ISO codes/) },
      { path: 'meters.mau.where.duration', message: 'must be a number (duration is numeric)' },
      { path: 'meters.mau.where.queue', message: 'must be a string, not number 5 (write "5")' },
      { path: 'meters.mau.of[1]', message: "'contact' is listed twice" },
    ]);
  });

  it('accepts price filters as decimal strings (lists, not) and names the path of each bad value', () => {
    const p = base();
    p.meters = { ok: { type: 'count', where: { price: '0.0075' } }, list: { type: 'count', where: { price: { not: ['0', '0.0079'] } } } };
    expect(issuesOf(p)).toEqual([]);
    p.meters = { bad: { type: 'count', where: { price: ['0.0075', 0.0079, '1e-3', '0.0000001'] } } };
    expect(issuesOf(p)).toEqual([
      { path: 'meters.bad.where.price[1]', message: 'must be a decimal string, not number 0.0079 (write "0.0079")' },
      { path: 'meters.bad.where.price[2]', message: 'must be a decimal string such as "0.0075", not "1e-3"' },
      { path: 'meters.bad.where.price[3]', message: 'prices are compared in millionths: at most 6 decimals, not "0.0000001"' },
    ]);
  });

  it("checks a cap's charge ids", () => {
    expect(issuesOf({ ...base(), cap: { amount: '100', charges: ['base'] } })).toEqual([]);
    expect(issuesOf({ ...base(), cap: { amount: '100', charges: ['base', 'nope'] } })).toEqual([
      { path: 'cap.charges[1]', message: "unknown charge id 'nope'" },
    ]);
  });

  it('quotes odd meter names in paths', () => {
    const p = base();
    p.meters = { 'my meter': { type: 'count', bogus: 1 } };
    expect(issuesOf(p)).toEqual([{ path: 'meters["my meter"].bogus', message: "unknown field 'bogus'" }]);
  });
});
