/** Intl formatting for the UI. Money arrives from the engine as exact decimal strings and is only displayed here. */

export const formatMoney = (amount: string, currency: string, locale: string): string => {
  // Intl.NumberFormat accepts decimal strings exactly (no float conversion) in current engines.
  const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: decimalsOf(amount) });
  return fmt.format(amount as unknown as number);
};

const decimalsOf = (amount: string): number => {
  const dot = amount.indexOf('.');
  return dot < 0 ? 0 : Math.min(20, amount.length - dot - 1);
};

export const formatNumber = (n: number, locale: string, maxDecimals = 2): string =>
  new Intl.NumberFormat(locale, { maximumFractionDigits: maxDecimals }).format(n);

/** A number with exactly `digits` decimals, in the locale's notation (2.5 / 2,5). */
export const formatFixed = (n: number, locale: string, digits: number): string =>
  new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

export const formatDate = (ms: number, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(ms);

/** A calendar month given as 'yyyy-MM' ("Nov 2026", "nov. de 2026"); anything else is shown as given. */
export const formatMonth = (yyyyMm: string, locale: string): string => {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm);
  if (!m) return yyyyMm;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
};

export const formatBytes = (bytes: number, locale: string): string => {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) { v /= 1000; i++; }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v)} ${units[i]}`;
};

/** A percentage (12.5 = 12.5 %) in the locale's notation; `signed` shows + for increases. */
export const formatPercent = (pct: number, locale: string, signed = false): string =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(pct / 100);
