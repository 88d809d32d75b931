import { useT } from '../i18n/use-t';
import { useAppStore } from './store-context';

/**
 * Another tab upgraded the database to a newer version (storage/reopen.ts): this tab's code cannot read it any more,
 * so instead of failing call after call it says so once, with a button that reloads the page.
 */
export const OutdatedNotice = ({ reload = () => window.location.reload() }: { reload?: () => void }) => {
  const t = useT();
  const outdated = useAppStore((s) => s.tabOutdated);
  if (!outdated) return null;
  return (
    <div className="banner" role="alert" aria-labelledby="outdated-title" data-testid="tab-outdated">
      <span><strong id="outdated-title">{t('msg.outdated.title')}</strong> {t('msg.outdated.body')}</span>
      <button type="button" onClick={reload}>{t('msg.outdated.reload')}</button>
    </div>
  );
};
