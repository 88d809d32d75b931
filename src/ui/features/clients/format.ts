/** Display helpers of the clients page: period names and the offer's value formatting, in the UI's language. */
import type { OfferFormat } from '../../../engine/offers/values';
import type { Period } from '../../../worker/types';
import { formatMoney } from '../../i18n/format';

/** "October 2026" for a calendar month; "Sep 5, 2026 – Oct 4, 2026" for a billing cycle (end day inclusive). */
export const periodLabel = (p: Pick<Period, 'start' | 'end'>, kind: 'month' | 'cycle', locale: string, timeZone: string): string => {
  if (kind === 'month') return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone }).format(p.start);
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  return `${fmt.format(p.start)} – ${fmt.format(p.end - 1)}`;
};

/** A decimal string shown in the locale's notation without going through money arithmetic (display only). */
export const decimalText = (value: string, locale: string): string => {
  const decimals = value.includes('.') ? value.split('.')[1].length : 0;
  return new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value as unknown as number);
};

export const offerFormat = (locale: string, currency: string, timeZone: string, kind: 'month' | 'cycle', perMinute: string): OfferFormat => ({
  money: (amount) => formatMoney(amount, currency, locale),
  number: (value) => decimalText(value, locale),
  percent: (value) => `${decimalText(value, locale)} %`,
  period: (start, end) => periodLabel({ start, end }, kind, locale, timeZone),
  perMinute,
});
