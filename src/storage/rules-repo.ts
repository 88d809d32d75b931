/** Rules repository: the user's saved cost-centre rule sets (validated before they get here). */
import type { RulesRow, TarifaDb } from './db';
import { mapQuota } from './quota';

/** Saved rule sets by name (case-insensitive), then newest first. */
export const listRules = async (db: TarifaDb): Promise<RulesRow[]> => {
  const rows = await db.rules.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || b.updatedAt - a.updatedAt);
};

export const getRules = (db: TarifaDb, id: string): Promise<RulesRow | undefined> => db.rules.get(id);

/** Inserts or replaces a rule set; a replaced one keeps its `createdAt`. Returns the stored row. */
export const putRules = (db: TarifaDb, row: RulesRow): Promise<RulesRow> =>
  mapQuota(() =>
    db.transaction('rw', db.rules, async () => {
      const existing = await db.rules.get(row.id);
      const stored: RulesRow = { ...row, createdAt: existing?.createdAt ?? row.createdAt };
      await db.rules.put(stored);
      return stored;
    }),
  );

/** Deleting a missing rule set is a no-op. */
export const deleteRules = (db: TarifaDb, id: string): Promise<void> => db.rules.delete(id);
