import { useEffect } from 'react';
import { selectors } from '../../state/store';
import { DatasetSelect, NoDatasets } from '../features/datasets/DatasetSelect';
import { useAppStore } from '../app/store-context';
import { AgentsTable } from '../features/dashboard/AgentsTable';
import { Allowances } from '../features/dashboard/Allowances';
import { CycleCost } from '../features/dashboard/CycleCost';
import { ChannelTable } from '../features/dashboard/ChannelTable';
import { DashboardCharts } from '../features/dashboard/DashboardCharts';
import { RangeControls } from '../features/dashboard/RangeControls';
import { SummaryTiles } from '../features/dashboard/SummaryTiles';
import { PeopleSection } from '../features/people/PeopleSection';
import { failureText } from '../i18n/explain';
import { formatDate } from '../i18n/format';
import { useLocale, useT } from '../i18n/use-t';

export const DashboardPage = () => {
  const t = useT();
  const locale = useLocale();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const plan = useAppStore((s) => s.plan);
  const result = useAppStore((s) => s.consumption);
  const error = useAppStore((s) => s.consumptionError);
  const loading = useAppStore((s) => s.consumptionLoading);
  const loadDefaultPlan = useAppStore((s) => s.loadDefaultPlan);
  const runEstimate = useAppStore((s) => s.runEstimate);
  const runConsumption = useAppStore((s) => s.runConsumption);

  useEffect(() => { void loadDefaultPlan(); }, [loadDefaultPlan]);
  useEffect(() => { if (dataset && plan) void runEstimate(); }, [dataset, plan, runEstimate]);
  // The plan is a dependency too: the 'cycle' range follows its billing cycle.
  useEffect(() => { if (dataset) void runConsumption(); }, [dataset, plan, runConsumption]);

  if (datasets.length === 0) {
    return <NoDatasets title={t('dash.title')} />;
  }
  const day = (ms: number) => formatDate(ms, locale, result?.timeZone ?? 'UTC');
  return (
    <div className="page dashboard">
      <h1>{t('dash.title')}</h1>
      <div className="toolbar">
        <DatasetSelect />
      </div>
      <RangeControls />
      {result && (
        <p className="range-note" aria-live="polite" data-testid="range-note">
          <strong>{t('dash.period', { from: day(result.from), to: day(result.to - 1) })}</strong>
          <span className="hint"> · {t('dash.zone', { zone: result.timeZone })}</span>
          {result.referenceSource === 'data' && <span className="badge data-up-to">{t('dash.dataUpTo', { date: day(result.dataTo) })}</span>}
        </p>
      )}
      {loading && <p className="hint" role="status">{t('dash.loading')}</p>}
      {error && <div className="panel error" role="alert">{error.code === 'invalid-range' ? t('dash.empty') : failureText(error, t)}</div>}
      {result && (
        <>
          <SummaryTiles result={result} />
          {result.totals.events === 0 && <p className="panel notice">{t('dash.empty')}</p>}
          <DashboardCharts result={result} />
          <div className="dash-columns">
            <CycleCost reference={result.reference} />
            <Allowances reference={result.reference} />
            <ChannelTable channels={result.channels} />
          </div>
          <AgentsTable agents={result.agents} timeZone={result.timeZone} />
          <PeopleSection agents={result.agents} timeZone={result.timeZone} />
          <p className="hint">{t('dash.disclaimer')}</p>
        </>
      )}
    </div>
  );
};
