/** Plans repository: the user's saved plans (validated before they get here: storage does not judge plans). */
import type { PlanRow, TarifaDb } from './db';
import { mapQuota } from './quota';

/** Saved plans by name (case-insensitive), then newest first. */
export const listPlans = async (db: TarifaDb): Promise<PlanRow[]> => {
  const rows = await db.plans.toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || b.updatedAt - a.updatedAt);
};

export const getPlan = (db: TarifaDb, id: string): Promise<PlanRow | undefined> => db.plans.get(id);

/** Inserts or replaces a plan; a replaced plan keeps its `createdAt`. Returns the stored row. */
export const putPlan = (db: TarifaDb, row: PlanRow): Promise<PlanRow> =>
  mapQuota(() =>
    db.transaction('rw', db.plans, async () => {
      const existing = await db.plans.get(row.id);
      const stored: PlanRow = { ...row, createdAt: existing?.createdAt ?? row.createdAt };
      await db.plans.put(stored);
      return stored;
    }),
  );

/** Deleting a missing plan is a no-op. */
export const deletePlan = (db: TarifaDb, id: string): Promise<void> => db.plans.delete(id);
