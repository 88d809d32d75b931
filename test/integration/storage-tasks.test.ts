// @vitest-environment node
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { TarifaDb, type TaskRow } from '../../src/storage/db';
import { deleteTask, getTask, listTasks, putTask, setTaskStatus, tasksDueBefore } from '../../src/storage/tasks-repo';

let seq = 0;
const names: string[] = [];
const fresh = (): TarifaDb => {
  const name = `tarifa-tasks-test-${process.pid}-${++seq}`;
  names.push(name);
  return new TarifaDb(name);
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const task = (id: string, due: number, extra: Partial<TaskRow> = {}): TaskRow => ({
  id, title: `Follow up ${id}`, due, status: 'open', ref: { kind: 'offer', contractId: 'c1' }, createdAt: 1, updatedAt: 1, ...extra,
});

describe('tasks repository', () => {
  it('lists open tasks by due date, then done ones; filters by status', async () => {
    const db = fresh();
    await putTask(db, task('c', 300));
    await putTask(db, task('a', 100, { status: 'done' }));
    await putTask(db, task('b', 200));
    await putTask(db, task('d', 200, { createdAt: 0 }));
    expect((await listTasks(db)).map((t) => t.id)).toEqual(['d', 'b', 'c', 'a']);
    expect((await listTasks(db, 'open')).map((t) => t.id)).toEqual(['d', 'b', 'c']);
    expect((await listTasks(db, 'done')).map((t) => t.id)).toEqual(['a']);
    db.close();
  });

  it('keeps the ref and createdAt when a task is replaced; done and undo change status and updatedAt', async () => {
    const db = fresh();
    await putTask(db, task('a', 100, { createdAt: 5, updatedAt: 5 }));
    await putTask(db, task('a', 150, { createdAt: 9, updatedAt: 9, title: 'Renamed' }));
    expect(await getTask(db, 'a')).toMatchObject({ due: 150, title: 'Renamed', createdAt: 5, ref: { kind: 'offer', contractId: 'c1' } });
    expect(await setTaskStatus(db, 'a', 'done', 20)).toMatchObject({ status: 'done', updatedAt: 20 });
    expect(await setTaskStatus(db, 'a', 'open', 30)).toMatchObject({ status: 'open', updatedAt: 30 });
    expect(await setTaskStatus(db, 'missing', 'done', 30)).toBeUndefined();
    await deleteTask(db, 'a');
    await deleteTask(db, 'a');
    expect(await listTasks(db)).toEqual([]);
    db.close();
  });

  it('open tasks due before a time, through the due index', async () => {
    const db = fresh();
    await putTask(db, task('a', 100));
    await putTask(db, task('b', 199, { status: 'done' }));
    await putTask(db, task('c', 200));
    expect((await tasksDueBefore(db, 200)).map((t) => t.id)).toEqual(['a']);
    db.close();
  });

  it('survives reopening the database', async () => {
    const db = fresh();
    await putTask(db, task('a', 100));
    db.close();
    const again = new TarifaDb(db.name);
    expect((await listTasks(again)).map((t) => t.id)).toEqual(['a']);
    again.close();
  });
});
