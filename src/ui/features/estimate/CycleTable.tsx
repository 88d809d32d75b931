import { Fragment, useState } from 'react';
import type { CycleEstimate } from '../../../engine/estimate/types';
import { explanationText, lineExplanation, lineLabel } from '../../i18n/explain';
import { formatDate, formatMoney, formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { EventSample } from './EventSample';

type Props = { cycle: CycleEstimate; currency: string; timeZone: string; datasetId: string | null };

/**
 * One billing cycle: lines with quantity, amount and the engine's explanation; subtotal, discount, tax, total.
 * When the events carry the vendor's prices, a Vendor column (the engine's `vendorAmount`), the vendor's total and
 * the difference.
 */
export const CycleTable = ({ cycle, currency, timeZone, datasetId }: Props) => {
  const t = useT();
  const vendor = cycle.vendorTotal !== undefined || cycle.lines.some((l) => l.vendorAmount !== undefined);
  const vendorCell = (amount: string | undefined) => (vendor ? <td className="num">{amount !== undefined ? money(amount) : ''}</td> : null);
  const locale = useLocale();
  const [open, setOpen] = useState<string | null>(null);
  const money = (a: string) => formatMoney(a, currency, locale);
  // The cycle ends at the next anchor (exclusive); show the last day it covers.
  const title = t('estimate.cycle', { from: formatDate(cycle.startMs, locale, timeZone), to: formatDate(cycle.endMs - 1, locale, timeZone) });
  return (
    <section className="panel cycle" aria-label={title}>
      <h2>
        {title}{' '}
        {cycle.partial && <span className="badge" title={t('estimate.partial.hint')}>{t('estimate.partial')}</span>}
        <span className="hint"> · {t('estimate.events', { count: cycle.eventCount })}</span>
      </h2>
      <table className="lines">
        <thead>
          <tr>
            <th scope="col">{t('estimate.col.charge')}</th>
            <th scope="col" className="num">{t('estimate.col.quantity')}</th>
            <th scope="col" className="num">{t('estimate.col.amount')}</th>
            {vendor && <th scope="col" className="num" title={t('estimate.col.vendor.hint')}>{t('estimate.col.vendor')}</th>}
            <th scope="col">{t('estimate.col.explanation')}</th>
          </tr>
        </thead>
        <tbody>
          {cycle.lines.map((line) => {
            const key = line.charge + line.label;
            const samples = line.explanation.sampleEvents;
            return (
              <Fragment key={key}>
                <tr>
                  <th scope="row">{lineLabel(line, t)}</th>
                  <td className="num">{formatNumber(line.quantity, locale)}</td>
                  <td className="num">{money(line.amount)}</td>
                  {vendorCell(line.vendorAmount)}
                  <td>
                    <span className="explanation">{lineExplanation(line, t, locale)}</span>
                    {datasetId && samples.length > 0 && (
                      <button type="button" className="link" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)}>
                        {open === key ? t('estimate.hideEvents') : t('estimate.showEvents')}
                      </button>
                    )}
                  </td>
                </tr>
                {open === key && datasetId && (
                  <tr className="sample"><td colSpan={vendor ? 5 : 4}><EventSample datasetId={datasetId} indices={samples} /></td></tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr><th scope="row" colSpan={2}>{t('estimate.subtotal')}</th><td className="num">{money(cycle.subtotal)}</td>{vendorCell(undefined)}<td /></tr>
          {Number(cycle.discount) !== 0 && <tr><th scope="row" colSpan={2}>{t('estimate.discount')}</th><td className="num">−{money(cycle.discount)}</td>{vendorCell(undefined)}<td /></tr>}
          {Number(cycle.tax) !== 0 && <tr><th scope="row" colSpan={2}>{t('estimate.tax')}</th><td className="num">{money(cycle.tax)}</td>{vendorCell(undefined)}<td /></tr>}
          <tr className="total"><th scope="row" colSpan={2}>{t('estimate.cycleTotal')}</th><td className="num" data-testid="cycle-total">{money(cycle.total)}</td>{vendorCell(undefined)}<td /></tr>
          {cycle.vendorTotal !== undefined && (
            <>
              <tr className="vendor">
                <th scope="row" colSpan={2}>{t('estimate.vendorTotal', { count: cycle.vendorEvents ?? 0 })}</th>
                <td />
                <td className="num" data-testid="cycle-vendor-total">{money(cycle.vendorTotal)}</td>
                <td />
              </tr>
              <tr className="vendor">
                <th scope="row" colSpan={2}>{t('estimate.vendorDifference')}</th>
                <td className="num" data-testid="cycle-vendor-difference">{money(cycle.vendorDifference ?? '0')}</td>
                <td />
                <td />
              </tr>
            </>
          )}
          {cycle.projection && (
            <tr className="projection">
              <th scope="row" colSpan={2}>{t('estimate.projection')}</th>
              <td className="num" data-testid="cycle-projection">{money(cycle.projection.total)}</td>
              {vendorCell(undefined)}
              <td><span className="explanation">{cycle.projection.message ? explanationText(cycle.projection.message, t, locale) : cycle.projection.text}</span></td>
            </tr>
          )}
        </tfoot>
      </table>
      {cycle.cap?.applied && (
        <p className={cycle.cap.beyondTolerance ? 'panel error' : 'hint'} role={cycle.cap.beyondTolerance ? 'alert' : undefined}>
          {t(cycle.cap.beyondTolerance ? 'estimate.cap.beyond' : 'estimate.cap.applied', {
            charged: money(cycle.cap.charged), cap: money(cycle.cap.amount), tolerance: cycle.cap.tolerancePercent,
          })}
        </p>
      )}
    </section>
  );
};
