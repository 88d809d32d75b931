import { Fragment, useState } from 'react';
import type { CycleAllocation } from '../../../engine/allocation/types';
import type { Allocation } from '../../../worker/types';
import { downloadText } from '../../components/download';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { CentreBars } from './CentreBars';
import { CentreDetails } from './CentreDetails';
import { allocationCsv } from './split-csv';
import { VarianceTable } from './VarianceTable';

type Props = { allocation: Allocation; planName: string; datasetId: string | null; timeZone: string };

const CycleSplit = ({ cycle, allocation, timeZone }: { cycle: CycleAllocation; allocation: Allocation; timeZone: string }) => {
  const t = useT();
  const locale = useLocale();
  const money = (a: string) => formatMoney(a, allocation.currency, locale);
  const title = t('estimate.cycle', { from: formatDate(cycle.startMs, locale, timeZone), to: formatDate(cycle.endMs - 1, locale, timeZone) });
  const names = allocation.centres.map((c) => (c.unattributed ? t('split.result.unattributedCentre') : c.label));
  return (
    <section className="panel cycle" aria-label={title}>
      <h3>{title}</h3>
      <table className="lines split-table">
        <thead>
          <tr>
            <th scope="col">{t('split.result.line')}</th>
            <th scope="col" className="num">{t('split.result.amount')}</th>
            {names.map((n, i) => <th key={allocation.centres[i].id} scope="col" className="num">{n}</th>)}
            <th scope="col">{t('split.result.method')}</th>
          </tr>
        </thead>
        <tbody>
          {cycle.lines.map((line) => (
            <tr key={`${line.charge}-${line.key ?? ''}-${line.label}`}>
              <th scope="row">{line.label}</th>
              <td className="num">{money(line.amount)}</td>
              {line.parts.map((p) => (
                <td key={p.centre} className="num">
                  {money(p.amount)}
                  <br /><span className="hint">{p.ratio}{p.units !== undefined && line.meter ? ` · ${formatNumber(p.units, locale, 4)} ${line.meter}` : ''}</span>
                </td>
              ))}
              <td><span className="explanation">{line.method}</span></td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total">
            <th scope="row">{t('split.result.total')}</th>
            <td className="num">{money(cycle.total)}</td>
            {cycle.centres.map((c) => <td key={c.centre} className="num">{money(c.amount)}<br /><span className="hint">{c.ratio}</span></td>)}
            <td />
          </tr>
        </tfoot>
      </table>
    </section>
  );
};

/** The split: centres (bars and table with drill-down), the split per cycle, variance, CSV export and print. */
export const SplitResult = ({ allocation, planName, datasetId, timeZone }: Props) => {
  const t = useT();
  const locale = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const money = (a: string) => formatMoney(a, allocation.currency, locale);
  const driver = allocation.driver?.meter ?? '';
  return (
    <section className="split-result" aria-label={t('split.result.title', { total: money(allocation.total) })}>
      <div className="toolbar no-print">
        <button type="button" onClick={() => downloadText(allocationCsv(allocation), 'tarifa-split.csv', 'text/csv')}>{t('split.result.exportCsv')}</button>
        <button type="button" className="secondary" onClick={() => window.print()}>{t('split.result.print')}</button>
      </div>
      <h2>{t('split.result.title', { total: '' })}<strong data-testid="split-total">{money(allocation.total)}</strong></h2>
      <p className="hint">
        {allocation.basis === 'invoice' ? t('split.result.basisInvoice', { driver }) : t('split.result.basisEstimate', { plan: planName })}
        {' · '}
        <span data-testid="split-unattributed">
          {allocation.unattributedEvents.count > 0 ? t('split.result.unattributed', { count: allocation.unattributedEvents.count }) : t('split.result.allAttributed')}
        </span>
      </p>
      <div className="split-summary">
        <CentreBars centres={allocation.centres} currency={allocation.currency} />
        <table className="lines centres-table">
          <thead>
            <tr>
              <th scope="col">{t('split.result.centre')}</th>
              <th scope="col" className="num">{t('split.result.amount')}</th>
              <th scope="col" className="num">{t('split.result.ratio')}</th>
              <th scope="col" className="num">{t('split.result.events')}</th>
              {allocation.basis === 'invoice' && <th scope="col" className="num">{t('split.result.driverQuantity', { driver })}</th>}
              <th scope="col" className="no-print" />
            </tr>
          </thead>
          <tbody>
            {allocation.centres.map((c) => {
              const name = c.unattributed ? t('split.result.unattributedCentre') : c.label;
              const cols = allocation.basis === 'invoice' ? 6 : 5;
              return (
                <Fragment key={c.id}>
                  <tr data-testid={`centre-${c.id}`}>
                    <th scope="row">{name}</th>
                    <td className="num" data-testid="centre-amount">{money(c.amount)}</td>
                    <td className="num" data-testid="centre-ratio">{c.ratio}</td>
                    <td className="num">{formatNumber(c.eventCount, locale)}</td>
                    {allocation.basis === 'invoice' && <td className="num">{formatNumber(c.driverQuantity ?? 0, locale, 4)}</td>}
                    <td className="no-print">
                      <button type="button" className="link" aria-expanded={open === c.id} onClick={() => setOpen(open === c.id ? null : c.id)}>
                        {open === c.id ? t('split.result.hideDetails') : t('split.result.details', { name })}
                      </button>
                    </td>
                  </tr>
                  {open === c.id && (
                    <tr className="sample"><td colSpan={cols}><CentreDetails allocation={allocation} centre={c.id} datasetId={datasetId} /></td></tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
      {allocation.variance && <VarianceTable variance={allocation.variance} currency={allocation.currency} />}
      {allocation.cycles.map((c) => <CycleSplit key={c.start} cycle={c} allocation={allocation} timeZone={timeZone} />)}
    </section>
  );
};
