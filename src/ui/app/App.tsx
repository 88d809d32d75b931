import { PAGES, type Page } from '../../state/app-slice';
import { useT } from '../i18n/use-t';
import { AboutPage } from '../pages/AboutPage';
import { ClientsPage } from '../pages/ClientsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { DataPage } from '../pages/DataPage';
import { EstimatePage } from '../pages/EstimatePage';
import { PlansPage } from '../pages/PlansPage';
import { SimulatePage } from '../pages/SimulatePage';
import { SettingsPage } from '../pages/SettingsPage';
import { SplitPage } from '../pages/SplitPage';
import { EngineNotice } from './EngineNotice';
import { OutdatedNotice } from './OutdatedNotice';
import { ErrorBoundary } from './ErrorBoundary';
import { LanguagePicker } from './LanguagePicker';
import { useAppStore } from './store-context';
import { UpdatePrompt } from './UpdatePrompt';
import { useHashRoute } from './use-hash-route';

const PAGE_VIEWS: Record<Page, () => React.JSX.Element> = {
  data: DataPage, dashboard: DashboardPage, estimate: EstimatePage, split: SplitPage, simulate: SimulatePage,
  clients: ClientsPage, plans: PlansPage, settings: SettingsPage, about: AboutPage,
};

export const App = ({ applyUpdate }: { applyUpdate: () => void }) => {
  useHashRoute();
  const t = useT();
  const page = useAppStore((s) => s.page);
  const offlineReady = useAppStore((s) => s.offlineReady);
  const View = PAGE_VIEWS[page];
  return (
    <div className="app">
      <header className="app-header">
        <a className="brand" href="#/data">
          <img src="icons/icon.svg" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('nav.label')}>
          {PAGES.map((p) => (
            <a key={p} href={`#/${p}`} aria-current={p === page ? 'page' : undefined}>{t(`nav.${p}`)}</a>
          ))}
        </nav>
        <LanguagePicker />
      </header>
      <UpdatePrompt applyUpdate={applyUpdate} />
      <EngineNotice />
      <OutdatedNotice />
      {offlineReady && <p className="sr-only" role="status">{t('offline.ready')}</p>}
      <main>
        <ErrorBoundary title={t('error.title')} reloadLabel={t('error.reload')}>
          <View />
        </ErrorBoundary>
      </main>
    </div>
  );
};
