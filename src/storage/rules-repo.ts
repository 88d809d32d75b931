/** Rules repository: the user's saved cost-centre rule sets (validated before they get here). */
import type { RulesRow, TarifaDb } from './db';
import { deleteDoc, getDoc, listDocs, putDoc } from './docs-repo';

/** Saved rule sets by name (case-insensitive), then newest first. */
export const listRules = (db: TarifaDb): Promise<RulesRow[]> => listDocs(db, 'rules');

export const getRules = (db: TarifaDb, id: string): Promise<RulesRow | undefined> => getDoc(db, 'rules', id);

/** Inserts or replaces a rule set; a replaced one keeps its `createdAt`. Returns the stored row. */
export const putRules = (db: TarifaDb, row: RulesRow): Promise<RulesRow> => putDoc(db, 'rules', row);

/** Deleting a missing rule set is a no-op. */
export const deleteRules = (db: TarifaDb, id: string): Promise<void> => deleteDoc(db, 'rules', id);
