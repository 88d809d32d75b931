import { useEffect } from 'react';
import { selectors } from '../../state/store';
import { useAppStore } from '../app/store-context';
import { FailureBox } from '../components/FailureBox';
import { DatasetSelect, NoDatasets } from '../features/datasets/DatasetSelect';
import { ComparisonTable, Differences } from '../features/simulate/ComparisonTable';
import { KnobsPanel } from '../features/simulate/KnobsPanel';
import { MultiplierChart } from '../features/simulate/MultiplierChart';
import { PlanSet } from '../features/simulate/PlanSet';
import { RoiPanel } from '../features/simulate/RoiPanel';
import { ScenarioBar } from '../features/simulate/ScenarioBar';
import { TcoPanel } from '../features/simulate/TcoPanel';
import { useT } from '../i18n/use-t';
import '../features/simulate/simulate.css';

/** How long the page waits after a knob moves before it asks the worker to re-price (the worker keeps the latest). */
export const SIMULATE_DEBOUNCE_MS = 150;

/**
 * The Simulate page: plans compared on the dataset with what-if knobs, each cycle and the total side by side with
 * the cheapest marked, the lines that make the differences, the multiplier chart, the TCO projection and ROI, and
 * scenarios saved by name. Everything is priced in the worker on the dataset it holds in memory.
 */
export const SimulatePage = () => {
  const t = useT();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const loadPlans = useAppStore((s) => s.loadPlans);
  const loadScenarios = useAppStore((s) => s.loadScenarios);
  const run = useAppStore((s) => s.runSimulation);
  const keys = useAppStore((s) => s.simPlanKeys);
  const knobs = useAppStore((s) => s.simKnobs);
  const months = useAppStore((s) => s.simMonths);
  const terms = useAppStore((s) => s.simTerms);
  const shipped = useAppStore((s) => s.shippedPlans);
  const saved = useAppStore((s) => s.savedPlans);
  const result = useAppStore((s) => s.simResult);
  const error = useAppStore((s) => s.simError);
  const running = useAppStore((s) => s.simRunning);

  useEffect(() => { void loadPlans(); }, [loadPlans]);
  useEffect(() => { void loadScenarios(); }, [loadScenarios]);
  useEffect(() => {
    if (!dataset) return;
    const timer = setTimeout(() => { void run(); }, SIMULATE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [dataset, keys, knobs, months, terms, shipped, saved, run]);

  if (datasets.length === 0) return <NoDatasets title={t('sim.title')} />;
  return (
    <div className="page sim-page">
      <h1>{t('sim.title')}</h1>
      <p className="hint">{t('sim.intro')}</p>
      <div className="toolbar"><DatasetSelect /></div>
      <ScenarioBar />
      <div className="sim-controls">
        <PlanSet />
        <KnobsPanel />
      </div>
      <p role="status" aria-live="polite" className="hint" data-testid="sim-status">
        {running ? t('sim.running') : result ? t('sim.done', { measured: result.events.measured, simulated: result.events.simulated, ms: result.ms }) : ''}
      </p>
      {error && <FailureBox failure={error} message={error.message} />}
      {result && dataset && result.comparison.plans.length > 0 && (
        <>
          <ComparisonTable result={result} />
          <Differences result={result} />
          <MultiplierChart result={result} />
          <TcoPanel result={result} />
          <RoiPanel result={result} />
        </>
      )}
    </div>
  );
};
