// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { ImportProgress } from '../../src/import/types';
import { TarifaDb } from '../../src/storage/db';
import { createApi, SAMPLE_DATASET_NAME } from '../../src/worker/api';
import type { WorkerApi } from '../../src/worker/types';

let seq = 0;
const dbs: TarifaDb[] = [];
const freshDb = (): TarifaDb => {
  const db = new TarifaDb(`tarifa-worker-test-${process.pid}-${++seq}`);
  dbs.push(db);
  return db;
};
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const setup = (db = freshDb()): { db: TarifaDb; api: WorkerApi } => {
  let id = 0;
  return { db, api: createApi({ db, now: () => 1_767_225_600_000 + id, newId: () => `ds-${++id}` }) };
};

const noProgress = (): void => undefined;

const expectEmpty = async (db: TarifaDb): Promise<void> => {
  expect(await db.datasets.count()).toBe(0);
  expect(await db.chunks.count()).toBe(0);
  expect(await db.rejects.count()).toBe(0);
};

const SMALL_CSV = [
  'timestamp,kind,contact,channel,agent,notes',
  '2025-01-05T10:00:00Z,message,+5511999990001,wa-main,ana,hello',
  '2025-01-05T11:00:00Z,message,+5511999990002,wa-main,bruno,',
  '2025-01-06T09:30:00Z,call,+5511999990001,voice,ana,',
  '2025-01-20T15:00:00Z,message,+5511999990003,wa-main,ana,',
  '2025-01-31T23:00:00Z,message,+5511999990001,wa-main,bruno,',
].join('\n') + '\n';

const PLAN = {
  format: 'tarifa.plan/1',
  name: 'Per message',
  currency: 'USD',
  cycle: { anchorDay: 1, timeZone: 'UTC' },
  rounding: { decimals: 2, mode: 'half-up' },
  meters: { messages: { type: 'count', where: { kind: 'message' } } },
  charges: [
    { id: 'base', label: 'Base fee', model: 'flat', amount: '10' },
    { id: 'msgs', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.25' },
  ],
  minimumSpend: '0',
  cap: null,
  discountPercent: '0',
  taxPercent: '0',
};

const bigCsv = (rows: number): string => {
  const lines = ['timestamp,kind,contact,channel'];
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) lines.push(`${new Date(start + i * 1000).toISOString()},message,+55119${String(i % 50_000).padStart(8, '0')},wa`);
  return lines.join('\n') + '\n';
};

describe('worker api: importFile', () => {
  it('imports a small generic CSV, lists it and prices it', async () => {
    const { db, api } = setup();
    const progress: ImportProgress[] = [];
    const result = await api.importFile(new File([SMALL_CSV], 'x.csv'), { timeZone: 'UTC' }, 'job-1', (p) => progress.push(p));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({
      id: 'ds-1', name: 'x.csv', preset: 'generic', timeZone: 'UTC', files: [{ name: 'x.csv', size: SMALL_CSV.length }],
      imported: 5, rejected: 0, ignoredColumns: ['notes'],
      minTimestamp: Date.UTC(2025, 0, 5, 10), maxTimestamp: Date.UTC(2025, 0, 31, 23),
    });
    expect(await api.listDatasets()).toEqual([result.value]);
    expect((await db.datasets.get('ds-1'))?.status).toBe('ready');

    const estimate = await api.estimate('ds-1', PLAN);
    if (!estimate.ok) throw new Error(JSON.stringify(estimate.error));
    // One January cycle: 10 + 4 messages x 0.25.
    expect(estimate.value.cycles).toHaveLength(1);
    expect(Number(estimate.value.total)).toBe(11);

    const events = await api.events('ds-1', [2]);
    expect(events).toEqual([expect.objectContaining({ index: 2, timestamp: '2025-01-06T09:30:00.000Z', kind: 'call', agent: 'ana', channel: 'voice' })]);
    // Contacts are stored as keyed pseudonyms (see the privacy tests below), never as the number.
    expect(events[0].contact).toMatch(/^c_/);
  });

  it('prices from memory after the first load, and forgets a deleted dataset', async () => {
    const { db, api } = setup();
    const result = await api.importFile(new File([SMALL_CSV], 'x.csv'), { timeZone: 'UTC', name: 'January' }, 'job-1', noProgress);
    expect(result.ok && result.value.name).toBe('January');
    expect((await api.estimate('ds-1', PLAN)).ok).toBe(true);
    await db.chunks.clear(); // a re-read would now find no events
    const again = await api.estimate('ds-1', { ...PLAN, charges: [PLAN.charges[1]] });
    if (!again.ok) throw new Error(again.error.message);
    expect(Number(again.value.total)).toBe(1);
    await api.deleteDataset('ds-1');
    await expectEmpty(db);
    expect(await api.listDatasets()).toEqual([]);
    expect(await api.estimate('ds-1', PLAN)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
  });

  it('reports an invalid plan with its issues', async () => {
    const { api } = setup();
    await api.importFile(new File([SMALL_CSV], 'x.csv'), { timeZone: 'UTC' }, 'job-1', noProgress);
    const result = await api.estimate('ds-1', { ...PLAN, currency: 42, charges: 'none' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-plan');
    expect(result.error.issues?.length).toBeGreaterThan(0);
    // Each issue has its path, its English message, and the code the UI says it by in other languages.
    expect(result.error.issues?.[0]).toEqual({ path: 'currency', message: expect.any(String), code: 'type', params: expect.objectContaining({ expected: 'string', got: 'number' }) });
  });

  it('keeps broken rows with their line numbers and serves them as CSV', async () => {
    const { api } = setup();
    const csv = [
      'timestamp,kind,contact',
      '2025-01-05T10:00:00Z,message,+5511999990001',
      'not a date,message,+5511999990002',
      '2025-01-05T12:00:00Z,message,+5511999990003',
      '"31/02/2025, 10:00",message,+5511999990004',
    ].join('\n') + '\n';
    const result = await api.importFile(new File([csv], 'broken.csv'), { timeZone: 'UTC' }, 'job-1', noProgress);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ imported: 2, rejected: 2 });
    const page = await api.rejects('ds-1', 0, 10);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(page.rows[0].reason).toMatch(/^timestamp/);
    expect((await api.rejects('ds-1', 1, 10)).rows.map((r) => r.line)).toEqual([5]);
    const csvText = await api.rejectsCsv('ds-1');
    const lines = csvText.trimEnd().split('\r\n');
    expect(lines[0]).toBe('line,reason,raw');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^3,/);
    expect(lines[1]).toContain('not a date');
    expect(lines[2]).toMatch(/^5,/);
    expect(lines[2]).toContain('31/02/2025');
    expect(lines[2]).toContain('""'); // the raw row's quotes are doubled inside the quoted field
  });

  it('fails a file where every row is rejected, says why, and keeps nothing', async () => {
    const { db, api } = setup();
    const csv = 'timestamp,kind\nyesterday,message\nsoon,message\n';
    const result = await api.importFile(new File([csv], 'bad-rows.csv'), { timeZone: 'UTC' }, 'job-1', noProgress);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-file');
    expect(result.error.message).toMatch(/No rows could be imported: all 2 data rows were rejected\. timestamp: 2 rows \(first at line 2/);
    expect(result.error.line).toBe(2);
    await expectEmpty(db);
  });

  it('fails a file without a header and keeps nothing', async () => {
    const { db, api } = setup();
    const result = await api.importFile(new File(['hello,world\n1,2\n'], 'nohead.csv'), { timeZone: 'UTC' }, 'job-1', noProgress);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'bad-file' }) });
    await expectEmpty(db);
    expect(await api.listDatasets()).toEqual([]);
  });

  it('cancels mid-import from the first progress callback and keeps nothing', async () => {
    const { db, api } = setup();
    const file = new File([bigCsv(300_000)], 'big.csv');
    const seen: ImportProgress[] = [];
    const result = await api.importFile(file, { timeZone: 'UTC' }, 'job-big', (p) => {
      seen.push(p);
      if (seen.length === 1) void api.cancel('job-big');
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].rowsRead).toBeLessThan(300_000);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'cancelled' }) });
    await expectEmpty(db);
    await api.cancel('job-big'); // cancelling a finished job is a no-op
  }, 60_000);

  it('cancels after chunks were stored and removes them', async () => {
    const { db, api } = setup();
    const put = db.chunks.put.bind(db.chunks);
    let chunkPuts = 0;
    db.chunks.put = ((...args: Parameters<typeof put>) => {
      chunkPuts++;
      return put(...args);
    }) as typeof db.chunks.put;
    let cancelledAt = -1;
    const result = await api.importFile(new File([bigCsv(300_000)], 'big.csv'), { timeZone: 'UTC' }, 'job-big', (p) => {
      if (cancelledAt < 0 && p.rowsImported > 140_000) {
        cancelledAt = p.rowsImported;
        void api.cancel('job-big');
      }
    });
    expect(cancelledAt).toBeGreaterThan(0);
    expect(chunkPuts).toBeGreaterThanOrEqual(2);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'cancelled' }) });
    await expectEmpty(db);
  }, 60_000);

  it('stops on a full disk with code quota and keeps nothing', async () => {
    const { db, api } = setup();
    db.chunks.put = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.chunks.put;
    const result = await api.importFile(new File([SMALL_CSV], 'x.csv'), { timeZone: 'UTC' }, 'job-1', noProgress);
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'quota' }) });
    await expectEmpty(db);
  });
});

describe('worker api: unknown or malformed ids', () => {
  it('answers with empty values instead of throwing', async () => {
    const { api } = setup();
    const bad = undefined as unknown as string;
    expect(await api.events(bad, [0])).toEqual([]);
    expect(await api.events('nope', [0])).toEqual([]);
    expect(await api.rejects(bad, 0, 10)).toEqual({ total: 0, rows: [] });
    expect(await api.rejectsCsv(bad)).toBe('line,reason,raw\r\n');
    expect(await api.estimate(bad, PLAN)).toEqual({ ok: false, error: expect.objectContaining({ code: 'not-found' }) });
    await api.deleteDataset(bad);
    await api.deleteDataset('nope');
    await api.cancel('no-such-job');
  });
});

describe('worker api: loadSample', () => {
  it('imports the deterministic sample under its name and time zone', async () => {
    const { api } = setup();
    const result = await api.loadSample('job-s', noProgress);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ name: SAMPLE_DATASET_NAME, timeZone: 'America/Sao_Paulo', preset: 'generic' });
    expect(result.value.imported).toBeGreaterThan(1000);
    expect(await api.listDatasets()).toHaveLength(1);
  }, 60_000);
});

describe('worker api: storageInfo', () => {
  it('returns numbers even without navigator.storage', async () => {
    const info = await setup().api.storageInfo();
    expect(info).toEqual({ usage: expect.any(Number), quota: expect.any(Number), persisted: expect.any(Boolean) });
  });
});

describe('importFile detects the export format', () => {
  it.each([
    ['twilio-messaging.csv', 'twilio-messaging'],
    ['asterisk-master.csv', 'asterisk'],
    ['generic-pt-windows1252.csv', 'generic'],
    ['meta-pricing-analytics.json', 'meta-pricing-analytics'],
  ])('%s is read with the %s preset and the dataset records it', async (file, preset) => {
    const { api } = setup();
    const result = await api.importFile(new File([readFileSync(`test/fixtures/presets/${file}`)], file), { timeZone: 'America/Sao_Paulo' }, 'job', noProgress);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.preset).toBe(preset);
    expect(result.value.imported).toBeGreaterThan(0);
    expect((await api.listDatasets())[0].preset).toBe(preset);
  });
});

describe('privacy: contacts are pseudonymised at import unless the user keeps raw identifiers', () => {
  const csv = (contact: string) => `timestamp,kind,contact,channel\n2025-01-05T10:00:00Z,message,${contact},wa-main\n`;
  const contactOf = async (api: WorkerApi, datasetId: string) => String((await api.events(datasetId, [0]))[0].contact);

  it('stores a keyed pseudonym by default, the same one for the same number in another notation and import', async () => {
    const { api } = setup();
    expect(await api.privacySettings()).toEqual({ keepRawIdentifiers: false });
    const first = await api.importFile(new File([csv('+55 11 98765-0001')], 'a.csv'), { timeZone: 'UTC' }, 'j1', noProgress);
    const second = await api.importFile(new File([csv('+5511987650001')], 'b.csv'), { timeZone: 'UTC' }, 'j2', noProgress);
    if (!first.ok || !second.ok) throw new Error('import failed');
    expect(first.value.contacts).toBe('pseudonymised');
    const pseudonym = await contactOf(api, first.value.id);
    expect(pseudonym).toMatch(/^c_[A-Za-z0-9_-]{22}$/);
    expect(await contactOf(api, second.value.id)).toBe(pseudonym);
  });

  it('keeps contacts as written once the user chooses so, for later imports', async () => {
    const { api } = setup();
    await api.setKeepRawIdentifiers(true);
    expect(await api.privacySettings()).toEqual({ keepRawIdentifiers: true });
    const result = await api.importFile(new File([csv('+5511987650001')], 'a.csv'), { timeZone: 'UTC' }, 'j', noProgress);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.contacts).toBe('raw');
    expect(await contactOf(api, result.value.id)).toBe('+5511987650001');
  });

  it('uses one key per workspace, kept in IndexedDB across API instances', async () => {
    const db = freshDb();
    const a = setup(db).api;
    const r1 = await a.importFile(new File([csv('+5511987650001')], 'a.csv'), { timeZone: 'UTC' }, 'j', noProgress);
    const b = createApi({ db, newId: () => 'second' });
    const r2 = await b.importFile(new File([csv('+5511987650001')], 'b.csv'), { timeZone: 'UTC' }, 'j', noProgress);
    if (!r1.ok || !r2.ok) throw new Error('import failed');
    expect(await contactOf(b, r2.value.id)).toBe(await contactOf(a, r1.value.id));
  });
});
