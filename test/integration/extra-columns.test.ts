/**
 * Extra columns (issue #5, "any imported column"): unmapped text columns of a generic CSV kept as `col:<header>`
 * fields; what is refused (bodies, contacts, free text, ids) is never stored; the columns survive IndexedDB; rules
 * split by them; datasets stored before extras existed still read.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { allocateEstimate } from '../../src/engine/allocation';
import { planOf, rulesOf } from '../../src/engine/allocation/test-helpers';
import { estimatePlan } from '../../src/engine/estimate/estimate';
import { extraColumn, extraFields, tableFromChunks, type EventChunk, type EventTable } from '../../src/engine/events';
import { parseRules } from '../../src/engine/rules/parse-rules';
import { ColumnBuilder } from '../../src/import/column-builder';
import { importCsv } from '../../src/import/import-csv';
import type { ImportSink } from '../../src/import/types';
import { runCli } from '../../src/cli/run';
import { TarifaDb } from '../../src/storage/db';
import { createApi } from '../../src/worker/api';

const DEPARTMENTS = ['Finance', 'Legal', 'Ops'];

/** 300 rows: Department (3 values) and Shift (2) are grouping columns; the others must not be kept. */
const csv = (rows = 300): string => {
  const lines = ['timestamp,kind,queue,Department,Shift,Notes,Customer E-mail,Ticket,Ref,Summary'];
  for (let i = 0; i < rows; i++) {
    const ts = new Date(Date.UTC(2025, 2, 1, 10) + i * 60_000).toISOString();
    const dept = DEPARTMENTS[i % 3];
    lines.push([
      ts, 'conversation', i % 2 ? 'vendas' : 'suporte', ` ${dept} `, i < 150 ? 'day' : '',
      // Notes: refused by its name; Customer E-mail: by its name; Ticket: one value per row; Ref: phone numbers
      // (few, so only their look refuses them); Summary: free text.
      `called about order ${i}`, `user${i}@example.com`, `T-${100000 + i}`, `+55 11 9${String(8000_0000 + (i % 20))}`,
      `"The customer asked for a refund of the second invoice and was told it would take ${i % 7} days, again"`,
    ].join(','));
  }
  return lines.join('\n') + '\n';
};

const importText = async (text: string, chunkSize?: number) => {
  const chunks: EventChunk[] = [];
  const sink: ImportSink = { chunk: async (c) => { chunks.push(c); }, progress: () => {} };
  const builder = new ColumnBuilder(chunkSize);
  const summary = await importCsv(text, { preset: 'generic', timeZone: 'UTC', dataset: builder }, sink);
  return { chunks, summary, table: tableFromChunks(chunks), builder };
};

const values = (t: EventTable, field: string) => {
  const c = extraColumn(t, field)!;
  return Array.from(c.codes, (code) => c.dict[code]);
};

describe('extra columns at import', () => {
  it('keeps grouping columns as col:<header> (trimmed values) and stores nothing of bodies, contacts, ids or free text', async () => {
    const { table, builder, chunks, summary } = await importText(csv(), 128);
    // Kept columns are not reported as unused; those refused by name or dropped for their values are.
    expect(summary.ignoredColumns).toEqual(['Notes', 'Customer E-mail', 'Ticket', 'Ref', 'Summary']);
    expect(chunks.length).toBe(3);
    expect(extraFields(table)).toEqual(['col:Department', 'col:Shift']);
    expect(values(table, 'col:Department').slice(0, 4)).toEqual(['Finance', 'Legal', 'Ops', 'Finance']);
    expect(values(table, 'col:Shift').filter((v) => v === 'day').length).toBe(150);
    expect(values(table, 'col:Shift')[299]).toBe('');
    expect(builder.droppedExtras).toEqual([{ name: 'Ticket', reason: 'too-many-values' }, { name: 'Ref', reason: 'contact' }, { name: 'Summary', reason: 'free-text' }]);
    // Nothing of the refused columns is in any chunk: not in the columns, not in the dictionaries.
    const stored = JSON.stringify(chunks.map((c) => ({ extra: Object.keys(c.columns.extra ?? {}), dict: c.dictAppend })));
    for (const secret of ['called about', 'example.com', 'T-100', '+55 11', 'refund']) expect(stored).not.toContain(secret);
  });

  it('a file of few rows keeps its grouping column (the share of distinct values needs 200 rows to count)', async () => {
    const { table } = await importText('timestamp,Client\n2025-03-01T10:00:00Z,Acme\n2025-03-01T11:00:00Z,Globex\n');
    expect(values(table, 'col:Client')).toEqual(['Acme', 'Globex']);
  });

  it('reads chunks stored before extras existed next to chunks that have them (empty values there)', async () => {
    const { chunks } = await importText(csv(10));
    const old = (await importText('timestamp,kind\n2025-02-01T10:00:00Z,message\n')).chunks[0];
    const table = tableFromChunks([{ ...old, index: 0 }, { ...chunks[0], index: 1 }]);
    expect(table.columns.length).toBe(11);
    expect(values(table, 'col:Department').slice(0, 3)).toEqual(['', 'Finance', 'Legal']);
  });
});

describe('extra columns in rules', () => {
  const plan = planOf({
    meters: { conversations: { type: 'count', where: { kind: 'conversation' } } },
    charges: [{ id: 'conv', label: 'Conversations', meter: 'conversations', model: 'standard', unitPrice: '1' }],
  });

  it('splits by an extra column, alone or with another field (first match wins)', async () => {
    const { table } = await importText(csv());
    const estimate = estimatePlan(table, plan);
    expect(estimate.total).toBe('300.00');
    const byDept = allocateEstimate(table, plan, estimate, rulesOf({
      centres: [{ id: 'fin', label: 'Finance' }, { id: 'rest', label: 'Others' }],
      rules: [{ centre: 'fin', where: { 'col:Department': 'Finance' } }, { centre: 'rest', where: { 'col:Department': ['Leg*', 'Ops'] } }],
    }));
    expect(byDept.centres.map((c) => [c.id, c.amount])).toEqual([['fin', '100.00'], ['rest', '200.00']]);
    const mixed = allocateEstimate(table, plan, estimate, rulesOf({
      centres: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }],
      rules: [{ centre: 'a', where: { 'col:Department': 'Ops', queue: 'vendas' } }, { centre: 'b', where: { 'col:Shift': { not: '' } } }],
      unattributed: { method: 'separate' },
    }));
    // Ops and vendas: i % 3 == 2 and i odd: 50 rows. Day shift (i < 150) not already A: 150 - 25 = 125.
    expect(mixed.centres.map((c) => [c.id, c.amount])).toEqual([['a', '50.00'], ['b', '125.00'], ['unattributed', '125.00']]);
  });

  it('an extra column the dataset lacks reads as empty for every event', async () => {
    const { table } = await importText(csv(30));
    const estimate = estimatePlan(table, plan);
    const a = allocateEstimate(table, plan, estimate, rulesOf({
      centres: [{ id: 'x', label: 'X' }, { id: 'y', label: 'Y' }],
      rules: [{ centre: 'x', where: { 'col:Missing': 'anything' } }, { centre: 'y', where: { 'col:Missing': '' } }],
    }));
    expect(a.centres.map((c) => [c.id, c.amount])).toEqual([['x', '0.00'], ['y', '30.00']]);
  });

  it('checks the values of an extra field like a text field, at its own path', () => {
    const r = parseRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [{ centre: 'a', where: { 'col:Department': [1, 'x'], bogus: 'y' } }] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toEqual(['rules[0].where["col:Department"][0]', 'rules[0].where.bogus']);
  });

  it('plan meters filter by an extra column too (where only)', async () => {
    const { table } = await importText(csv(30));
    const legal = planOf({
      meters: { legal: { type: 'count', where: { kind: 'conversation', 'col:Department': 'Legal' } }, missing: { type: 'count', where: { 'col:Nope': '' } } },
      charges: [
        { id: 'l', label: 'Legal', meter: 'legal', model: 'standard', unitPrice: '1' },
        { id: 'm', label: 'All (no such column: empty)', meter: 'missing', model: 'standard', unitPrice: '0.1' },
      ],
    });
    expect(estimatePlan(table, legal).cycles[0].lines.map((l) => [l.label, l.amount])).toEqual([['Legal', '10.00'], ['All (no such column: empty)', '3.00']]);
  });
});

describe('extra columns through IndexedDB and the worker API', () => {
  const dbs: TarifaDb[] = [];
  afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

  it('stores them, lists them as fields with counts, and splits by them after a restart', async () => {
    const db = new TarifaDb(`tarifa-extra-${process.pid}`);
    dbs.push(db);
    const imported = await createApi({ db }).importFile(new File([csv()], 'extra.csv', { type: 'text/csv' }), { timeZone: 'UTC' }, 'job', () => {});
    expect(imported.ok).toBe(true);
    const [dataset] = await createApi({ db }).listDatasets();
    const api = createApi({ db });
    const v = await api.rulesValues(dataset.id, 'col:Department');
    expect(v.ok && v.value.values).toEqual([{ value: 'Finance', count: 100 }, { value: 'Legal', count: 100 }, { value: 'Ops', count: 100 }]);
    expect(v.ok && v.value.extraFields).toEqual(['col:Department', 'col:Shift']);
    expect((await api.events(dataset.id, [0, 299]))).toMatchObject([{ 'col:Department': 'Finance', 'col:Shift': 'day' }, { 'col:Department': 'Ops', 'col:Shift': '' }]);
    const empty = await api.rulesValues(dataset.id, 'col:Shift');
    expect(empty.ok && empty.value.values).toEqual([{ value: '', count: 150 }, { value: 'day', count: 150 }]);
    const split = await api.split(dataset.id, {
      format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' },
      meters: { conversations: { type: 'count', where: { kind: 'conversation' } } },
      charges: [{ id: 'conv', label: 'Conversations', meter: 'conversations', model: 'standard', unitPrice: '2' }],
    }, {
      format: 'tarifa.rules/1', centres: [{ id: 'legal', label: 'Legal' }, { id: 'nights', label: 'Nights' }],
      rules: [{ centre: 'legal', where: { 'col:Department': 'Legal' } }, { centre: 'nights', where: { 'col:Shift': '' } }],
      unattributed: { method: 'separate' },
    }, { kind: 'estimate' });
    expect(split.ok).toBe(true);
    if (!split.ok) return;
    // Legal 100 rows; night shift (i >= 150) not Legal: 150 - 50 = 100; the rest 100.
    expect(split.value.centres.map((c) => [c.id, c.amount])).toEqual([['legal', '200.00'], ['nights', '200.00'], ['unattributed', '200.00']]);
  });
});

describe('extra columns when files are appended to a dataset', () => {
  const dbs: TarifaDb[] = [];
  afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

  it('keeps the stored codes and adds the new values; a file without the column reads empty there', async () => {
    const db = new TarifaDb(`tarifa-extra-append-${process.pid}`);
    dbs.push(db);
    const api = createApi({ db });
    const first = 'timestamp,kind,Department\n2025-03-01T10:00:00Z,message,Finance\n2025-03-01T11:00:00Z,message,Legal\n';
    const second = 'timestamp,kind,Department\n2025-03-02T10:00:00Z,message,Ops\n2025-03-02T11:00:00Z,message,Finance\n';
    const third = 'timestamp,kind\n2025-03-03T10:00:00Z,message\n';
    expect((await api.importFile(new File([first], 'a.csv'), { timeZone: 'UTC' }, 'a', () => {})).ok).toBe(true);
    const [dataset] = await api.listDatasets();
    for (const [name, text] of [['b.csv', second], ['c.csv', third]]) {
      const r = await api.importFiles([new File([text], name)], { timeZone: 'UTC', datasetId: dataset.id }, name, () => {});
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const events = await api.events(dataset.id, [0, 1, 2, 3, 4]);
    expect(events.map((e) => e['col:Department'])).toEqual(['Finance', 'Legal', 'Ops', 'Finance', '']);
  });
});

describe('extra columns a dataset already judged (append)', () => {
  const dbs: TarifaDb[] = [];
  afterEach(async () => { for (const db of dbs.splice(0)) await db.delete(); });

  /** `rows` rows from `day`, with the given extra cells per row. */
  const file = (day: number, rows: number, header: string, cells: (i: number) => string): string => {
    const lines = [`timestamp,kind,${header}`];
    for (let i = 0; i < rows; i++) lines.push(`${new Date(Date.UTC(2025, 2, day, 10) + i * 1000).toISOString()},message,${cells(i)}`);
    return lines.join('\n') + '\n';
  };

  it('a column the dataset kept is not judged again: appended rows whose first chunk would fail keep their values', async () => {
    const db = new TarifaDb(`tarifa-extra-judged-${process.pid}`);
    dbs.push(db);
    const api = createApi({ db });
    // The dataset keeps Client and drops Ticket (one value per row over 300 rows).
    const first = file(1, 300, 'Client,Ticket', (i) => `${['Acme', 'Globex'][i % 2]},T-${100000 + i}`);
    expect((await api.importFile(new File([first], 'a.csv'), { timeZone: 'UTC' }, 'a', () => {})).ok).toBe(true);
    const [dataset] = await api.listDatasets();
    expect(dataset.ignoredColumns).toEqual(['Ticket']);
    // Judged alone, this file's Client would be dropped (300 distinct values in 300 rows), and its Ticket kept (2 values).
    const second = file(2, 300, 'Client,Ticket', (i) => `Client ${i},T-${i % 2}`);
    const appended = await api.importFiles([new File([second], 'b.csv')], { timeZone: 'UTC', datasetId: dataset.id }, 'b', () => {});
    expect(appended.ok, JSON.stringify(appended)).toBe(true);
    const values = await api.rulesValues(dataset.id, 'col:Client', 10_000);
    expect(values.ok).toBe(true);
    if (!values.ok) return;
    expect(values.value.extraFields).toEqual(['col:Client']);
    expect(values.value.values.find((v) => v.value === 'Acme')?.count).toBe(150);
    expect(values.value.values.find((v) => v.value === 'Client 299')?.count).toBe(1);
    expect(values.value.values.some((v) => v.value === '')).toBe(false);
    const events = await api.events(dataset.id, [0, 300, 599]);
    expect(events.map((e) => e['col:Client'])).toEqual(['Acme', 'Client 0', 'Client 299']);
    // The column the dataset dropped stays dropped: nothing of the appended file's Ticket is stored.
    expect(events.every((e) => !('col:Ticket' in e))).toBe(true);
    const ticket = await api.rulesValues(dataset.id, 'col:Ticket');
    expect(ticket.ok && ticket.value.values).toEqual([{ value: '', count: 600 }]);
    const [after] = await api.listDatasets();
    expect(after.ignoredColumns).toEqual(['Ticket']);
    // A plan meter filtered by the kept column counts the appended rows.
    const estimate = await api.estimate(dataset.id, {
      format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' },
      meters: { appended: { type: 'count', where: { 'col:Client': 'Client *' } } },
      charges: [{ id: 'c', label: 'Appended', meter: 'appended', model: 'standard', unitPrice: '1' }],
    });
    expect(estimate.ok, JSON.stringify(!estimate.ok && estimate.error)).toBe(true);
    if (estimate.ok) expect(estimate.value.total).toBe('300.00');
  });

  it('a builder that continues a dataset refuses its dropped columns and reports them as such', () => {
    const builder = new ColumnBuilder(8);
    builder.defineExtras(['Client']);
    builder.settleExtras(['Ticket']);
    expect(builder.extraSettled('Client')).toBe(true);
    expect(builder.defineExtras(['Ticket', 'Client', 'Team'])).toEqual([-1, 0, 1]);
    expect(builder.droppedExtras).toEqual([{ name: 'Ticket', reason: 'dataset' }]);
    expect(builder.extraSettled('Team')).toBe(false);
  });
});

describe('extra columns on the command line', () => {
  it('tarifa split reads a usage file and splits by col:<header>', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarifa-extra-'));
    const usage = join(dir, 'usage.csv');
    writeFileSync(usage, csv(30));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({
      format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' },
      meters: { conversations: { type: 'count', where: { kind: 'conversation' } } },
      charges: [{ id: 'conv', label: 'Conversations', meter: 'conversations', model: 'standard', unitPrice: '1' }],
    }));
    const rules = join(dir, 'rules.json');
    writeFileSync(rules, JSON.stringify({
      format: 'tarifa.rules/1', centres: [{ id: 'fin', label: 'Finance' }, { id: 'ops', label: 'Ops' }], driver: 'conversations',
      rules: [{ centre: 'fin', where: { 'col:Department': 'Finance' } }, { centre: 'ops', where: { 'col:Department': 'Ops' } }],
      unattributed: { method: 'separate' },
    }));
    let stdout = '';
    const status = await runCli(['split', usage, '--plan', plan, '--rules', rules, '--invoice-total', '90', '--format', 'json', '--tz', 'UTC'],
      { stdout: (t) => { stdout += t; }, stderr: () => {} });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).centres.map((c: { id: string; amount: string }) => [c.id, c.amount])).toEqual([['fin', '30.00'], ['ops', '30.00'], ['unattributed', '30.00']]);
  });
});
