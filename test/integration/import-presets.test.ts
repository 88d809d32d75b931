/** Every preset on its fixture (test/fixtures/presets), checked event by event through tableFromChunks. */
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NUMBER_FIELDS, STRING_FIELDS, tableFromChunks } from '../../src/engine/events';
import type { EventChunk } from '../../src/engine/events';
import { importCsv } from '../../src/import/import-csv';
import { ImportError } from '../../src/import/types';
import type { ImportOptions, ImportSummary, RejectedRow } from '../../src/import/types';

const fixture = (name: string) => new URL(`../fixtures/presets/${name}`, import.meta.url);

/** Imports a fixture (as a Node stream) and lists its events with only their non-empty fields. */
const run = async (name: string, options: Partial<ImportOptions> = {}) => {
  const chunks: EventChunk[] = [];
  const rejects: RejectedRow[] = [];
  const summary = await importCsv(createReadStream(fixture(name)), { timeZone: 'UTC', ...options }, {
    chunk: async (c, r) => {
      chunks.push(c);
      rejects.push(...r);
    },
  });
  const t = tableFromChunks(chunks);
  const events = Array.from({ length: t.columns.length }, (_, i) => {
    const e: Record<string, string | number> = { timestamp: new Date(t.columns.timestamp[i]).toISOString() };
    for (const f of STRING_FIELDS) if (t.columns.strings[f][i] !== 0) e[f] = t.dicts[f][t.columns.strings[f][i]];
    for (const f of NUMBER_FIELDS) if (!Number.isNaN(t.columns[f][i]) && !(f === 'quantity' && t.columns[f][i] === 1)) e[f] = t.columns[f][i];
    return e;
  });
  return { summary, events, rejects };
};

const balanced = (s: ImportSummary) => expect(s.rowsRead).toBe(s.imported + s.rejected + s.duplicates + s.summaryRows);

describe('presets on their fixtures (auto-detected)', () => {
  it('twilio-messaging: contact is the other party, absolute prices, segments, duplicates, rejects', async () => {
    const { summary, events, rejects } = await run('twilio-messaging.csv');
    expect(summary).toMatchObject({ preset: 'twilio-messaging', confidence: 1, rowsRead: 7, imported: 5, rejected: 1, duplicates: 1, summaryRows: 0 });
    balanced(summary);
    expect(summary.ignoredColumns).toEqual(['ApiVersion', 'ErrorCode', 'AccountSid', 'PriceUnit']);
    const common = { kind: 'message', channel: '+15005550006' };
    expect(events).toEqual([
      { ...common, timestamp: '2026-09-01T12:00:00.000Z', id: 'SM00000000000000000000000000000001', contact: '+5511987650001', direction: 'outbound', country: 'BR', status: 'delivered', segments: 1, price: 7500 },
      { ...common, timestamp: '2026-09-01T12:05:30.000Z', id: 'SM00000000000000000000000000000002', contact: '+5511987650001', direction: 'inbound', country: 'BR', status: 'received', segments: 1, price: 7500 },
      { ...common, timestamp: '2026-09-01T13:00:00.000Z', id: 'SM00000000000000000000000000000003', contact: '+18095550142', direction: 'outbound', country: 'DO', status: 'failed', segments: 2, price: 0 },
      { ...common, timestamp: '2026-09-02T09:15:00.000Z', id: 'SM00000000000000000000000000000004', contact: '+442071838750', direction: 'outbound', country: 'GB', status: 'undelivered', segments: 1 },
      { kind: 'message', channel: 'whatsapp:+15005550006', timestamp: '2026-09-02T10:00:00.000Z', id: 'SM00000000000000000000000000000005', contact: 'whatsapp:+5521998887777', direction: 'outbound', country: 'BR', status: 'read', segments: 1, price: 5000 },
    ]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[8, "timestamp: cannot read 'not a date' as a date"]]);
  });

  it('twilio-voice: calls, legs with ParentCallSid kept as events, +1 876 JM and +1 787 PR', async () => {
    const { summary, events } = await run('twilio-voice.csv');
    expect(summary).toMatchObject({ preset: 'twilio-voice', imported: 4, rejected: 0 });
    expect(events.map((e) => [e.kind, e.contact, e.direction, e.country, e.status, e.duration, e.price])).toEqual([
      ['call', '+5511987650001', 'inbound', 'BR', 'completed', 80, 17000],
      ['call', '+18765550123', 'outbound', 'JM', 'completed', 75, 120000],
      ['call', '+525512345678', 'outbound', 'MX', 'no-answer', 0, undefined],
      ['call', '+17875550100', 'inbound', 'PR', 'busy', 0, 0],
    ]);
    expect(events[2].timestamp).toBe('2026-09-02T15:30:00.000Z'); // empty StartTime: DateCreated
  });

  it('asterisk 21 columns: legs of one linkedid, billsec as duration, dispositions, local time', async () => {
    const { summary, events } = await run('asterisk-master.csv', { timeZone: 'America/Sao_Paulo' });
    expect(summary).toMatchObject({ preset: 'asterisk', confidence: 0.9, rowsRead: 6, imported: 5, duplicates: 1 });
    expect(events).toEqual([
      { timestamp: '2026-09-01T12:00:00.000Z', kind: 'call', id: '1788252000.1:1', contact: '5511987650001', channel: '4000', country: 'BR', cost_centre: 'acct-sales', status: 'answered', duration: 120 },
      { timestamp: '2026-09-01T12:02:05.000Z', kind: 'call', id: '1788252000.2:2', contact: '5511987650001', channel: '4000', country: 'BR', cost_centre: 'acct-sales', status: 'answered', duration: 180 },
      { timestamp: '2026-09-01T13:00:00.000Z', kind: 'call', id: '1788255600.4:3', contact: '5521998887777', channel: '4001', country: 'BR', cost_centre: 'acct-support', status: 'no-answer', duration: 0 },
      { timestamp: '2026-09-01T14:00:00.000Z', kind: 'call', id: '1788259200.6:4', contact: '1001', channel: '18095550142', cost_centre: 'acct-support', status: 'busy', duration: 0 },
      { timestamp: '2026-09-01T14:30:00.000Z', kind: 'call', id: '1788261000.8:5', contact: '1001', channel: '447700900123', cost_centre: 'acct-support', status: 'failed', duration: 0 },
    ]);
  });

  it('asterisk 16 columns: no ids; a 10-digit national number gets no country', async () => {
    const { summary, events } = await run('asterisk-16.csv');
    expect(summary).toMatchObject({ preset: 'asterisk', imported: 2 });
    expect(events).toEqual([
      { timestamp: '2026-09-03T08:00:00.000Z', kind: 'call', contact: '2025550143', channel: '100', status: 'answered', duration: 60 },
      { timestamp: '2026-09-03T08:05:00.000Z', kind: 'call', contact: '2025550143', channel: '100', status: 'no-answer', duration: 0 },
    ]);
  });

  it('freeswitch: example template, hangup causes', async () => {
    const { summary, events } = await run('freeswitch-cdr.csv');
    expect(summary).toMatchObject({ preset: 'freeswitch', imported: 4 });
    expect(events.map((e) => [e.id, e.contact, e.channel, e.status, e.duration, e.cost_centre, e.country])).toEqual([
      ['6f0c2e6a-8b1d-4c59-9a31-0e5a2d6f7a01', '5511987650001', '1000', 'answered', 180, 'acct-sales', 'BR'],
      ['6f0c2e6a-8b1d-4c59-9a31-0e5a2d6f7a03', '5521998887777', '1000', 'no-answer', 0, 'acct-support', 'BR'],
      ['6f0c2e6a-8b1d-4c59-9a31-0e5a2d6f7a04', '1001', '525512345678', 'busy', 0, 'acct-support', undefined],
      ['6f0c2e6a-8b1d-4c59-9a31-0e5a2d6f7a05', '1001', '5511987650001', 'originator-cancel', 0, 'acct-support', undefined],
    ]);
  });

  it('genesys-interactions-csv: clock durations, users as agent', async () => {
    const { summary, events, rejects } = await run('genesys-interactions.csv');
    expect(summary).toMatchObject({ preset: 'genesys-interactions-csv', imported: 3, rejected: 1, ignoredColumns: ['Wrap-up'] });
    expect(events.map((e) => [e.kind, e.queue, e.agent, e.direction, e.duration])).toEqual([
      ['conversation', 'Vendas', 'Ana Souza', 'inbound', 312],
      ['conversation', 'Suporte', 'Bruno Lima; Carla Dias', 'inbound', 754],
      ['conversation', 'Vendas', undefined, 'outbound', 0],
    ]);
    expect(rejects[0]).toMatchObject({ line: 5 });
  });

  it('genesys-conversations-json: one event per customer segment, queue and agent of the conversation', async () => {
    const { summary, events, rejects } = await run('genesys-conversations.json');
    expect(summary).toMatchObject({ preset: 'genesys-conversations-json', delimiter: '', rowsRead: 4, imported: 3, rejected: 1 });
    expect(events).toEqual([
      { timestamp: '2026-09-01T12:00:00.000Z', kind: 'message', id: 'c-0001/1', contact: '+5511987650001', channel: '+551140000000', direction: 'inbound', country: 'BR', queue: 'queue-vendas', agent: 'user-ana', duration: 600 },
      { timestamp: '2026-09-01T12:15:00.000Z', kind: 'message', id: 'c-0001/2', contact: '+5511987650001', channel: '+551140000000', direction: 'inbound', country: 'BR', queue: 'queue-vendas', agent: 'user-ana', duration: 300 },
      { timestamp: '2026-09-02T15:00:10.000Z', kind: 'call', id: 'c-0002/1', contact: '+5215512345678', channel: '+551140000000', direction: 'outbound', country: 'MX', queue: 'queue-suporte', agent: 'user-bruno', duration: 170 },
    ]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[4, "data point 4: timestamp: cannot read 'not-a-date' as a date"]]);
  });

  it('meta-pricing-analytics: volume, cost, categories, FREE_ENTRY_POINT', async () => {
    const { summary, events, rejects } = await run('meta-pricing-analytics.json');
    expect(summary).toMatchObject({ preset: 'meta-pricing-analytics', rowsRead: 6, imported: 5, rejected: 1, summaryRows: 0 });
    const common = { kind: 'message', channel: '15550001111' };
    expect(events).toEqual([
      { ...common, timestamp: '2026-09-01T00:00:00.000Z', template: 'marketing', category: 'marketing', country: 'BR', quantity: 1200, price: 75_000_000 },
      { ...common, timestamp: '2026-09-01T00:00:00.000Z', template: 'utility', category: 'utility', country: 'BR', quantity: 500, price: 3_400_000 },
      { ...common, timestamp: '2026-09-01T00:00:00.000Z', template: 'authentication_international', category: 'authentication_international', country: 'IN', quantity: 40, price: 1_120_000 },
      { ...common, timestamp: '2026-09-01T00:00:00.000Z', template: 'marketing', category: 'marketing', country: 'BR', entry_point: 'true', quantity: 30, price: 0 },
      { ...common, timestamp: '2026-09-02T00:00:00.000Z', category: 'service', country: 'BR', quantity: 800, price: 0 },
    ]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[6, 'data point 6: timestamp: empty']]);
  });

  it('meta-conversation-analytics: conversations, directions, FREE_ENTRY, authentication-international', async () => {
    const { summary, events } = await run('meta-conversation-analytics.json');
    expect(summary).toMatchObject({ preset: 'meta-conversation-analytics', imported: 3 });
    expect(events.map((e) => [e.kind, e.direction, e.category, e.entry_point, e.quantity, e.price])).toEqual([
      ['conversation', 'outbound', 'marketing', undefined, 320, 20_000_000],
      ['conversation', 'inbound', 'service', 'true', 45, 0],
      ['conversation', 'outbound', 'authentication_international', undefined, 12, 336_000],
    ]);
  });
});

describe('dirty files', () => {
  it('Windows-1252, ";", Portuguese headers, preamble, decimal commas, dd/mm/yyyy, Total row', async () => {
    const { summary, events, rejects } = await run('generic-pt-windows1252.csv', { timeZone: 'America/Sao_Paulo' });
    expect(summary).toMatchObject({
      preset: 'generic', encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy',
      rowsRead: 5, imported: 3, rejected: 1, summaryRows: 1,
    });
    balanced(summary);
    expect(events).toEqual([
      { timestamp: '2026-09-01T11:30:00.000Z', kind: 'message', contact: '+55 11 98765-0001', channel: 'Atendimento', direction: 'inbound', country: 'BR', queue: 'Solicitação', agent: 'Ana Souza', status: 'delivered', price: 62_500 },
      { timestamp: '2026-09-13T17:05:00.000Z', kind: 'call', contact: '5521998887777', channel: 'Atendimento', direction: 'outbound', country: 'BR', queue: 'Solicitação', agent: 'Bruno Lima', status: 'answered', duration: 125.5, price: 300_000 },
      { timestamp: '2026-10-02T12:00:00.000Z', kind: 'message', contact: '+1 809 555 0142', channel: 'Atendimento', direction: 'outbound', country: 'DO', queue: 'Cobrança', agent: 'João Ramos', status: 'failed', price: 1_500_000 },
    ]);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[7, "timestamp: cannot read '31/09/2026 10:00' as a date"]]);
  });

  it('trailing summary rows are counted apart; an empty timestamp inside the data is a reject', async () => {
    const { summary, rejects } = await run('generic-summary-rows.csv');
    expect(summary).toMatchObject({ rowsRead: 8, imported: 3, rejected: 1, summaryRows: 4 });
    balanced(summary);
    expect(rejects.map((r) => [r.line, r.reason])).toEqual([[3, 'timestamp: empty']]);
  });

  it('ambiguous day/month order asks for dateOrder; the option decides', async () => {
    const csv = 'timestamp,id\n01/02/2026 10:00,a\n03/04/2026 11:00,b\n';
    const sink = { chunk: async () => undefined };
    await expect(importCsv(csv, { timeZone: 'UTC' }, sink)).rejects.toThrow(/dateOrder/);
    await expect(importCsv(csv, { timeZone: 'UTC' }, sink)).rejects.toBeInstanceOf(ImportError);
    const s = await importCsv(csv, { timeZone: 'UTC', dateOrder: 'mdy' }, sink);
    expect(s).toMatchObject({ imported: 2, dateOrder: 'mdy', minTimestamp: Date.UTC(2026, 0, 2, 10) });
    const us = await importCsv('timestamp\n12/31/2026 11:59 PM\n01/02/2026 1:00 AM\n', { timeZone: 'UTC' }, sink);
    expect(us).toMatchObject({ dateOrder: 'mdy', maxTimestamp: Date.UTC(2026, 11, 31, 23, 59) });
  });

  it('a chosen preset that does not fit, and an unknown header, name what was tried and found', async () => {
    const sink = { chunk: async () => undefined };
    const text = readFileSync(fixture('twilio-voice.csv'), 'utf8');
    await expect(importCsv(text, { timeZone: 'UTC', preset: 'twilio-messaging' }, sink)).rejects.toThrow(/tried twilio-messaging/);
    await expect(importCsv('a,b\n1,2\n', { timeZone: 'UTC' }, sink)).rejects.toThrow(/twilio-voice.*found: a, b/);
    await expect(importCsv('{"x":1}', { timeZone: 'UTC' }, sink)).rejects.toThrow(/no recognisable JSON export.*found keys: x/);
  });
});
