import { useEffect, useMemo } from 'react';
import { selectors } from '../../state/store';
import { useAppStore } from '../app/store-context';
import { FailureBox } from '../components/FailureBox';
import { ChecksPanel } from '../features/clients/ChecksPanel';
import { ClientsSetup } from '../features/clients/ClientsSetup';
import { ContractsPanel } from '../features/clients/ContractsPanel';
import { OfferEditor } from '../features/clients/OfferEditor';
import { TaskList } from '../features/clients/TaskList';
import { UsageTable } from '../features/clients/UsageTable';
import { NoDatasets } from '../features/datasets/DatasetSelect';
import { useT } from '../i18n/use-t';

/** The clients page (issue #6): handled calls per client and period, contracts checked, offers and follow-ups. */
export const ClientsPage = () => {
  const t = useT();
  const dataset = useAppStore(selectors.selectedDataset);
  const datasets = useAppStore((s) => s.datasets);
  const open = useAppStore((s) => s.openClients);
  const result = useAppStore((s) => s.profit);
  const error = useAppStore((s) => s.profitError);
  const running = useAppStore((s) => s.profitRunning);
  const period = useAppStore((s) => s.clientsPeriod);
  const def = useAppStore((s) => s.clientsDef);
  const values = useAppStore((s) => s.clientValues);
  const ruleSets = useAppStore((s) => s.clientRuleSets);

  useEffect(() => { if (dataset) void open(); }, [dataset, open]);

  /** The clients a contract can name: the field's values, or the rule set's centres. */
  const clients = useMemo(() => {
    if (def.kind === 'rules') {
      const json = ruleSets.find((r) => r.id === def.rulesId)?.json as { centres?: { id: string; label?: string }[] } | undefined;
      return (json?.centres ?? []).map((c) => ({ key: c.id, label: c.label ?? c.id }));
    }
    return (values?.values ?? []).filter((v) => v.value !== '').map((v) => ({ key: v.value, label: v.value }));
  }, [def, ruleSets, values]);

  if (datasets.length === 0) return <NoDatasets title={t('profit.title')} />;
  return (
    <div className="page clients-page">
      <h1>{t('profit.title')}</h1>
      <p className="hint">{t('profit.intro')}</p>
      <ClientsSetup />
      {error && <FailureBox failure={error} message={error.message} />}
      {running && !result && <p role="status">{t('profit.running')}</p>}
      {result && <UsageTable result={result} kind={period.kind} />}
      <ContractsPanel clients={clients} />
      {result && <ChecksPanel result={result} kind={period.kind} />}
      {result && <OfferEditor result={result} kind={period.kind} />}
      <TaskList />
    </div>
  );
};
