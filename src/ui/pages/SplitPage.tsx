import { useEffect } from 'react';
import { selectors } from '../../state/store';
import { DatasetSelect, NoDatasets } from '../features/datasets/DatasetSelect';
import { FailureBox } from '../components/FailureBox';
import { useAppStore } from '../app/store-context';
import { PlanPicker } from '../features/estimate/PlanPicker';
import { BasisControls } from '../features/split/BasisControls';
import { RuleSets } from '../features/split/RuleSets';
import { RulesEditor } from '../features/split/RulesEditor';
import { SplitResult } from '../features/split/SplitResult';
import { failureText } from '../i18n/explain';
import { useT } from '../i18n/use-t';

/** Cost-centre split (issue #5): rules on the left, the live split of the estimate or the invoice on the right. */
export const SplitPage = () => {
  const t = useT();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const plan = useAppStore((s) => s.plan);
  const model = useAppStore((s) => s.splitModel);
  const allocation = useAppStore((s) => s.allocation);
  const error = useAppStore((s) => s.splitError);
  const splitting = useAppStore((s) => s.splitting);
  const openSplit = useAppStore((s) => s.openSplit);
  const loadPlans = useAppStore((s) => s.loadPlans);

  useEffect(() => { void loadPlans(); }, [loadPlans]);
  useEffect(() => { if (dataset) void openSplit(); }, [dataset, plan, openSplit]);

  const cycle = typeof plan?.json === 'object' && plan.json !== null ? (plan.json as { cycle?: { timeZone?: unknown } }).cycle : undefined;
  const planZone = typeof cycle?.timeZone === 'string' ? cycle.timeZone : 'UTC';

  if (datasets.length === 0) {
    return <NoDatasets title={t('split.title')} />;
  }
  return (
    <div className="page split-page">
      <h1>{t('split.title')}</h1>
      <p className="hint no-print">{t('split.intro')}</p>
      <div className="toolbar no-print">
        <DatasetSelect />
        <PlanPicker />
      </div>
      <div className="split-layout">
        <div className="split-controls">
          <RulesEditor />
          <RuleSets />
        </div>
        <div className="split-output">
          <BasisControls />
          {error && (
            <FailureBox
              failure={error}
              message={error.code === 'invalid-rules' ? `${failureText(error, t)} ${t('split.invalidRules')}` : error.code === 'invalid-plan' ? t('estimate.invalidPlan') : failureText(error, t)}
            />
          )}
          {model.centres.length === 0 && <p className="panel hint">{t('split.needCentres')}</p>}
          {splitting && !allocation && <p role="status">{t('split.running')}</p>}
          {allocation && model.centres.length > 0 && (
            <SplitResult allocation={allocation} planName={plan?.name ?? ''} datasetId={dataset?.id ?? null} timeZone={planZone} />
          )}
        </div>
      </div>
    </div>
  );
};
