import { useId, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { ChartCanvas, type ChartSeries } from './ChartCanvas';

type Props = {
  title: string;
  groupingLabel: string;
  /** Short labels for the axis and long ones for the table, one per bucket. */
  labels: string[];
  longLabels: string[];
  series: ChartSeries[];
  format: (n: number) => string;
};

/** A chart over time with a Table toggle that shows the same numbers (also the accessible view of the chart). */
export const UsageChart = ({ title, groupingLabel, labels, longLabels, series, format }: Props) => {
  const t = useT();
  const [table, setTable] = useState(false);
  const captionId = useId();
  return (
    <figure className="panel usage-chart" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>{title}</h3>
        <button type="button" className="secondary small" aria-pressed={table} onClick={() => setTable(!table)}>{t('chart.table')}</button>
      </figcaption>
      {table ? (
        <div className="table-scroll">
          <table aria-label={title}>
            <thead>
              <tr>
                <th scope="col">{t('chart.period')}</th>
                {series.map((s) => <th key={s.label} scope="col" className="num">{s.label}</th>)}
              </tr>
            </thead>
            <tbody>
              {longLabels.map((label, i) => (
                <tr key={label + i}>
                  <th scope="row">{label}</th>
                  {series.map((s) => <td key={s.label} className="num">{format(s.values[i])}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <ChartCanvas xLabel={groupingLabel} labels={labels} series={series} format={format}
          ariaLabel={t('chart.aria', { title, grouping: groupingLabel.toLowerCase(), count: labels.length })} />
      )}
    </figure>
  );
};
