import { useT } from '../i18n/use-t';
import { useAppStore } from './store-context';

/** Tells the user once that the calculation worker crashed and was restarted (or keeps crashing). */
export const EngineNotice = () => {
  const t = useT();
  const notice = useAppStore((s) => s.engineNotice);
  const dismiss = useAppStore((s) => s.dismissEngineNotice);
  if (notice === null) return null;
  return (
    <div className="banner" role="alert">
      <span>{t(notice === 'gave-up' ? 'robust.gaveUp' : 'robust.restarted')}</span>
      {notice === 'restarted' && <button type="button" onClick={dismiss}>{t('robust.dismiss')}</button>}
    </div>
  );
};
