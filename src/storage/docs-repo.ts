/**
 * Named-document repository: the tables that hold a user's JSON documents as written (plans, cost-centre rules,
 * custom presets, scenarios, contracts, offer templates). Callers validate before they store; this layer only keeps
 * them. plans-repo.ts and rules-repo.ts name these calls for their tables.
 */
import type { Table } from 'dexie';
import type { NamedDocRow, PlanRow, RulesRow, TarifaDb } from './db';
import { mapQuota } from './quota';

type DocRows = {
  plans: PlanRow;
  rules: RulesRow;
  presets: NamedDocRow;
  scenarios: NamedDocRow;
  contracts: NamedDocRow;
  templates: NamedDocRow;
};
export type DocTable = keyof DocRows;

const tableOf = <K extends DocTable>(db: TarifaDb, table: K): Table<DocRows[K], string> =>
  db[table] as unknown as Table<DocRows[K], string>;

/** Saved documents by name (case-insensitive), then newest first. */
export const listDocs = async <K extends DocTable>(db: TarifaDb, table: K): Promise<DocRows[K][]> => {
  const rows = await tableOf(db, table).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || b.updatedAt - a.updatedAt);
};

export const getDoc = <K extends DocTable>(db: TarifaDb, table: K, id: string): Promise<DocRows[K] | undefined> =>
  tableOf(db, table).get(id);

/** Inserts or replaces a document; a replaced one keeps its `createdAt`. Returns the stored row. */
export const putDoc = <K extends DocTable>(db: TarifaDb, table: K, row: DocRows[K]): Promise<DocRows[K]> => {
  const t = tableOf(db, table);
  return mapQuota(() =>
    db.transaction('rw', t, async () => {
      const existing = await t.get(row.id);
      const stored: DocRows[K] = { ...row, createdAt: existing?.createdAt ?? row.createdAt };
      await t.put(stored);
      return stored;
    }),
  );
};

/** Deleting a missing document is a no-op. */
export const deleteDoc = (db: TarifaDb, table: DocTable, id: string): Promise<void> => tableOf(db, table).delete(id);
