import { useId, useState } from 'react';
import { useAppStore } from '../../app/store-context';
import { TextFileButton } from '../../components/TextFileButton';
import { downloadText } from '../../components/download';
import { useT } from '../../i18n/use-t';
import { useIssueText } from '../../i18n/issue-text';

const fileName = (name: string) => `${name.trim().replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario'}.scenario.json`;

/** Scenarios (plan set + knobs + TCO terms + ROI inputs): name, save, open, duplicate, delete, export and import as JSON. */
export const ScenarioBar = () => {
  const t = useT();
  const issueText = useIssueText();
  const nameId = useId();
  const listId = useId();
  const name = useAppStore((s) => s.simScenarioName);
  const setName = useAppStore((s) => s.simSetName);
  const scenarios = useAppStore((s) => s.simScenarios);
  const currentId = useAppStore((s) => s.simScenarioId);
  const notice = useAppStore((s) => s.simNotice);
  const issues = useAppStore((s) => s.simImportIssues);
  const save = useAppStore((s) => s.saveScenario);
  const open = useAppStore((s) => s.openScenario);
  const duplicate = useAppStore((s) => s.duplicateScenario);
  const remove = useAppStore((s) => s.deleteScenario);
  const importScenario = useAppStore((s) => s.importScenario);
  const scenario = useAppStore((s) => s.simScenario);
  const fresh = useAppStore((s) => s.newSimScenario);
  const [picked, setPicked] = useState('');
  const chosen = picked || currentId || scenarios[0]?.id || '';
  return (
    <section className="panel sim-scenarios" aria-labelledby="sim-scenario-title">
      <h2 id="sim-scenario-title">{t('sim.scenario')}</h2>
      <div className="sim-row">
        <label htmlFor={nameId}>{t('sim.scenario.name')}</label>
        <input id={nameId} value={name} placeholder={t('sim.scenario')} onChange={(e) => setName(e.target.value)} />
        <button type="button" onClick={() => { if (!name.trim()) setName(t('sim.scenario')); void save(); }}>{currentId ? t('sim.scenario.update') : t('sim.scenario.save')}</button>
        <button type="button" className="secondary" onClick={() => { const s = { ...scenario(), name: name.trim() || t('sim.scenario') }; downloadText(`${JSON.stringify(s, null, 2)}\n`, fileName(s.name), 'application/json'); }}>{t('sim.scenario.export')}</button>
        <TextFileButton label={t('sim.scenario.import')} accept=".json,application/json" onText={importScenario} />
        <button type="button" className="secondary" onClick={fresh}>{t('sim.scenario.new')}</button>
      </div>
      {scenarios.length > 0 && (
        <div className="sim-row">
          <label htmlFor={listId}>{t('sim.scenario.saved')}</label>
          <select id={listId} value={chosen} onChange={(e) => setPicked(e.target.value)}>
            {scenarios.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <button type="button" className="secondary" disabled={!chosen} onClick={() => open(chosen)}>{t('sim.scenario.open')}</button>
          <button type="button" className="secondary" disabled={!chosen} onClick={() => { setPicked(''); void duplicate(chosen); }}>{t('sim.scenario.duplicate')}</button>
          <button type="button" className="secondary" disabled={!chosen} onClick={() => { setPicked(''); void remove(chosen); }}>{t('sim.scenario.delete')}</button>
        </div>
      )}
      {notice && <p role="status" className="hint">{t(`sim.scenario.notice.${notice.kind}`, { name: notice.name })}</p>}
      {issues.length > 0 && (
        <div role="alert" className="panel error">
          <p>{t('sim.scenario.invalid')}</p>
          <ul>{issues.map((i) => <li key={i.path + i.message}><code>{i.path}</code>: {issueText(i)}</li>)}</ul>
        </div>
      )}
    </section>
  );
};
