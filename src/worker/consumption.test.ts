// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';
import type { ConsumptionQuery } from './types';

const CSV = [
  'timestamp,kind,direction,contact,channel,agent,queue,template,category,duration',
  '2025-01-05T10:00:00Z,message,inbound,+5511999990001,wa-main,ana,Sales,,,',
  '2025-01-05T11:00:00Z,message,outbound,+5511999990002,wa-main,bruno,Support,promo,marketing,',
  '2025-01-06T09:30:00Z,call,inbound,+5511999990001,voice,ana,Sales,,,150',
  '2025-01-20T15:00:00Z,message,outbound,+5511999990003,wa-main,ana,Sales,,,',
  '2025-01-31T23:00:00Z,message,inbound,+5511999990001,wa-main,bruno,Support,,,',
].join('\n') + '\n';

const dbs: TarifaDb[] = [];
afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

const setup = async () => {
  const db = new TarifaDb(`tarifa-consumption-${process.pid}-${dbs.length}`);
  dbs.push(db);
  // "Now" is in 2026: all the data is in the past, so presets are relative to the last event (31 Jan 2025).
  const api = createApi({ db, now: () => Date.parse('2026-11-22T12:00:00Z'), newId: () => 'ds-1' });
  const imported = await api.importFile(new File([CSV], 'x.csv'), { timeZone: 'UTC' }, 'job', () => undefined);
  if (!imported.ok) throw new Error(imported.error.message);
  return { db, api };
};

const month: ConsumptionQuery = { preset: 'month', grouping: 'week', timeZone: 'UTC' };

describe('worker api: consumption', () => {
  it('returns the month of the last event by week, from memory after the first load', async () => {
    const { db, api } = await setup();
    const first = await api.consumption('ds-1', month);
    expect(first.ok).toBe(true);
    await db.chunks.clear(); // a re-read would now find no events
    const r = await api.consumption('ds-1', { ...month, grouping: 'day' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.referenceSource).toBe('data');
    expect(r.value.from).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(r.value.starts).toHaveLength(31);
    expect(r.value.totals).toMatchObject({ events: 5, messages: 4, messagesIn: 2, messagesOut: 2, calls: 1, voiceMinutes: 2.5, contacts: 3, agents: 2 });
    expect(r.value.totals.whatsappByCategory).toEqual({ marketing: 1 });
    expect(r.value.agents.map((a) => [a.agent, a.queue])).toEqual([['ana', 'Sales'], ['bruno', 'Support']]);
    // The result crosses the worker boundary: plain data only.
    expect(structuredClone(r.value)).toEqual(r.value);
  });

  it('reports a bad custom range, an unknown query and a missing dataset as values', async () => {
    const { api } = await setup();
    const bad = await api.consumption('ds-1', { preset: 'custom', grouping: 'day', timeZone: 'UTC', from: '2025-02-01', to: '2025-01-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-range' } });
    const unknown = await api.consumption('ds-1', { preset: 'year', grouping: 'day', timeZone: 'UTC' } as unknown as ConsumptionQuery);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-range' } });
    expect(await api.consumption('nope', month)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
