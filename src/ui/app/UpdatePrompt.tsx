import { selectors } from '../../state/store';
import { useT } from '../i18n/use-t';
import { useAppStore } from './store-context';

/** Offers a waiting new version; never applied while an import runs (reloading would kill the job). */
export const UpdatePrompt = ({ applyUpdate }: { applyUpdate: () => void }) => {
  const t = useT();
  const updateReady = useAppStore((s) => s.updateReady);
  const busy = useAppStore(selectors.isBusy);
  const setUpdateReady = useAppStore((s) => s.setUpdateReady);
  if (!updateReady) return null;
  return (
    <div className="banner" role="status">
      <span>{t('update.available')}</span>
      {busy ? <span>{t('update.waitForJob')}</span> : (
        <>
          <button type="button" onClick={applyUpdate}>{t('update.reload')}</button>
          <button type="button" className="secondary" onClick={() => setUpdateReady(false)}>{t('update.later')}</button>
        </>
      )}
    </div>
  );
};
