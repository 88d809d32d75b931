/**
 * The workspace's users/agents list (issue #7): one list, the last one imported, kept in the V4 `people` table under
 * a fixed id. Importing again replaces it; the worker validates rows before they get here.
 */
import type { PeopleRow, TarifaDb } from './db';
import { mapQuota } from './quota';

/** The id of the workspace's list: there is one. */
export const PEOPLE_LIST_ID = 'workspace';

export const getPeople = (db: TarifaDb): Promise<PeopleRow | undefined> => db.people.get(PEOPLE_LIST_ID);

/** Stores `people` as the workspace's list (replacing the previous one, whose createdAt is kept). */
export const putPeople = (db: TarifaDb, name: string, people: PeopleRow['people'], now: number): Promise<PeopleRow> =>
  mapQuota(() =>
    db.transaction('rw', db.people, async () => {
      const existing = await db.people.get(PEOPLE_LIST_ID);
      const row: PeopleRow = { id: PEOPLE_LIST_ID, name, people: people.map((p) => ({ ...p, channels: [...p.channels] })), createdAt: existing?.createdAt ?? now, updatedAt: now };
      await db.people.put(row);
      return row;
    }),
  );

export const deletePeople = (db: TarifaDb): Promise<void> => db.people.delete(PEOPLE_LIST_ID);
