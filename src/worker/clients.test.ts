// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';

let seq = 0;
const dbs: TarifaDb[] = [];
const NOW = Date.parse('2026-11-22T10:00:00Z');
const setup = () => {
  const db = new TarifaDb(`tarifa-worker-clients-${process.pid}-${++seq}`);
  dbs.push(db);
  let id = 0;
  return { db, api: createApi({ db, now: () => NOW, newId: () => `id-${++id}` }) };
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const CSV = `timestamp,kind,id,direction,queue,cost_centre,duration,status
2026-09-01T09:00:00Z,call,c1,inbound,Sales,acme,600,answered
2026-09-02T09:00:00Z,call,c2,inbound,Sales,acme,900,answered
2026-09-03T09:00:00Z,call,c3,inbound,Sales,acme,0,no-answer
2026-09-04T09:00:00Z,message,m1,inbound,Sales,acme,,delivered
2026-09-10T09:00:00Z,call,c4,inbound,Support,beta,1200,answered
2026-10-05T09:00:00Z,call,c5,inbound,Sales,acme,300,answered
2026-10-30T09:00:00Z,call,c6,outbound,Sales,acme,60,answered
`;

const withData = async () => {
  const { api, db } = setup();
  const r = await api.importFile(new File([CSV], 'calls.csv', { type: 'text/csv' }), { timeZone: 'UTC' }, 'job', () => {});
  if (!r.ok) throw new Error(r.error.message);
  const datasets = await api.listDatasets();
  return { api, db, id: datasets[0].id };
};

const flat = { format: 'tarifa.contract/1', name: 'Sales flat', client: 'Sales', currency: 'EUR', referencePricePerMinute: '0.80', tolerancePercent: '10', terms: { kind: 'flat', monthlyFee: '10' } };
const perCall = { format: 'tarifa.contract/1', name: 'Support per call', client: 'Support', currency: 'EUR', referencePricePerMinute: '0.80', tolerancePercent: '10', terms: { kind: 'per-call', pricePerCall: '5.00' } };

describe('worker clients calls', () => {
  it('profitability: minutes, calls and cost per client and month; each saved contract checked by hand', async () => {
    const { api, id } = await withData();
    expect((await api.saveContract(flat)).ok).toBe(true);
    expect((await api.saveContract(perCall)).ok).toBe(true);
    const r = await api.profitability(id, { clients: { kind: 'field', field: 'queue' }, period: { kind: 'month' }, timeZone: 'UTC', referencePricePerMinute: '0.80' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.periods.map((p) => new Date(p.start).toISOString().slice(0, 7))).toEqual(['2026-09', '2026-10']);
    // Sales: Sep 600 + 900 s = 25 min, 2 handled inbound calls; Oct 300 + 60 (outbound) s = 6 min, 1 inbound call.
    expect(r.value.clients.map((c) => [c.key, c.figures])).toEqual([
      ['Sales', [{ minutes: '25.00', calls: 2, cost: '20.00' }, { minutes: '6.00', calls: 1, cost: '4.80' }]],
      ['Support', [{ minutes: '20.00', calls: 1, cost: '16.00' }, { minutes: '0.00', calls: 0, cost: '0.00' }]],
    ]);
    const [salesCheck, supportCheck] = r.value.checks;
    // Sales flat 10.00, bound 11.00: Sep cost 20.00 flagged, proposal 20 rounded down to a ten = 20.00; Oct 4.80 ok.
    expect(salesCheck.periods.map((p) => [p.cost, p.revenue, p.status, p.proposal])).toEqual([
      ['20.00', '10.00', 'flagged', { kind: 'flat', monthlyFee: '20.00', rounding: 'down' }],
      ['4.80', '10.00', 'ok', null],
    ]);
    // Support 1 call × 5.00, bound 5.50: Sep cost 16.00 flagged, 20 min / 1 call × 0.80 = 16.00 per call.
    expect(supportCheck.periods[0]).toMatchObject({ revenue: '5.00', status: 'flagged', proposal: { kind: 'per-call', pricePerCall: '16.00' } });
    expect(supportCheck.periods[1]).toMatchObject({ cost: '0.00', revenue: '0.00', status: 'ok' });
    expect(r.value.skipped).toEqual([]);
  });

  it('clients as the centres of a saved rule set; billing cycles; bad queries are values', async () => {
    const { api, id } = await withData();
    const saved = await api.saveRules({ format: 'tarifa.rules/1', centres: [{ id: 'acme', label: 'ACME' }], rules: [{ centre: 'acme', where: { cost_centre: 'acme' } }] });
    if (!saved.ok) throw new Error(saved.error.message);
    const r = await api.profitability(id, { clients: { kind: 'rules', rulesId: saved.value.id }, period: { kind: 'cycle', anchorDay: 5 }, timeZone: 'UTC' });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.periods.map((p) => new Date(p.start).toISOString().slice(0, 10))).toEqual(['2026-08-05', '2026-09-05', '2026-10-05']);
    expect(r.value.clients.map((c) => [c.label, c.figures.map((f) => f.minutes), c.figures.map((f) => f.cost)])).toEqual([
      ['ACME', ['25.00', '0.00', '6.00'], [null, null, null]],
      ['', ['0.00', '20.00', '0.00'], [null, null, null]],
    ]);
    expect(await api.profitability(id, { clients: { kind: 'field', field: 'queue' }, period: { kind: 'cycle', anchorDay: 31 }, timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'invalid-range' } });
    expect(await api.profitability(id, { clients: { kind: 'field', field: 'contact' }, period: { kind: 'month' }, timeZone: 'UTC' })).toMatchObject({ ok: false });
    expect(await api.profitability(id, { clients: { kind: 'rules', rulesId: 'nope' }, period: { kind: 'month' }, timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.profitability(id, { clients: { kind: 'field', field: 'queue' }, period: { kind: 'month' }, timeZone: 'UTC', referencePricePerMinute: '0,8' })).toMatchObject({ ok: false, error: { code: 'invalid-amount' } });
    expect(await api.profitability('missing', { clients: { kind: 'field', field: 'queue' }, period: { kind: 'month' }, timeZone: 'UTC' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('contracts: invalid ones are not stored (issues by path); saved ones list, replace and delete', async () => {
    const { api } = setup();
    const bad = await api.saveContract({ ...flat, terms: { kind: 'flat', monthlyFee: 'ten' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-contract', issues: [{ path: 'terms.monthlyFee' }] } });
    expect(await api.validateContract({ ...flat, currency: 'euro' })).toEqual([expect.objectContaining({ path: 'currency' })]);
    const saved = await api.saveContract(flat);
    if (!saved.ok) throw new Error(saved.error.message);
    await api.saveContract({ ...flat, name: 'Renamed' }, saved.value.id);
    expect((await api.listContracts()).map((c) => [c.id, c.name])).toEqual([[saved.value.id, 'Renamed']]);
    await api.deleteContract(saved.value.id);
    expect(await api.listContracts()).toEqual([]);
  });

  it('templates: an edited one is stored under kind.locale and deleting it brings the default back', async () => {
    const { api } = setup();
    const t = { format: 'tarifa.template/1', kind: 'flat', locale: 'pt-BR', subject: 'Oi {2}', body: '{1} …' };
    const saved = await api.saveTemplate(t);
    expect(saved).toMatchObject({ ok: true, value: { id: 'flat.pt-BR', json: t } });
    expect(await api.saveTemplate({ ...t, locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'invalid-template' } });
    await api.deleteTemplate('flat.pt-BR');
    expect(await api.listTemplates()).toEqual([]);
  });

  it('marking an offer sent creates a follow-up due 7 days later; done and undo', async () => {
    const { api } = setup();
    const sent = await api.markOfferSent({ title: 'Follow up the offer to Sales', timeZone: 'UTC', ref: { contractId: 'c1', period: 0 } });
    if (!sent.ok) throw new Error(sent.error.message);
    expect(new Date(sent.value.due).toISOString()).toBe('2026-11-29T10:00:00.000Z');
    expect(sent.value.ref).toEqual({ kind: 'offer', sentAt: NOW, contractId: 'c1', period: 0 });
    expect(await api.setTaskStatus(sent.value.id, 'done')).toMatchObject({ ok: true, value: { status: 'done' } });
    expect(await api.setTaskStatus(sent.value.id, 'open')).toMatchObject({ ok: true, value: { status: 'open' } });
    expect(await api.setTaskStatus('nope', 'done')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await api.markOfferSent({ title: ' ', timeZone: 'UTC' })).toMatchObject({ ok: false });
    expect(await api.markOfferSent({ title: 'x', timeZone: 'Mars/Base' })).toMatchObject({ ok: false, error: { code: 'invalid-range' } });
    const flag = await api.addTask({ title: 'Sales beyond tolerance in October 2026', ref: { kind: 'flag', contractId: 'c1' } });
    expect(flag).toMatchObject({ ok: true, value: { due: NOW, status: 'open', ref: { kind: 'flag', contractId: 'c1' } } });
    expect(await api.addTask({ title: 'x', due: Number.NaN })).toMatchObject({ ok: false, error: { code: 'invalid-range' } });
    expect(await api.addTask({ title: '' })).toMatchObject({ ok: false });
    if (flag.ok) await api.deleteTask(flag.value.id);
    expect((await api.listTasks()).map((t) => t.status)).toEqual(['open']);
    await api.deleteTask(sent.value.id);
    expect(await api.listTasks()).toEqual([]);
  });
});
