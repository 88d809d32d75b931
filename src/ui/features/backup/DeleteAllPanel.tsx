import { useId, useState } from 'react';
import { useAppStore } from '../../app/store-context';
import { failureText } from '../../i18n/explain';
import { useT } from '../../i18n/use-t';

/** "Delete all data", with a confirmation step; the app keeps working with an empty workspace afterwards. */
export const DeleteAllPanel = ({ onDeleted }: { onDeleted?: () => void } = {}) => {
  const t = useT();
  const id = useId();
  const busy = useAppStore((s) => s.job !== null || s.dataJob !== null);
  const deleteAllData = useAppStore((s) => s.deleteAllData);
  const error = useAppStore((s) => s.dataJobError);
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<'done' | 'failed' | null>(null);
  const [working, setWorking] = useState(false);
  const remove = async () => {
    setWorking(true);
    const ok = await deleteAllData();
    setWorking(false);
    setConfirming(false);
    setOutcome(ok ? 'done' : 'failed');
    if (ok) onDeleted?.();
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('trust.delete.title')}</h2>
      <p>{t('trust.delete.intro')}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby={`${id}-confirm`} className="panel error">
          <p id={`${id}-confirm`}>{t('trust.delete.confirm')}</p>
          <button type="button" disabled={working} onClick={() => void remove()}>{t('trust.delete.yes')}</button>{' '}
          <button type="button" className="secondary" disabled={working} onClick={() => setConfirming(false)}>{t('trust.cancel')}</button>
        </div>
      ) : (
        <button type="button" className="secondary" disabled={busy} onClick={() => { setOutcome(null); setConfirming(true); }}>
          {t('trust.delete.button')}
        </button>
      )}
      {outcome === 'done' && <p role="status" data-testid="delete-done">{t('trust.delete.done')}</p>}
      {outcome === 'failed' && error && <p className="field-error" role="alert">{t('trust.delete.failed', { message: failureText(error, t) })}</p>}
    </section>
  );
};
