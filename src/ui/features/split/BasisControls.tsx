import { useId } from 'react';
import { parseAmount } from '../../../state/split-model';
import { useAppStore } from '../../app/store-context';
import { useT } from '../../i18n/use-t';

const chargesOf = (plan: unknown): { id: string; label: string }[] => {
  const charges = typeof plan === 'object' && plan !== null ? (plan as { charges?: unknown }).charges : undefined;
  return Array.isArray(charges)
    ? charges.filter((c): c is { id: string; label?: string } => typeof c?.id === 'string').map((c) => ({ id: c.id, label: c.label ?? c.id }))
    : [];
};

/** Split the estimate, or the vendor's invoice total (validated as typed) with optional lines. */
export const BasisControls = () => {
  const t = useT();
  const totalId = useId();
  const errorId = useId();
  const basis = useAppStore((s) => s.splitBasis);
  const plan = useAppStore((s) => s.plan);
  const setBasis = useAppStore((s) => s.setSplitBasis);
  const totalInvalid = basis.kind === 'invoice' && parseAmount(basis.total) === null;
  const charges = chargesOf(plan?.json);
  const setLine = (i: number, patch: Partial<(typeof basis.lines)[number]>) =>
    setBasis({ lines: basis.lines.map((l, j) => (j === i ? { ...l, ...patch } : l)) });

  return (
    <fieldset className="panel basis no-print">
      <legend>{t('split.basis.title')}</legend>
      <label><input type="radio" name="split-basis" checked={basis.kind === 'estimate'} onChange={() => setBasis({ kind: 'estimate' })} /> {t('split.basis.estimate')}</label>{' '}
      <label><input type="radio" name="split-basis" checked={basis.kind === 'invoice'} onChange={() => setBasis({ kind: 'invoice' })} /> {t('split.basis.invoice')}</label>
      {basis.kind === 'invoice' && (
        <div className="invoice">
          <label htmlFor={totalId}>{t('split.basis.total')}</label>{' '}
          <input
            id={totalId}
            inputMode="decimal"
            value={basis.total}
            placeholder="1200.00"
            aria-invalid={totalInvalid}
            aria-describedby={totalInvalid ? errorId : undefined}
            onChange={(e) => setBasis({ total: e.target.value })}
          />
          {totalInvalid && basis.total !== '' && <p id={errorId} className="field-error" role="alert">{t('split.basis.totalInvalid')}</p>}
          <h3>{t('split.basis.lines')}</h3>
          {basis.lines.map((l, i) => {
            const n = i + 1;
            const bad = l.amount.trim() !== '' && parseAmount(l.amount) === null;
            return (
              <div className="inline" key={i}>
                <input aria-label={t('split.basis.lineLabel', { n })} value={l.label} onChange={(e) => setLine(i, { label: e.target.value })} />
                <input aria-label={t('split.basis.lineAmount', { n })} inputMode="decimal" value={l.amount} aria-invalid={bad} onChange={(e) => setLine(i, { amount: e.target.value })} />
                <select aria-label={t('split.basis.lineCharge', { n })} value={l.charge} onChange={(e) => setLine(i, { charge: e.target.value })}>
                  <option value="">{t('split.basis.noCharge')}</option>
                  {charges.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
                </select>
                <button type="button" className="secondary" aria-label={t('split.basis.removeLine', { n })} onClick={() => setBasis({ lines: basis.lines.filter((_, j) => j !== i) })}>×</button>
                {bad && <span className="field-error" role="alert">{t('split.basis.lineInvalid', { n })}</span>}
              </div>
            );
          })}
          <button type="button" className="secondary" onClick={() => setBasis({ lines: [...basis.lines, { label: '', amount: '', charge: '' }] })}>{t('split.basis.addLine')}</button>
        </div>
      )}
    </fieldset>
  );
};
