import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { buildTable } from '../testing/table-builder';
import { estimatePlan } from './estimate';

const dir = new URL('../../../public/plans/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const load = (name: string): Plan => {
  const r = parsePlan(JSON.parse(readFileSync(new URL(name, dir), 'utf8')));
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.issues)}`);
  return r.plan;
};

describe('example plans in public/plans', () => {
  it.each(files)('%s parses and has a one-line description', (name) => {
    const plan = load(name);
    expect(plan.description).toMatch(/^[^\n]+$/);
  });

  it('shows dated rate cards in the per-message example (at least two effective dates)', () => {
    const charge = load('whatsapp-per-message.json').charges[0];
    expect(charge.model === 'rate-card' && charge.cards?.map((c) => c.effectiveFrom)).toEqual(['2026-07-01', '2026-10-01']);
  });

  it('lists the expected examples', () => {
    expect(files).toEqual(expect.arrayContaining([
      'whatsapp-per-message.json', 'whatsapp-conversation-based.json', 'blip-active-users.json', 'seat-plan.json',
      'twilio-sms-voice.json', 'genesys-per-conversation.json',
    ]));
  });
});

describe('vendor worked examples through the example plans', () => {
  it('Genesys: one customer on two integrations is 2 conversations; one spanning two cycles counts in each', () => {
    const table = buildTable([
      { timestamp: '2025-03-30T10:00:00Z', contact: 'ana', channel: 'whatsapp', kind: 'message' },
      { timestamp: '2025-03-30T10:05:00Z', contact: 'ana', channel: 'whatsapp', kind: 'message' },
      { timestamp: '2025-03-30T11:00:00Z', contact: 'ana', channel: 'webchat', kind: 'conversation' },
      { timestamp: '2025-04-01T09:00:00Z', contact: 'ana', channel: 'whatsapp', kind: 'message' },
    ]);
    const e = estimatePlan(table, load('genesys-per-conversation.json'));
    expect(e.cycles.map((c) => c.lines.map((l) => [l.quantity, l.amount]))).toEqual([[[2, '0.20']], [[1, '0.10']]]);
  });

  it('Twilio: a call of 1 min 20 s bills 2 minutes; SMS by segments', () => {
    const table = buildTable([
      { timestamp: '2025-03-02T10:00:00Z', kind: 'call', duration: 80 },
      { timestamp: '2025-03-02T11:00:00Z', kind: 'call', duration: 0 },
      { timestamp: '2025-03-02T12:00:00Z', kind: 'message', direction: 'outbound', segments: 3 },
    ]);
    const lines = estimatePlan(table, load('twilio-sms-voice.json')).cycles[0].lines;
    expect(lines.map((l) => [l.charge, l.quantity, l.amount])).toEqual([['sms', 3, '0.02'], ['voice', 120, '0.03']]);
    expect(lines[1].explanation.text).toBe(
      '120 callSeconds (kind = call); 120 billable = 120 × 0.014 per 60 = 0.028, rounded to 0.03 (2 decimals, half-up)',
    );
  });

  it('Meta PMP and CBP examples priced with the example rate cards', () => {
    const H = 3_600_000;
    const t0 = Date.parse('2026-10-05T00:00:00Z');
    const m = (h: number, more: Record<string, string>) => ({ timestamp: t0 + h * H, contact: '+5511', channel: 'wa', country: 'BR', direction: 'outbound', ...more });
    const pmp = buildTable([
      m(0, { template: 'promo', category: 'marketing' }),
      m(2, { direction: 'inbound' }),
      m(3, {}),
      m(4, { template: 'order', category: 'utility' }),
      m(30, { template: 'order', category: 'utility' }),
    ]);
    expect(estimatePlan(pmp, load('whatsapp-per-message.json')).cycles[0].lines.map((l) => [l.key, l.quantity, l.amount])).toEqual([
      ['BR:marketing', 1, '0.06'],
      ['BR:utility', 1, '0.01'],
    ]);
    const september = estimatePlan(buildTable([m(-5 * 24, { template: 'promo', category: 'marketing' })]), load('whatsapp-per-message.json'));
    expect(september.cycles[0].lines[0].explanation.steps[0].description).toBe('1 × 0.0625 (card from 2026-07-01)');
    const cbp = buildTable([
      m(0, { template: 'promo', category: 'marketing' }),
      m(4, { template: 'order', category: 'utility' }),
      m(10, { template: 'order', category: 'utility' }),
    ]);
    const cbpLines = estimatePlan(cbp, load('whatsapp-conversation-based.json')).cycles[0].lines;
    expect(cbpLines.map((l) => [l.key, l.quantity])).toEqual([['BR:marketing', 1], ['BR:utility', 1]]);
  });
});
