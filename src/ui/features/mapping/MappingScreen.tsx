import { useEffect, useMemo, useRef, useState } from 'react';
import type { Failure, FilePreview, MappingPreview, PlanIssue } from '../../../worker/types';
import { useAppStore, useWorkerApi } from '../../app/store-context';
import { TimeZoneSelect } from '../../components/TimeZoneSelect';
import type { MessageKey } from '../../i18n/en';
import { useT } from '../../i18n/use-t';
import { useIssueText } from '../../i18n/issue-text';
import { ColumnFields } from './ColumnFields';
import { assignField, columnNames, dataRows, DATE_FORMATS, DECIMAL_MARKS, draftFromPreset, draftFromPreview, toPreset } from './draft';
import type { DateFormat, DecimalMark, Draft } from './draft';
import { MappingPreviewPanel } from './MappingPreviewPanel';
import { ValueMaps } from './ValueMaps';

/** How long the preview waits after a change before asking the worker. */
export const PREVIEW_DELAY_MS = 250;
const DATE_LABEL: Record<DateFormat, MessageKey> = {
  auto: 'mapping.date.auto', 'dd/mm/yyyy': 'mapping.date.dmy', 'mm/dd/yyyy': 'mapping.date.mdy', 'yyyy-mm-dd': 'mapping.date.ymd',
};
const KINDS = ['message', 'call', 'conversation', 'session', 'email', 'video', 'bot'];

/** Live preview of the draft: the worker imports the start of the file with it (in memory) after each pause. */
const useMappingPreview = (file: File, preview: FilePreview, draft: Draft) => {
  const api = useWorkerApi();
  const [state, setState] = useState<{ result: MappingPreview | null; error: Failure | null; checking: boolean }>({ result: null, error: null, checking: true });
  const doc = useMemo(() => toPreset(draft, preview, draft.name.trim() || 'preview'), [draft, preview]);
  const version = useRef(0);
  useEffect(() => {
    const mine = ++version.current;
    setState((s) => ({ ...s, checking: true }));
    const timer = setTimeout(() => {
      void api.previewMapping(file, doc, doc.timeZone ?? 'UTC').then((r) => {
        if (version.current !== mine) return;
        setState(r.ok ? { result: r.value, error: null, checking: false } : { result: null, error: r.error, checking: false });
      });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, file, doc]);
  return state;
};

const delimiterName = (d: string, tab: string): string => (d === '\t' ? tab : d === '' ? '—' : `“${d}”`);

/** The mapping screen: the file's first rows, a field per column, value maps, dates and numbers, preview, save. */
export const MappingScreen = () => {
  const open = useAppStore((s) => s.mapping);
  if (!open) return null;
  return <MappingForm key={`${open.file.name}:${open.file.size}:${open.file.lastModified}`} />;
};

const MappingForm = () => {
  const t = useT();
  const issueText = useIssueText();
  const open = useAppStore((s) => s.mapping)!;
  const saved = useAppStore((s) => s.savedPresets);
  const close = useAppStore((s) => s.closeMapping);
  const saveAndImport = useAppStore((s) => s.saveMappingAndImport);
  const { file, preview } = open;
  const [draft, setDraft] = useState<Draft>(() => draftFromPreview(preview, open.timeZone));
  const [issues, setIssues] = useState<PlanIssue[]>([]);
  const [saving, setSaving] = useState(false);
  const live = useMappingPreview(file, preview, draft);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const update = (change: Partial<Draft>) => setDraft((d) => ({ ...d, ...change }));
  const names = columnNames(draft, preview);
  const fields = [...draft.fieldOf.filter((f) => f !== '' && f !== 'timestamp' && f !== 'body'),
    ...(draft.fieldOf.includes('kind') ? [] : ['kind']), ...(draft.fieldOf.includes('contact') && !draft.fieldOf.includes('country') ? ['country'] : [])];
  const save = async () => {
    setSaving(true);
    const failure = await saveAndImport(toPreset(draft, preview), draft.savedId);
    setSaving(false);
    setIssues(failure ? failure.issues ?? [{ path: '', message: failure.message }] : []);
  };
  return (
    <section className="panel mapping" aria-labelledby="mapping-title">
      <h2 id="mapping-title" ref={heading} tabIndex={-1}>{t('mapping.title', { name: file.name })}</h2>
      <p>{preview.detected === null ? t('mapping.intro') : t('mapping.introOnDemand')}</p>
      {open.files.length > 1 && <p>{t('mapping.moreFiles', { count: open.files.length - 1 })}</p>}
      <p className="hint">{t('mapping.file', { encoding: preview.encoding, delimiter: delimiterName(preview.delimiter, t('mapping.delimiter.tab')), line: preview.headerLine })}</p>
      {saved.length > 0 && (
        <p className="field">
          <label>
            {t('mapping.start')}{' '}
            <select value={draft.savedId ?? ''} onChange={(e) => {
              const p = saved.find((s) => s.id === e.target.value);
              setDraft(p ? draftFromPreset(preview, p, open.timeZone) : draftFromPreview(preview, open.timeZone));
            }}>
              <option value="">{t('mapping.start.none')}</option>
              {saved.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
            </select>
          </label>
        </p>
      )}
      <h3>{t('mapping.rows.title')}</h3>
      <p className="field">
        <label>
          <input type="checkbox" checked={draft.headerless} onChange={(e) => update({ headerless: e.target.checked })} />{' '}
          {t('mapping.headerless')}
        </label>
      </p>
      <div className="table-wide">
        <table className="events" aria-label={t('mapping.rows.title')}>
          <thead><tr><th scope="col">{t('mapping.rows.line')}</th>{names.map((h, i) => <th key={i} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {dataRows(draft, preview).slice(0, 5).map((r) => (
              <tr key={r.line}><td className="num">{r.line}</td>{preview.header.map((_, i) => <td key={i}>{r.cells[i] ?? ''}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
      <ColumnFields preview={preview} names={names} fieldOf={draft.fieldOf} onChange={(col, field) => setDraft((d) => assignField(d, preview, col, field))} />
      <ValueMaps preview={preview} names={names} draft={draft} onChange={(field, raw, value) =>
        setDraft((d) => ({ ...d, values: { ...d.values, [field]: { ...d.values[field], [raw]: value } } }))} />
      {!draft.fieldOf.includes('kind') && (
        <p className="field">
          <label>
            {t('mapping.kind.label')}{' '}
            <select value={draft.kind} onChange={(e) => update({ kind: e.target.value })}>
              {KINDS.map((k) => <option key={k} value={k === 'message' ? '' : k}>{k}</option>)}
            </select>
          </label>
        </p>
      )}
      <h3>{t('mapping.reading.title')}</h3>
      <div className="toolbar">
        <label>
          {t('mapping.date.label')}{' '}
          <select value={draft.dateFormat} onChange={(e) => update({ dateFormat: e.target.value as DateFormat })}>
            {DATE_FORMATS.map((f) => <option key={f} value={f}>{t(DATE_LABEL[f])}</option>)}
          </select>
        </label>
        <label>
          {t('mapping.decimal.label')}{' '}
          <select value={draft.decimalMark} onChange={(e) => update({ decimalMark: e.target.value as DecimalMark })}>
            {DECIMAL_MARKS.map((m) => <option key={m} value={m}>{t(`mapping.decimal.${m}`)}</option>)}
          </select>
        </label>
      </div>
      <TimeZoneSelect label={t('mapping.tz.label')} value={draft.timeZone} onChange={(timeZone) => update({ timeZone })} />
      <MappingPreviewPanel preview={live.result} error={live.error} checking={live.checking} fields={fields} />
      <h3>{t('mapping.save.title')}</h3>
      <p className="hint">{t('mapping.save.hint')}</p>
      <div className="toolbar">
        <label>
          {t('mapping.save.name')}{' '}
          <input value={draft.name} onChange={(e) => update({ name: e.target.value })} />
        </label>
        <button type="button" disabled={saving} onClick={() => void save()}>{t('mapping.save.button')}</button>
        <button type="button" className="secondary" onClick={close}>{t('mapping.cancel')}</button>
      </div>
      {issues.length > 0 && (
        <div role="alert">
          <p className="field-error">{t('mapping.save.issues')}</p>
          <ul className="field-issues">
            {issues.map((i) => <li key={`${i.path}:${i.message}`}>{i.path ? <code>{i.path}</code> : null}{i.path ? ': ' : ''}{issueText(i)}</li>)}
          </ul>
        </div>
      )}
    </section>
  );
};
