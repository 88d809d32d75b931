import type { Allocation } from '../../../worker/types';
import { EventSample } from '../estimate/EventSample';
import { formatMoney, formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';

type Props = { allocation: Allocation; centre: string; datasetId: string | null };

/** One centre's drill-down: its part of every line with the driver units behind it, and a sample of its events. */
export const CentreDetails = ({ allocation, centre, datasetId }: Props) => {
  const t = useT();
  const locale = useLocale();
  const slot = allocation.centres.findIndex((c) => c.id === centre);
  const c = allocation.centres[slot];
  if (!c) return null;
  const name = c.unattributed ? t('split.result.unattributedCentre') : c.label;
  const samples = c.unattributed ? allocation.unattributedEvents.sampleEvents : c.sampleEvents;
  return (
    <div className="centre-details" data-testid={`details-${c.id}`}>
      <table className="lines">
        <thead>
          <tr>
            <th scope="col">{t('split.result.line')}</th>
            <th scope="col" className="num">{t('split.result.amount')}</th>
            <th scope="col" className="num">{t('split.result.ratio')}</th>
            <th scope="col">{t('split.result.method')}</th>
          </tr>
        </thead>
        <tbody>
          {allocation.cycles.flatMap((cycle) => cycle.lines.map((line) => {
            const part = line.parts[slot];
            return (
              <tr key={`${cycle.start}-${line.charge}-${line.key ?? ''}-${line.label}`}>
                <th scope="row">{line.label}{allocation.cycles.length > 1 ? ` (${cycle.start.slice(0, 10)})` : ''}</th>
                <td className="num">{formatMoney(part.amount, allocation.currency, locale)}</td>
                <td className="num">{part.ratio}</td>
                <td>
                  {part.units !== undefined && line.meter && <span>{t('split.result.units', { units: formatNumber(part.units, locale, 4), meter: line.meter })} · </span>}
                  <span className="explanation">{line.method}</span>
                </td>
              </tr>
            );
          }))}
        </tbody>
      </table>
      {datasetId && samples.length > 0 && (
        <>
          <h4>{t('split.result.sample', { name })}</h4>
          <EventSample datasetId={datasetId} indices={samples} />
        </>
      )}
    </div>
  );
};
