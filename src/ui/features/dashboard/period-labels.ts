import type { Grouping } from '../../../state/dashboard-slice';

export type PeriodLabels = {
  /** Short label for a chart axis: "5 Oct", "Oct 2026". */
  short(start: number): string;
  /** Full label for a table row: "Oct 5, 2026", "Oct 5 – 11, 2026", "October 2026". */
  long(start: number, end: number): string;
};

/** Formatters built once per render (never per event), in the dataset's zone and the UI locale. */
export const periodLabels = (grouping: Grouping, locale: string, timeZone: string): PeriodLabels => {
  const dayShort = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  const dayLong = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const monthShort = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone });
  const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone });
  return {
    short: (start) => (grouping === 'month' ? monthShort : dayShort).format(start),
    long: (start, end) => {
      if (grouping === 'day') return dayLong.format(start);
      if (grouping === 'month') return monthLong.format(start);
      return dayLong.formatRange(start, Math.max(start, end - 1));
    },
  };
};
