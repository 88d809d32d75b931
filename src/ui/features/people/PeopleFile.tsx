import { FileButton } from '../../components/FileButton';
import { useAppStore } from '../../app/store-context';
import { failureText, rejectReason } from '../../i18n/explain';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

/** Import (or replace, or remove) the workspace's users/agents list; the file goes to the worker as it is. */
export const PeopleFile = () => {
  const t = useT();
  const locale = useLocale();
  const list = useAppStore((s) => s.peopleList);
  const rejects = useAppStore((s) => s.peopleRejects);
  const error = useAppStore((s) => s.peopleError);
  const busy = useAppStore((s) => s.peopleBusy);
  const importPeople = useAppStore((s) => s.importPeople);
  const removePeople = useAppStore((s) => s.removePeople);
  return (
    <div className="people-file">
      <p className="hint">
        {list
          ? t('people.list', { name: list.name, count: list.people.length, date: formatDate(list.updatedAt, locale, Intl.DateTimeFormat().resolvedOptions().timeZone) })
          : t('people.noList')}
      </p>
      <div className="toolbar">
        <FileButton label={list ? t('people.replace') : t('people.import')} inputLabel={t('people.file')} accept=".csv,text/csv"
          disabled={busy} onFiles={([file]) => importPeople(file)} />
        {list && <button type="button" className="secondary" onClick={() => void removePeople()}>{t('people.remove')}</button>}
      </div>
      {busy && <p role="status" className="hint">{t('people.reading')}</p>}
      {error && <div className="panel error" role="alert">{failureText(error, t)}</div>}
      {rejects.length > 0 && (
        <details className="people-rejects" open>
          <summary>{t('people.rejects', { count: rejects.length })}</summary>
          <ul>
            {rejects.map((r) => <li key={r.line}>{t('people.rejectLine', { line: r.line, reason: rejectReason(r.reason, t) })}</li>)}
          </ul>
        </details>
      )}
    </div>
  );
};
