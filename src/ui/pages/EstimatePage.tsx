import { useEffect } from 'react';
import { selectors } from '../../state/store';
import { DatasetSelect, NoDatasets } from '../features/datasets/DatasetSelect';
import { FailureBox } from '../components/FailureBox';
import { useAppStore } from '../app/store-context';
import { CycleTable } from '../features/estimate/CycleTable';
import { PlanPicker } from '../features/estimate/PlanPicker';
import { formatMoney } from '../i18n/format';
import { useLocale, useT } from '../i18n/use-t';

export const EstimatePage = () => {
  const t = useT();
  const locale = useLocale();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const plan = useAppStore((s) => s.plan);
  const estimate = useAppStore((s) => s.estimate);
  const error = useAppStore((s) => s.estimateError);
  const estimating = useAppStore((s) => s.estimating);
  const loadDefaultPlan = useAppStore((s) => s.loadDefaultPlan);
  const runEstimate = useAppStore((s) => s.runEstimate);
  const loadPlans = useAppStore((s) => s.loadPlans);

  useEffect(() => { void loadDefaultPlan(); }, [loadDefaultPlan]);
  useEffect(() => { void loadPlans(); }, [loadPlans]);
  useEffect(() => { if (dataset && plan) void runEstimate(); }, [dataset, plan, runEstimate]);

  if (datasets.length === 0) {
    return <NoDatasets title={t('estimate.title')} />;
  }
  return (
    <div className="page">
      <h1>{t('estimate.title')}</h1>
      <div className="toolbar">
        <DatasetSelect />
        <PlanPicker />
      </div>
      {estimating && !estimate && <p role="status">{t('estimate.running')}</p>}
      {error && (
        <FailureBox failure={error} message={error.code === 'invalid-plan' ? t('estimate.invalidPlan') : error.message} />
      )}
      {estimate && (
        <>
          <p className="grand-total" aria-live="polite">
            {t('estimate.total', { count: estimate.cycles.length })}: <strong data-testid="estimate-total">{formatMoney(estimate.total, estimate.currency, locale)}</strong>
          </p>
          {estimate.cycles.map((c) => (
            <CycleTable key={c.start} cycle={c} currency={estimate.currency} timeZone={estimate.timeZone} datasetId={dataset?.id ?? null} />
          ))}
          <p className="hint">{t('estimate.disclaimer')}</p>
        </>
      )}
    </div>
  );
};
