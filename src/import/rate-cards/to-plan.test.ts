import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimatePlan } from '../../engine/estimate/estimate';
import { parsePlan } from '../../engine/plan/validate';
import { rateCardCharge } from '../../engine/rate-cards/build-charge';
import { buildTable } from '../../engine/testing/table-builder';
import { readMetaRateCard } from './meta-csv';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/rate-cards/${name}`, import.meta.url), 'utf8');

describe('a Meta rate-card CSV into a plan', () => {
  it('becomes a dated card of a rate-card charge that prices events from its date', () => {
    const read = readMetaRateCard(fixture('meta-pricing-usd-2026-10-01.csv'));
    if (!read.card) throw new Error('no card');
    const older = { ...read.card, rates: { ...read.card.rates, 'BR:marketing': '0.0600' } };
    const built = rateCardCharge({ id: 'meta', label: 'Meta', meter: 'pmp' }, [
      { effectiveFrom: '2026-07-01', card: older },
      { effectiveFrom: '2026-10-01', card: read.card },
    ], 'America/Sao_Paulo');
    if (!built.ok) throw new Error(built.message);
    const parsed = parsePlan({
      format: 'tarifa.plan/1', name: 'Meta', currency: 'USD', cycle: { anchorDay: 15, timeZone: 'America/Sao_Paulo' },
      meters: { pmp: { type: 'whatsapp-pmp' } }, charges: [built.charge],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const tpl = (timestamp: string, contact: string) => ({ timestamp, contact, channel: 'w', direction: 'outbound', template: 't', country: 'BR', category: 'marketing' });
    const e = estimatePlan(buildTable([tpl('2026-09-30T21:00:00-03:00', 'a'), tpl('2026-10-01T09:00:00-03:00', 'b')]), parsed.plan);
    expect(e.cycles[0].lines[0].explanation.steps.map((s) => s.description)).toEqual([
      '1 × 0.06 (card from 2026-07-01)',
      '1 × 0.0625 (card from 2026-10-01)',
    ]);
  });
});
