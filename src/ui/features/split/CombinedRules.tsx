import { useState } from 'react';
import { conditionsText } from '../../../state/split-model';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';
import { FieldOptions } from './FieldOptions';

type Condition = { field: string; value: string };

/** Rules on several fields at once (every condition must hold), listed and added; tried before the value rules. */
export const CombinedRules = ({ extraFields }: { extraFields: readonly string[] }) => {
  const t = useT();
  const model = useAppStore((s) => s.splitModel);
  const add = useAppStore((s) => s.addCombinedRule);
  const remove = useAppStore((s) => s.removeCombinedRule);
  const [conditions, setConditions] = useState<Condition[]>([{ field: '', value: '' }, { field: '', value: '' }]);
  const [centre, setCentre] = useState('');
  const chosen = conditions.filter((c) => c.field !== '');
  const target = centre || model.centres[0]?.id || '';
  const label = (id: string) => model.centres.find((c) => c.id === id)?.label || id;
  const setAt = (i: number, patch: Partial<Condition>) =>
    setConditions((cs) => {
      const next = cs.map((c, k) => (k === i ? { ...c, ...patch } : c));
      // One empty row is always offered at the end, so a third (fourth…) condition can be added.
      return next[next.length - 1].field !== '' ? [...next, { field: '', value: '' }] : next;
    });

  return (
    <>
      <h3>{t('people.split.combined.title')}</h3>
      <p className="hint">{t('people.split.combined.hint')}</p>
      {model.combined.length === 0 ? <p className="hint">{t('people.split.combined.none')}</p> : (
        <ul className="patterns combined-rules">
          {model.combined.map((r, i) => {
            const text = Object.keys(r.where).length > 0 ? conditionsText(r.where) : t('people.split.combined.all');
            return (
              <li key={`${i}-${text}`}>
                <code>{text}</code> → {label(r.centre)}{' '}
                <button type="button" className="link" onClick={() => remove(i)} aria-label={t('people.split.combined.remove', { rule: text })}>×</button>
              </li>
            );
          })}
        </ul>
      )}
      <form className="combined-form" onSubmit={(e) => {
        e.preventDefault();
        add(target, Object.fromEntries(chosen.map((c) => [c.field, c.value.trim()])));
        setConditions([{ field: '', value: '' }, { field: '', value: '' }]);
      }}>
        {conditions.map((c, i) => (
          <div className="inline" key={i}>
            <select aria-label={t('people.split.combined.field', { n: i + 1 })} value={c.field} onChange={(e) => setAt(i, { field: e.target.value })}>
              <option value="">{t('people.split.combined.noField')}</option>
              <FieldOptions extraFields={extraFields} />
            </select>
            <input aria-label={t('people.split.combined.value', { n: i + 1 })} value={c.value} disabled={c.field === ''}
              onChange={(e) => setAt(i, { value: e.target.value })} />
          </div>
        ))}
        <div className="inline">
          <select aria-label={t('people.split.combined.centre')} value={target} onChange={(e) => setCentre(e.target.value)}>
            {model.centres.map((c) => <option key={c.id} value={c.id}>{c.label || c.id}</option>)}
          </select>
          <button type="submit" disabled={chosen.length === 0 || !target}>{t('people.split.combined.add')}</button>
        </div>
      </form>
    </>
  );
};
