import { useId, useMemo } from 'react';
import { parseDraftText, planText } from '../../../state/plans-slice';
import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { useT } from '../../i18n/use-t';
import { ChargesFields } from './ChargesFields';
import { GeneralFields } from './GeneralFields';
import { JsonView } from './JsonView';
import { MetersFields } from './MetersFields';
import { IssueList } from './PlanField';
import { RateCardImport } from './RateCardImport';
import { isObj, planFileName, setIn, textOf, type Key, type Obj } from './plan-edit';

/** The draft as a form (common cases) beside its JSON (everything); both edit the same text, checked as it changes. */
export const PlanEditor = () => {
  const t = useT();
  const issuesId = useId();
  const draft = useAppStore((s) => s.draft)!;
  const issues = useAppStore((s) => s.draftIssues);
  const checked = useAppStore((s) => s.draftCheckedVersion === s.draft?.version);
  const saving = useAppStore((s) => s.savingDraft);
  const notice = useAppStore((s) => s.plansNotice);
  const error = useAppStore((s) => s.plansError);
  const savedPlans = useAppStore((s) => s.savedPlans);
  const setDraftText = useAppStore((s) => s.setDraftText);
  const saveDraft = useAppStore((s) => s.saveDraft);
  const closeDraft = useAppStore((s) => s.closeDraft);
  const applySavedPlan = useAppStore((s) => s.applySavedPlan);

  const parsed = useMemo(() => parseDraftText(draft.text), [draft.text]);
  const plan = parsed.ok && isObj(parsed.json) ? parsed.json : null;
  const saved = savedPlans.find((p) => p.id === draft.savedId);
  // Same plan as stored (whatever the JSON's spacing): nothing to save or lose.
  const unchanged = saved !== undefined && parsed.ok && JSON.stringify(parsed.json) === JSON.stringify(saved.json);
  const valid = checked && issues.length === 0;

  const update = (next: Obj) => setDraftText(planText(next));
  const onSet = (path: Key[], value: unknown) => { if (plan) update(setIn(plan, path, value) as Obj); };
  const close = () => {
    if (unchanged || window.confirm(t('plans.editor.discard'))) closeDraft();
  };

  return (
    <div className="plan-editor">
      <div className="editor-head">
        <h2>{draft.savedId ? t('plans.editor.edit', { name: textOf(plan?.name) }) : t('plans.editor.new')}</h2>
        <div className="actions">
          <button type="button" disabled={!valid || saving || unchanged} onClick={() => void saveDraft()}>{t('plans.editor.save')}</button>
          <button type="button" className="secondary" disabled={!parsed.ok}
            onClick={() => downloadText(draft.text, planFileName(textOf(plan?.name)), 'application/json')}>{t('plans.editor.export')}</button>
          {unchanged && <button type="button" className="secondary" onClick={() => applySavedPlan(saved.id)}>{t('plans.editor.use')}</button>}
          <button type="button" className="secondary" onClick={close}>{unchanged ? t('plans.editor.close') : t('plans.editor.cancel')}</button>
        </div>
      </div>
      <div className="editor-status" role="status" aria-live="polite">
        {!checked ? <span className="hint">{t('plans.editor.checking')}</span>
          : issues.length === 0 ? <span className="ok">{unchanged && notice?.kind === 'saved' ? t('plans.editor.saved') : t('plans.editor.valid')}</span>
          : <span className="bad">{t('plans.editor.problems', { count: issues.length })}</span>}
      </div>
      {error && <p className="panel error" role="alert">{error.message}</p>}
      {issues.length > 0 && (
        <div className="panel error plan-issues" id={issuesId}>
          <IssueList issues={issues} />
        </div>
      )}
      <div className="editor-columns">
        <div className="editor-form">
          {plan ? (
            <>
              <GeneralFields plan={plan} issues={issues} onSet={onSet} />
              <MetersFields plan={plan} issues={issues} onChange={update} onSet={onSet} />
              <ChargesFields plan={plan} issues={issues} onChange={update} onSet={onSet} />
              <RateCardImport plan={plan} />
            </>
          ) : <p className="panel notice">{t('plans.editor.formNeedsJson')}</p>}
        </div>
        <JsonView text={draft.text} invalid={issues.length > 0} describedBy={issues.length > 0 ? issuesId : undefined} onChange={setDraftText} />
      </div>
    </div>
  );
};
