import { useMemo } from 'react';
import type { Metric } from '../../../engine/consumption/types';
import type { ConsumptionResult } from '../../../worker/types';
import type { MessageKey } from '../../i18n/en';
import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import type { ChartSeries } from './ChartCanvas';
import { periodLabels } from './period-labels';
import { UsageChart } from './UsageChart';

const COLORS = ['#0f5257', '#e07a1f', '#6b4fbb', '#2e8540', '#c62b5b', '#5b6670'];
const KNOWN_CATEGORIES = ['marketing', 'utility', 'authentication', 'authentication_international', 'service'];
const OTHER: readonly Metric[] = ['smsSegments', 'videoMinutes', 'email', 'botSessions'];

/** The charts over time, per service: messages in/out, WhatsApp templates by category, voice, other services. */
export const DashboardCharts = ({ result }: { result: ConsumptionResult }) => {
  const t = useT();
  const locale = useLocale();
  const groupingLabel = t(`dash.grouping.${result.grouping}`);
  const charts = useMemo(() => {
    const fmt = periodLabels(result.grouping, locale, result.timeZone);
    const labels = result.starts.map((s) => fmt.short(s));
    const longLabels = result.starts.map((s, i) => fmt.long(s, result.ends[i]));
    const metric = (m: Metric, color: string): ChartSeries => ({ label: t(`metric.${m}`), values: result.series[m], color });
    const whole = (n: number) => formatNumber(n, locale, 0);
    const tenth = (n: number) => formatNumber(n, locale, 1);
    const categoryLabel = (c: string) => (c === '' ? t('category.none') : KNOWN_CATEGORIES.includes(c) ? t(`category.${c}` as MessageKey) : c);
    const out = [
      { key: 'messages', title: t('chart.messages'), series: [metric('messagesIn', COLORS[0]), metric('messagesOut', COLORS[1])], format: whole },
    ];
    if (result.categories.length > 0) {
      out.push({
        key: 'categories',
        title: t('chart.categories'),
        series: result.categories.map((c, i) => ({ label: categoryLabel(c), values: result.byCategory[i], color: COLORS[(i + 2) % COLORS.length] })),
        format: whole,
      });
    }
    if (result.totals.calls > 0 || result.previous.calls > 0) {
      out.push({ key: 'voice', title: t('chart.voice'), series: [metric('voiceMinutes', COLORS[2]), metric('calls', COLORS[3])], format: tenth });
    }
    const other = OTHER.filter((m) => result.totals[m] > 0);
    if (other.length > 0) {
      out.push({ key: 'other', title: t('chart.other'), series: other.map((m, i) => metric(m, COLORS[(i + 3) % COLORS.length])), format: tenth });
    }
    return out.map((c) => ({ ...c, labels, longLabels }));
  }, [result, locale, t]);
  return (
    <div className="charts">
      {charts.map((c) => (
        <UsageChart key={c.key} title={c.title} groupingLabel={groupingLabel} labels={c.labels} longLabels={c.longLabels} series={c.series} format={c.format} />
      ))}
    </div>
  );
};
