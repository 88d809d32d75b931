/**
 * Tasks repository: follow-ups such as "offer sent to Sales: follow up" (issue #6), read by due date through the
 * `due` index. Open tasks come first in the list the UI shows; done ones can be reopened (undo).
 */
import type { TarifaDb, TaskRow } from './db';
import { mapQuota } from './quota';

/** Tasks by due date (then creation), open ones first; `status` narrows to open or done. */
export const listTasks = async (db: TarifaDb, status?: TaskRow['status']): Promise<TaskRow[]> => {
  const rows = await db.tasks.orderBy('due').toArray();
  const open = rows.filter((t) => t.status === 'open');
  const done = rows.filter((t) => t.status === 'done');
  const byDue = (a: TaskRow, b: TaskRow) => a.due - b.due || a.createdAt - b.createdAt;
  if (status === 'open') return open.sort(byDue);
  if (status === 'done') return done.sort(byDue);
  return [...open.sort(byDue), ...done.sort(byDue)];
};

/** Open tasks due before `until` (epoch ms), by due date: what needs attention. */
export const tasksDueBefore = async (db: TarifaDb, until: number): Promise<TaskRow[]> => {
  const rows = await db.tasks.where('due').below(until).toArray();
  return rows.filter((t) => t.status === 'open').sort((a, b) => a.due - b.due || a.createdAt - b.createdAt);
};

export const getTask = (db: TarifaDb, id: string): Promise<TaskRow | undefined> => db.tasks.get(id);

/** Inserts or replaces a task; a replaced one keeps its `createdAt`. */
export const putTask = (db: TarifaDb, row: TaskRow): Promise<TaskRow> =>
  mapQuota(() =>
    db.transaction('rw', db.tasks, async () => {
      const existing = await db.tasks.get(row.id);
      const stored: TaskRow = { ...row, createdAt: existing?.createdAt ?? row.createdAt };
      await db.tasks.put(stored);
      return stored;
    }),
  );

/** Marks a task done or open again; undefined when it no longer exists. */
export const setTaskStatus = (db: TarifaDb, id: string, status: TaskRow['status'], now: number): Promise<TaskRow | undefined> =>
  mapQuota(() =>
    db.transaction('rw', db.tasks, async () => {
      const task = await db.tasks.get(id);
      if (!task) return undefined;
      const updated: TaskRow = { ...task, status, updatedAt: now };
      await db.tasks.put(updated);
      return updated;
    }),
  );

/** Deleting a missing task is a no-op. */
export const deleteTask = (db: TarifaDb, id: string): Promise<void> => db.tasks.delete(id);
