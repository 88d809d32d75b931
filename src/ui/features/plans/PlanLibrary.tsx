import { planText } from '../../../state/plans-slice';
import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { TextFileButton } from '../../components/TextFileButton';
import { formatDate } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { planFileName } from './plan-edit';

/** The shipped example plans and the user's own, with import and a blank new plan. */
export const PlanLibrary = () => {
  const t = useT();
  const locale = useLocale();
  const shipped = useAppStore((s) => s.shippedPlans);
  const saved = useAppStore((s) => s.savedPlans);
  const current = useAppStore((s) => s.plan?.key);
  const notice = useAppStore((s) => s.plansNotice);
  const error = useAppStore((s) => s.plansError);
  const applyShippedPlan = useAppStore((s) => s.applyShippedPlan);
  const applySavedPlan = useAppStore((s) => s.applySavedPlan);
  const duplicateShippedPlan = useAppStore((s) => s.duplicateShippedPlan);
  const editSavedPlan = useAppStore((s) => s.editSavedPlan);
  const deleteSavedPlan = useAppStore((s) => s.deleteSavedPlan);
  const importPlanFile = useAppStore((s) => s.importPlanFile);
  const newPlan = useAppStore((s) => s.newPlan);
  const inUse = <span className="badge">{t('plans.inUse')}</span>;

  return (
    <>
      <div className="toolbar">
        <button type="button" onClick={newPlan}>{t('plans.new')}</button>
        <TextFileButton label={t('plans.import')} accept=".json,application/json" onText={importPlanFile} />
      </div>
      {notice && <p className="panel notice" role="status">{t(`plans.notice.${notice.kind}`, { name: notice.name })}</p>}
      {error && (
        <div className="panel error" role="alert">
          <p>{error.message}</p>
        </div>
      )}
      <section className="panel" aria-labelledby="my-plans-title">
        <h2 id="my-plans-title">{t('plans.mine.title')}</h2>
        {saved.length === 0 ? <p className="hint">{t('plans.mine.empty')}</p> : (
          <ul className="plan-list">
            {saved.map((p) => (
              <li key={p.id}>
                <div>
                  <strong>{p.name}</strong> {current === `saved:${p.id}` && inUse}
                  {p.description && <p className="hint">{p.description}</p>}
                  <p className="hint">{t('plans.mine.updated', { date: formatDate(p.updatedAt, locale, Intl.DateTimeFormat().resolvedOptions().timeZone) })}</p>
                </div>
                <div className="actions">
                  <button type="button" onClick={() => applySavedPlan(p.id)}>{t('plans.use')}</button>
                  <button type="button" className="secondary" onClick={() => editSavedPlan(p.id)}>{t('plans.edit')}</button>
                  <button type="button" className="secondary" onClick={() => downloadText(planText(p.json), planFileName(p.name), 'application/json')}>{t('plans.export')}</button>
                  <button type="button" className="secondary" onClick={() => {
                    if (window.confirm(t('plans.confirmDelete', { name: p.name }))) void deleteSavedPlan(p.id);
                  }}>{t('plans.delete')}</button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="shipped-plans-title">
        <h2 id="shipped-plans-title">{t('plans.shipped.title')}</h2>
        <p className="hint">{t('plans.shipped.hint')}</p>
        <ul className="plan-list">
          {shipped.map((p) => (
            <li key={p.file}>
              <div>
                <strong>{p.name}</strong> {current === `shipped:${p.file}` && inUse}
                <p className="hint">{p.description}</p>
              </div>
              <div className="actions">
                <button type="button" onClick={() => applyShippedPlan(p.file)}>{t('plans.use')}</button>
                <button type="button" className="secondary" onClick={() => duplicateShippedPlan(p.file, t('plans.copyName', { name: p.name }))}>{t('plans.duplicate')}</button>
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
};
