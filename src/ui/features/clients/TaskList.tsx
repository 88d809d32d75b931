import { dueState, type DueState } from '../../../engine/offers/due-state';
import type { Task } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

const GROUPS: (DueState | 'done')[] = ['overdue', 'today', 'upcoming', 'done'];

/** Follow-up tasks: overdue, due today, upcoming (by the local day) and done, each with done/undo and delete. */
export const TaskList = ({ now = Date.now() }: { now?: number }) => {
  const t = useT();
  const locale = useLocale();
  const tasks = useAppStore((s) => s.tasks);
  const setStatus = useAppStore((s) => s.setTaskStatus);
  const remove = useAppStore((s) => s.deleteTask);
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  const groupOf = (task: Task) => (task.status === 'done' ? 'done' : dueState(task.due, now, timeZone));
  return (
    <section className="panel" aria-labelledby="profit-tasks-title" data-testid="tasks">
      <h2 id="profit-tasks-title">{t('profit.tasks.title')}</h2>
      {tasks.length === 0 && <p>{t('profit.tasks.none')}</p>}
      {GROUPS.map((g) => {
        const list = tasks.filter((task) => groupOf(task) === g);
        if (list.length === 0) return null;
        return (
          <div key={g} data-testid={`tasks-${g}`}>
            <h3>{t(`profit.tasks.${g}`)}</h3>
            <ul>
              {list.map((task) => (
                <li key={task.id} className="toolbar">
                  <span className={g === 'overdue' ? 'flag' : undefined}>
                    {g === 'done' ? <s>{task.title}</s> : task.title} — {t('profit.tasks.due', { date: formatDate(task.due, locale, timeZone) })}
                  </span>
                  {task.status === 'open'
                    ? <button type="button" className="secondary" aria-label={`${t('profit.tasks.markDone')}: ${task.title}`} onClick={() => void setStatus(task.id, 'done')}>{t('profit.tasks.markDone')}</button>
                    : <button type="button" className="secondary" aria-label={`${t('profit.tasks.undo')}: ${task.title}`} onClick={() => void setStatus(task.id, 'open')}>{t('profit.tasks.undo')}</button>}
                  <button type="button" className="secondary" aria-label={`${t('profit.tasks.delete')}: ${task.title}`} onClick={() => void remove(task.id)}>{t('profit.tasks.delete')}</button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
};
