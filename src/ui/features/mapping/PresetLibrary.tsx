import { useEffect, useId, useState } from 'react';
import type { Failure, SavedPreset } from '../../../worker/types';
import { useAppStore } from '../../app/store-context';
import { downloadText } from '../../components/download';
import { TextFileButton } from '../../components/TextFileButton';
import { useT } from '../../i18n/use-t';
import { presetFileName } from './draft';

/** The look of the dataset list (styles.css .datasets), without being one (e2e and screen readers tell them apart). */
const LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;
const ITEM = { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '1rem', padding: '0.5rem 0', borderBottom: '1px solid var(--line)' } as const;
const ACTIONS = { display: 'flex', gap: '0.5rem' } as const;

const issuesText = (f: Failure): string => (f.issues?.length ? f.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ') : f.message);

const PresetRow = ({ preset }: { preset: SavedPreset }) => {
  const t = useT();
  const rename = useAppStore((s) => s.renamePreset);
  const remove = useAppStore((s) => s.deletePreset);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const submit = async () => {
    if (editing === null) return;
    const failure = await rename(preset.id, editing);
    if (failure) setError(issuesText(failure));
    else {
      setEditing(null);
      setError(null);
    }
  };
  const columns = Object.keys(preset.json.columns).length;
  return (
    <li style={ITEM}>
      {editing === null ? (
        <span><strong>{preset.name}</strong> <span className="hint">{t('mapping.library.columns', { count: columns })}</span></span>
      ) : (
        <form className="toolbar" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <label htmlFor={inputId}>{t('mapping.library.newName', { name: preset.name })}</label>
          <input id={inputId} value={editing} onChange={(e) => setEditing(e.target.value)} autoFocus />
          <button type="submit">{t('mapping.library.confirmRename')}</button>
          <button type="button" className="secondary" onClick={() => { setEditing(null); setError(null); }}>{t('mapping.library.cancelRename')}</button>
          {error && <span className="field-error" role="alert">{error}</span>}
        </form>
      )}
      {editing === null && (
        <span className="actions" style={ACTIONS}>
          <button type="button" className="secondary" aria-label={`${t('mapping.library.rename')}: ${preset.name}`} onClick={() => setEditing(preset.name)}>
            {t('mapping.library.rename')}
          </button>
          <button type="button" className="secondary" aria-label={`${t('mapping.library.export')}: ${preset.name}`}
            onClick={() => downloadText(`${JSON.stringify(preset.json, null, 2)}\n`, presetFileName(preset.name), 'application/json')}>
            {t('mapping.library.export')}
          </button>
          <button type="button" className="secondary" aria-label={`${t('mapping.library.delete')}: ${preset.name}`} onClick={() => void remove(preset.id)}>
            {t('mapping.library.delete')}
          </button>
        </span>
      )}
    </li>
  );
};

/** Saved custom presets: rename, export as a file, delete, and import a preset file. */
export const PresetLibrary = () => {
  const t = useT();
  const presets = useAppStore((s) => s.savedPresets);
  const notice = useAppStore((s) => s.presetsNotice);
  const load = useAppStore((s) => s.loadPresets);
  const importFile = useAppStore((s) => s.importPresetFile);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <section className="panel presets" aria-labelledby="presets-title">
      <h2 id="presets-title">{t('mapping.library.title')}</h2>
      {presets.length === 0 ? <p className="hint">{t('mapping.library.empty')}</p> : (
        <ul className="preset-list" style={LIST}>
          {presets.map((p) => <PresetRow key={p.id} preset={p} />)}
        </ul>
      )}
      <div className="toolbar">
        <TextFileButton label={t('mapping.library.import')} accept=".json,application/json" onText={async (_name, text) => {
          const f = await importFile(text);
          setFailure(f ? issuesText(f) : null);
        }} />
      </div>
      {failure && <p className="field-error" role="alert">{t('mapping.library.failed', { message: failure })}</p>}
      {notice && <p className="notice" role="status">{t(`mapping.library.${notice.kind}`, { name: notice.name })}</p>}
    </section>
  );
};
