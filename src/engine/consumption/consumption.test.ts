import { describe, expect, it } from 'vitest';
import { buildTable, type EventInput } from '../testing/table-builder';
import { consumption, consumptionOver } from './consumption';

const ms = (iso: string) => Date.parse(iso);
const BERLIN = 'Europe/Berlin';

const rows: EventInput[] = [
  // Sunday 30 March 2025 (23-hour day in Berlin): 00:30 and 23:30 local are the same day.
  { timestamp: '2025-03-30T00:30:00+01:00', kind: 'message', direction: 'inbound', contact: 'c1', channel: 'wa', agent: 'Ana', queue: 'Sales' },
  { timestamp: '2025-03-30T23:30:00+02:00', kind: 'message', direction: 'outbound', contact: 'c1', channel: 'wa', agent: 'Ana', queue: 'Sales', template: 'promo', category: 'marketing' },
  // Monday 31 March
  { timestamp: '2025-03-31T09:00:00+02:00', kind: 'message', direction: 'outbound', contact: 'c2', channel: 'wa', agent: 'Bea', queue: 'Support', template: 'otp', category: 'authentication' },
  { timestamp: '2025-03-31T09:05:00+02:00', kind: 'message', direction: 'outbound', contact: 'c3', channel: 'wa', template: 'otp', category: 'authentication' },
  { timestamp: '2025-03-31T10:00:00+02:00', kind: 'call', direction: 'inbound', contact: 'c2', channel: 'pbx', agent: 'Bea', queue: 'Support', duration: 90 },
  { timestamp: '2025-03-31T11:00:00+02:00', kind: 'sms', direction: 'outbound', contact: 'c4', channel: 'sms', segments: 3 },
  { timestamp: '2025-03-31T11:30:00+02:00', kind: 'sms', direction: 'outbound', contact: 'c4', channel: 'sms', quantity: 2 },
  { timestamp: '2025-03-31T12:00:00+02:00', kind: 'video', contact: 'c5', agent: 'Bea', queue: 'Support', duration: 600 },
  { timestamp: '2025-03-31T12:30:00+02:00', kind: 'email', direction: 'outbound', contact: 'c5', agent: 'Ana', queue: 'Support' },
  { timestamp: '2025-03-31T13:00:00+02:00', kind: 'session', bot: 'b1', contact: 'c6' },
  { timestamp: '2025-03-31T13:10:00+02:00', kind: 'bot', bot: 'b1', contact: 'c6' },
  // The previous period of equal length (47 hours before the range)
  { timestamp: '2025-03-29T12:00:00+01:00', kind: 'message', direction: 'inbound', contact: 'c1', channel: 'wa', agent: 'Ana', queue: 'Sales' },
  // Outside both periods.
  { timestamp: '2025-03-20T12:00:00+01:00', kind: 'message', direction: 'inbound', contact: 'c9', channel: 'wa' },
  { timestamp: '2025-04-01T00:00:00+02:00', kind: 'message', direction: 'inbound', contact: 'c9', channel: 'wa' },
];

describe('consumption over a range', () => {
  const table = buildTable(rows);
  const from = ms('2025-03-30T00:00:00+01:00');
  const to = ms('2025-04-01T00:00:00+02:00');
  const r = consumptionOver(table, { from, to, grouping: 'day', timeZone: BERLIN });

  it('buckets by local day across the DST change (a 23-hour Sunday)', () => {
    expect(r.starts).toEqual([from, ms('2025-03-31T00:00:00+02:00')]);
    expect(r.ends[0] - r.starts[0]).toBe(23 * 3_600_000);
    expect(r.series.events).toEqual([2, 10]);
    expect(r.series.messagesIn).toEqual([1, 0]);
    expect(r.series.messagesOut).toEqual([1, 2]);
  });

  it('counts every service, with quantities and SMS segments', () => {
    expect(r.series.templates).toEqual([1, 2]);
    expect(r.series.sms).toEqual([0, 3]);
    expect(r.series.smsSegments).toEqual([0, 5]); // 3 segments + a row of quantity 2 without segments
    expect(r.series.calls).toEqual([0, 1]);
    expect(r.series.voiceMinutes).toEqual([0, 1.5]);
    expect(r.series.video).toEqual([0, 1]);
    expect(r.series.videoMinutes).toEqual([0, 10]);
    expect(r.series.email).toEqual([0, 1]);
    expect(r.series.botSessions).toEqual([0, 2]);
  });

  it('WhatsApp templates by category, largest first', () => {
    expect(r.categories).toEqual(['authentication', 'marketing']);
    expect(r.byCategory).toEqual([[0, 2], [1, 0]]);
    expect(r.totals.whatsappByCategory).toEqual({ authentication: 2, marketing: 1 });
  });

  it('unique contacts and agents per bucket and in total (once each across buckets)', () => {
    expect(r.series.contacts).toEqual([1, 5]);
    expect(r.series.agents).toEqual([1, 2]);
    expect(r.totals.contacts).toEqual(6);
    expect(r.totals.agents).toEqual(2);
  });

  it('compares with the period of equal length just before', () => {
    expect(r.previous.to).toBe(from);
    expect(r.previous.from).toBe(from - (to - from));
    expect(r.previous.events).toBe(1);
    expect(r.previous.messagesIn).toBe(1);
    expect(r.change.events).toBe(1100);
    expect(r.change.messagesIn).toBe(0);
    expect(r.change.calls).toBeNull();
  });

  it('channels with inbound and outbound per kind', () => {
    expect(r.channels.find((c) => c.channel === 'wa' && c.kind === 'message')).toEqual({ channel: 'wa', kind: 'message', inbound: 1, outbound: 3, other: 0 });
    expect(r.channels.find((c) => c.channel === 'sms')).toEqual({ channel: 'sms', kind: 'sms', inbound: 0, outbound: 3, other: 0 });
  });

  it('per agent: kinds, queues (main one first), channels, first and last activity', () => {
    const [ana, bea] = [r.agents.find((a) => a.agent === 'Ana')!, r.agents.find((a) => a.agent === 'Bea')!];
    expect(ana).toMatchObject({ queue: 'Sales', queues: ['Sales', 'Support'], channels: ['wa'], byKind: { message: 2, email: 1 }, events: 3, inbound: 1, outbound: 2, contacts: 2 });
    expect(ana.first).toBe(ms('2025-03-30T00:30:00+01:00'));
    expect(ana.last).toBe(ms('2025-03-31T12:30:00+02:00'));
    expect(bea).toMatchObject({ queue: 'Support', channels: ['wa', 'pbx'], byKind: { message: 1, call: 1, video: 1 }, voiceMinutes: 1.5 });
    expect(r.agents.map((a) => a.agent)).toEqual(['Ana', 'Bea']);
  });

  it('week grouping puts both days in one Monday-first week each', () => {
    const w = consumptionOver(table, { from, to, grouping: 'week', timeZone: BERLIN });
    // Sunday 30 March ends the week of Monday 24 March; Monday 31 March starts the next.
    expect(w.starts).toEqual([from, ms('2025-03-31T00:00:00+02:00')]);
    expect(w.series.events).toEqual([2, 10]);
  });

  it('an empty range gives no buckets and zero totals', () => {
    const e = consumptionOver(table, { from: ms('2030-01-01T00:00:00Z'), to: ms('2030-01-02T00:00:00Z'), grouping: 'day', timeZone: 'UTC' });
    expect(e.series.events).toEqual([0]);
    expect(e.totals.events).toBe(0);
    expect(e.agents).toEqual([]);
    expect(e.channels).toEqual([]);
    const none = consumptionOver(buildTable([]), { from: 0, to: 0, grouping: 'day', timeZone: 'UTC' });
    expect(none.starts).toEqual([]);
    expect(none.totals.events).toBe(0);
  });
});

describe('consumption for a preset', () => {
  it('"month" on past data is the month of the last event, and says so', () => {
    const table = buildTable(rows);
    const r = consumption(table, { preset: 'month', grouping: 'week', timeZone: BERLIN }, ms('2026-11-22T12:00:00Z'))!;
    expect(r.referenceSource).toBe('data');
    expect(r.reference).toBe(ms('2025-04-01T00:00:00+02:00'));
    expect(r.from).toBe(ms('2025-04-01T00:00:00+02:00'));
    expect(r.totals.events).toBe(1);
    expect(r.dataFrom).toBe(ms('2025-03-20T12:00:00+01:00'));
  });

  it('an incomplete custom range gives null', () => {
    expect(consumption(buildTable(rows), { preset: 'custom', grouping: 'day', timeZone: 'UTC' }, 0)).toBeNull();
  });
});
