/** Users/agents files (issue #7): read in the worker API, refused lines by number, stored in IndexedDB; active seats. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';

const dbs: TarifaDb[] = [];
let n = 0;
const openDb = () => {
  const db = new TarifaDb(`tarifa-people-${process.pid}-${n++}`);
  dbs.push(db);
  return db;
};
afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

const fixture = (name: string) => new Blob([readFileSync(`test/fixtures/people/${name}`)], { type: 'text/csv' });

describe('importPeople', () => {
  it('reads the English fixture: 10 people, 3 lines refused with their reasons, kept across a restart', async () => {
    const db = openDb();
    const r = await createApi({ db, now: () => Date.UTC(2026, 10, 22) }).importPeople(fixture('agents.csv'), 'agents.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.list.people.length).toBe(10);
    expect(r.value.list.people[0]).toEqual({ name: 'Ana Souza', email: 'ana.souza@example.com', role: 'Sales', channels: ['whatsapp', 'voice'] });
    expect(r.value.list.people.find((p) => p.name === 'Joao Ramos')?.channels).toEqual(['whatsapp', 'voice']);
    expect(r.value.list.people.find((p) => p.name === 'Marta Vieira')).toEqual({ name: 'Marta Vieira', email: 'marta.vieira@example.com', role: 'Supervisor', channels: [] });
    expect(r.value.rejects).toEqual([
      { line: 9, reason: "e-mail: 'heitor.melo@example' is not an e-mail address" },
      { line: 13, reason: 'name: empty (a person needs a name, an e-mail or an agent id)' },
      { line: 14, reason: "e-mail: 'iara.pinto@example.com' is already on line 10" },
    ]);
    db.close();
    const again = new TarifaDb(db.name);
    dbs.push(again);
    const list = await createApi({ db: again }).people();
    expect(list).toMatchObject({ name: 'agents.csv', updatedAt: Date.UTC(2026, 10, 22) });
    expect(list?.people.length).toBe(10);
  });

  it('reads Portuguese headers, ";" and a BOM; the agent id column; a short row by its line', async () => {
    const r = await createApi({ db: openDb() }).importPeople(fixture('agentes-pt.csv'), 'agentes-pt.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.list.people).toEqual([
      { name: 'Ana Souza', email: 'ana.souza@example.com', role: 'Vendas', channels: ['whatsapp'], agent: 'ana' },
      { name: 'Élisa Rocha', email: 'elisa.rocha@example.com', role: 'Suporte', channels: ['whatsapp', 'voz'] },
      { name: 'Sem Email', email: '', role: 'Suporte', channels: [], agent: 'sem' },
    ]);
    expect(r.value.rejects).toEqual([{ line: 5, reason: 'row: expected 5 fields, found 2' }]);
  });

  it('refuses a file without a name or e-mail column, naming what it found, and keeps the stored list', async () => {
    const api = createApi({ db: openDb() });
    await api.importPeople(fixture('agents.csv'), 'agents.csv');
    const r = await api.importPeople(new Blob(['timestamp,kind\n2025-01-01T00:00:00Z,message\n']), 'usage.csv');
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'bad-file', message: "usage.csv: line 1: no 'name' or 'e-mail' column (found: timestamp, kind)",
        detail: { code: 'people.noHeader', params: { line: 1, found: 'timestamp, kind' }, file: 'usage.csv' },
      },
    });
    expect((await api.people())?.name).toBe('agents.csv');
    await api.deletePeople();
    expect(await api.people()).toBeNull();
  });
});

describe('activeSeats', () => {
  it('counts distinct agents with events per billing cycle, in the cycle zone', async () => {
    const api = createApi({ db: openDb() });
    const csv = [
      'timestamp,kind,agent',
      '2025-01-05T12:00:00Z,message,ana', '2025-01-06T12:00:00Z,message,ana', '2025-01-07T12:00:00Z,message,bruno',
      // 02:00 UTC on Feb 10 is still Feb 9 in Sao Paulo: the January cycle (anchor day 10).
      '2025-02-10T02:00:00Z,message,carla', '2025-02-12T12:00:00Z,message,ana', '2025-02-13T12:00:00Z,message,',
    ].join('\n');
    const imported = await api.importFile(new File([csv], 'seats.csv'), { timeZone: 'UTC' }, 'job', () => {});
    expect(imported.ok).toBe(true);
    const [dataset] = await api.listDatasets();
    const r = await api.activeSeats(dataset.id, { anchorDay: 10, timeZone: 'America/Sao_Paulo' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.cycles.map((c) => [new Date(c.start).toISOString(), c.agents])).toEqual([
      ['2024-12-10T03:00:00.000Z', ['ana', 'bruno']],
      ['2025-01-10T03:00:00.000Z', ['carla']],
      ['2025-02-10T03:00:00.000Z', ['ana']],
    ]);
    const bad = await api.activeSeats(dataset.id, { anchorDay: 31, timeZone: 'UTC' });
    expect(bad.ok).toBe(false);
  });
});
