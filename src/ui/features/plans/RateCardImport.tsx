import { useId, useState } from 'react';
import type { Failure, RateCardRead } from '../../../worker/types';
import { useAppStore, useWorkerApi } from '../../app/store-context';
import { useIssueText } from '../../i18n/issue-text';
import { useT } from '../../i18n/use-t';
import { isObj, textOf, type Obj } from './plan-edit';

const NEW_CHARGE = '';

/** The first day of the current quarter, YYYY-MM-DD (local calendar): the usual date a Meta rate card takes effect. */
export const quarterStart = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(Math.floor(now.getMonth() / 3) * 3 + 1).padStart(2, '0')}-01`;

/**
 * "Import a Meta rate card (CSV)…": the worker reads the file (issues by line; rows with problems left out), then the
 * card goes into the draft as a dated card of the chosen rate-card charge, or of a new one on a WhatsApp meter.
 */
export const RateCardImport = ({ plan }: { plan: Obj }) => {
  const t = useT();
  const issueText = useIssueText();
  const id = useId();
  const api = useWorkerApi();
  const addRateCardToDraft = useAppStore((s) => s.addRateCardToDraft);
  const [open, setOpen] = useState(false);
  const [fileName, setFileName] = useState('');
  const [read, setRead] = useState<RateCardRead | null>(null);
  const [effectiveFrom, setEffectiveFrom] = useState(quarterStart);
  const [chargeId, setChargeId] = useState(NEW_CHARGE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const rateCharges = (Array.isArray(plan.charges) ? plan.charges : [])
    .filter((c): c is Obj => isObj(c) && c.model === 'rate-card' && typeof c.id === 'string');
  const target = rateCharges.some((c) => c.id === chargeId) ? chargeId : NEW_CHARGE;

  const choose = async (file: File | undefined) => {
    setRead(null);
    setError(null);
    setAdded(null);
    setFileName(file?.name ?? '');
    if (file) setRead(await api.readRateCard(await file.text()));
  };

  const add = async () => {
    if (!read?.card) return;
    setBusy(true);
    const failure = await addRateCardToDraft(read.card, { effectiveFrom, chargeId: target === NEW_CHARGE ? null : target });
    setBusy(false);
    setError(failure);
    if (!failure) {
      setAdded(t('plans.rateCard.added', { file: fileName, date: effectiveFrom }));
      setRead(null);
      setFileName('');
    }
  };

  if (!open) {
    return (
      <div className="rate-card-import">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>{t('plans.rateCard.open')}</button>
        {added && <p className="ok" role="status">{added}</p>}
      </div>
    );
  }

  const issues = read?.issues ?? [];
  const usable = read?.card !== null && read?.card !== undefined && read.card.markets.length > 0;
  return (
    <fieldset className="panel rate-card-import">
      <legend>{t('plans.rateCard.title')}</legend>
      <p className="hint">{t('plans.rateCard.hint')}</p>
      <div className="plan-field">
        <label htmlFor={`${id}-file`}>{t('plans.rateCard.file')}</label>
        <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-date`}>{t('plans.rateCard.effectiveFrom')}</label>
        <input id={`${id}-date`} type="date" required value={effectiveFrom} onChange={(e) => setEffectiveFrom(e.target.value)} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-charge`}>{t('plans.rateCard.charge')}</label>
        <select id={`${id}-charge`} value={target} onChange={(e) => setChargeId(e.target.value)}>
          {rateCharges.map((c) => <option key={String(c.id)} value={String(c.id)}>{`${textOf(c.label) || String(c.id)} (${String(c.id)})`}</option>)}
          <option value={NEW_CHARGE}>{t('plans.rateCard.newCharge')}</option>
        </select>
      </div>
      {read && (
        usable
          ? <p role="status">{t('plans.rateCard.read', { markets: read.card!.markets.length, currency: read.card!.currency ?? '?' })}</p>
          : <p className="bad" role="status">{t('plans.rateCard.unusable')}</p>
      )}
      {issues.length > 0 && (
        <div className="panel error" role="alert">
          <p>{t('plans.rateCard.issues', { count: issues.length })}</p>
          <ul className="field-issues" aria-label={t('plans.rateCard.issuesList')}>
            {issues.map((i, k) => (
              <li key={k}>{t('plans.rateCard.line', { line: i.line })}{i.column ? ` (${i.column})` : ''}: {issueText({ path: '', message: i.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {error && <p className="panel error" role="alert">{error.message}</p>}
      <div className="actions">
        <button type="button" disabled={!usable || busy || effectiveFrom === ''} onClick={() => void add()}>
          {issues.length > 0 ? t('plans.rateCard.addAnyway') : t('plans.rateCard.add')}
        </button>
        <button type="button" className="secondary" onClick={() => { setOpen(false); setRead(null); setError(null); }}>{t('plans.rateCard.close')}</button>
      </div>
      {added && <p className="ok" role="status">{added}</p>}
    </fieldset>
  );
};
