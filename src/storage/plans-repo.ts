/** Plans repository: the user's saved plans (validated before they get here: storage does not judge plans). */
import type { PlanRow, TarifaDb } from './db';
import { deleteDoc, getDoc, listDocs, putDoc } from './docs-repo';

/** Saved plans by name (case-insensitive), then newest first. */
export const listPlans = (db: TarifaDb): Promise<PlanRow[]> => listDocs(db, 'plans');

export const getPlan = (db: TarifaDb, id: string): Promise<PlanRow | undefined> => getDoc(db, 'plans', id);

/** Inserts or replaces a plan; a replaced plan keeps its `createdAt`. Returns the stored row. */
export const putPlan = (db: TarifaDb, row: PlanRow): Promise<PlanRow> => putDoc(db, 'plans', row);

/** Deleting a missing plan is a no-op. */
export const deletePlan = (db: TarifaDb, id: string): Promise<void> => deleteDoc(db, 'plans', id);
