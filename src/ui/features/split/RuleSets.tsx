import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { TextFileButton } from '../../components/TextFileButton';
import { useT } from '../../i18n/use-t';

const fileNameOf = (name: string): string => `${name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'rules'}.rules.json`;

/** Rule sets: name and save the current rules, open or delete a saved one, import and export `tarifa.rules/1` files. */
export const RuleSets = () => {
  const t = useT();
  const model = useAppStore((s) => s.splitModel);
  const rulesId = useAppStore((s) => s.splitRulesId);
  const saved = useAppStore((s) => s.savedRules);
  const notice = useAppStore((s) => s.splitNotice);
  const update = useAppStore((s) => s.updateSplitModel);
  const save = useAppStore((s) => s.saveSplitRules);
  const load = useAppStore((s) => s.loadSavedRules);
  const remove = useAppStore((s) => s.deleteSavedRules);
  const importFile = useAppStore((s) => s.importRulesFile);
  const rulesJson = useAppStore((s) => s.splitRulesJson);
  return (
    <section className="panel rule-sets no-print" aria-label={t('split.saved.title')}>
      <h2>{t('split.saved.title')}</h2>
      <div className="toolbar">
        <label>
          {t('split.saved.name')}{' '}
          <input value={model.name} onChange={(e) => update({ name: e.target.value })} />
        </label>
        <button type="button" disabled={model.centres.length === 0} onClick={() => void save()}>{t('split.saved.save')}</button>
        <button type="button" className="secondary" disabled={model.centres.length === 0}
          onClick={() => downloadText(`${JSON.stringify(rulesJson(), null, 2)}\n`, fileNameOf(model.name), 'application/json')}>
          {t('split.saved.export')}
        </button>
        <TextFileButton label={t('split.saved.import')} accept=".json,application/json" onText={importFile} />
      </div>
      {saved.length > 0 && (
        <div className="toolbar">
          <label>
            {t('split.saved.open')}{' '}
            <select value={rulesId ?? ''} onChange={(e) => e.target.value && load(e.target.value)}>
              <option value="">{t('split.saved.choose')}</option>
              {saved.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </select>
          </label>
          {rulesId && <button type="button" className="secondary" onClick={() => void remove(rulesId)}>{t('split.saved.delete')}</button>}
        </div>
      )}
      {notice && <p className="panel notice" role="status">{t(`split.saved.${notice.kind}`, { name: notice.name })}</p>}
    </section>
  );
};
