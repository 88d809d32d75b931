import { useId, useState } from 'react';
import { fieldsInUse, SPLIT_FIELDS } from '../../../state/split-model';
import { useAppStore } from '../../app/store-context';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { CombinedRules } from './CombinedRules';
import { FieldOptions } from './FieldOptions';
import { PoliciesFields } from './PoliciesFields';

/** The name of a field as shown: an imported column by its header. */
const shownField = (f: string) => (f.startsWith('col:') ? f.slice('col:'.length) : f);

/**
 * Centres; the shown field's values (the empty one too) each assigned to a centre by a select; the fields that have
 * rules (several may: queue = Sales or team = Bots); wildcard patterns; rules on several fields at once.
 */
export const RulesEditor = () => {
  const t = useT();
  const locale = useLocale();
  const fieldId = useId();
  const model = useAppStore((s) => s.splitModel);
  const values = useAppStore((s) => s.splitValues);
  const extraFields = useAppStore((s) => s.splitExtraFields);
  const setField = useAppStore((s) => s.setSplitField);
  const assign = useAppStore((s) => s.assignValue);
  const addCentre = useAppStore((s) => s.addCentre);
  const renameCentre = useAppStore((s) => s.renameCentre);
  const removeCentre = useAppStore((s) => s.removeCentre);
  const addPattern = useAppStore((s) => s.addPattern);
  const removePattern = useAppStore((s) => s.removePattern);
  const [newCentre, setNewCentre] = useState('');
  const [pattern, setPattern] = useState('');
  const [patternCentre, setPatternCentre] = useState('');
  const inUse = fieldsInUse(model);
  const assigned = model.assignments[model.field] ?? {};
  const centreOptions = model.centres.map((c) => <option key={c.id} value={c.id}>{c.label || c.id}</option>);

  return (
    <section className="panel split-rules no-print" aria-label={t('split.rules.title')}>
      <h2>{t('split.rules.title')}</h2>
      <div className="toolbar">
        <label htmlFor={fieldId}>{t('split.field')}</label>
        <select id={fieldId} value={model.field} onChange={(e) => void setField(e.target.value)}>
          <FieldOptions extraFields={extraFields} />
          {![...SPLIT_FIELDS, ...extraFields].includes(model.field) && <option value={model.field}>{shownField(model.field)}</option>}
        </select>
      </div>
      {inUse.length > 0 && (
        <div className="fields-in-use">
          <h3>{t('people.split.inUse')}</h3>
          <ol>
            {inUse.map((f) => (
              <li key={f}>
                <button type="button" className="link" aria-pressed={f === model.field} aria-label={t('people.split.show', { field: shownField(f) })}
                  onClick={() => void setField(f)}>
                  {t('people.split.inUseItem', {
                    field: shownField(f), count: Object.keys(model.assignments[f] ?? {}).length,
                    patterns: model.patterns.filter((p) => p.field === f).length,
                  })}
                </button>
              </li>
            ))}
          </ol>
        </div>
      )}

      <h3>{t('split.centres.title')}</h3>
      {model.centres.length === 0 && <p className="hint">{t('split.centres.empty')}</p>}
      <ul className="centres">
        {model.centres.map((c) => (
          <li key={c.id}>
            <input aria-label={t('split.centres.label', { id: c.id })} value={c.label} onChange={(e) => renameCentre(c.id, e.target.value)} />
            <button type="button" className="secondary" onClick={() => removeCentre(c.id)} aria-label={t('split.centres.remove', { name: c.label || c.id })}>×</button>
          </li>
        ))}
      </ul>
      <form className="inline" onSubmit={(e) => { e.preventDefault(); addCentre(newCentre); setNewCentre(''); }}>
        <input aria-label={t('split.centres.new')} placeholder={t('split.centres.new')} value={newCentre} onChange={(e) => setNewCentre(e.target.value)} />
        <button type="submit" disabled={!newCentre.trim()}>{t('split.centres.add')}</button>
      </form>

      <h3>{t('split.values.title', { field: shownField(model.field) })}</h3>
      {!values ? <p className="hint">{t('split.values.loading')}</p> : (
        <table className="lines values">
          <thead>
            <tr>
              <th scope="col">{t('split.values.value')}</th>
              <th scope="col" className="num">{t('split.values.events')}</th>
              <th scope="col">{t('split.values.centre')}</th>
            </tr>
          </thead>
          <tbody>
            {values.values.map((v) => (
              <tr key={v.value}>
                <th scope="row">{v.value === '' ? <span className="hint">{t('split.values.empty')}</span> : v.value}</th>
                <td className="num">{formatNumber(v.count, locale)}</td>
                <td>
                  <select
                    aria-label={v.value === '' ? t('people.split.emptyAssign', { field: shownField(model.field) }) : t('split.values.assign', { value: v.value })}
                    value={assigned[v.value] ?? ''} onChange={(e) => assign(v.value, e.target.value)}>
                    <option value="">{t('split.values.none')}</option>
                    {centreOptions}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
          {values.others.values > 0 && (
            <tfoot><tr><td colSpan={3} className="hint">{t('split.values.others', { values: values.others.values, count: values.others.count })}</td></tr></tfoot>
          )}
        </table>
      )}

      <h3>{t('split.patterns.title')}</h3>
      <p className="hint">{t('split.patterns.hint')}</p>
      <ul className="patterns">
        {model.patterns.map((p, i) => (
          <li key={`${p.pattern}-${i}`}>
            <span className="hint">{shownField(p.field)}</span> <code>{p.pattern}</code> → {model.centres.find((c) => c.id === p.centre)?.label ?? p.centre}{' '}
            <button type="button" className="link" onClick={() => removePattern(i)} aria-label={t('split.patterns.remove', { pattern: p.pattern })}>×</button>
          </li>
        ))}
      </ul>
      <form className="inline" onSubmit={(e) => { e.preventDefault(); addPattern(pattern, patternCentre || model.centres[0]?.id || ''); setPattern(''); }}>
        <input aria-label={t('split.patterns.pattern')} placeholder="sales*" value={pattern} onChange={(e) => setPattern(e.target.value)} />
        <select aria-label={t('split.patterns.centre')} value={patternCentre || model.centres[0]?.id || ''} onChange={(e) => setPatternCentre(e.target.value)}>
          {centreOptions}
        </select>
        <button type="submit" disabled={!pattern.trim() || model.centres.length === 0}>{t('split.patterns.add')}</button>
      </form>

      <CombinedRules extraFields={extraFields} />

      <PoliciesFields />
    </section>
  );
};
