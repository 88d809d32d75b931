/**
 * Second chances for values the fast parsers refuse, tried only after they fail (so well-formed files pay nothing):
 * decimal commas ('0,0075', '1.234,56'), thousands separators ('1,234.5'), clock durations ('00:03:21'),
 * day/month dates in a known order ('31/12/2026 23:59', '12/31/2026 11:59 PM'), and RFC 2822 dates with an offset.
 */
import type { ZoneClock } from '../time-zone';
import { daysFromCivil } from './timestamp';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/**
 * `raw` as a plain decimal ('1.5'), or null. A comma is the decimal mark when `decimalComma` (a ';'-separated file)
 * or when it is the only separator and not a thousands group ('0,0075', '12,5'; not '1,234').
 */
export const decimalText = (raw: string, decimalComma: boolean): string | null => {
  const s = raw.replace(/[\s\u00a0]/g, '');
  if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(s) && decimalComma) return s.replace(/\./g, '').replace(',', '.');
  if (/^[+-]?\d*,\d+$/.test(s) && (decimalComma || !/^[+-]?\d{1,3},\d{3}$/.test(s))) return s.replace(',', '.');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) && !decimalComma) return s.replace(/,/g, '');
  return null;
};

/** '01:02:03' / '02:03' as seconds (fractions kept), or NaN. */
export const clockSeconds = (raw: string): number => {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2}(?:[.,]\d+)?)$/.exec(raw.trim());
  if (!m) return NaN;
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3].replace(',', '.'));
};

const DATE = /^(\d{1,4})[/.-](\d{1,2})[/.-](\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,3})\d*)?)?\s*([ap]\.?m\.?)?)?$/i;

const daysIn = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A day/month date in `order`, naive (read in `clock`'s zone); NaN when it does not read. */
export const parseOrderedDate = (s: string, order: DateOrder, clock: ZoneClock): number => {
  const m = DATE.exec(s);
  if (!m) return NaN;
  const a = Number(m[1]);
  const b = Number(m[2]);
  const c = Number(m[3]);
  let y: number;
  let mo: number;
  let d: number;
  if (m[1].length === 4) [y, mo, d] = [a, b, c];
  else if (order === 'ymd') return NaN;
  else [d, mo, y] = order === 'dmy' ? [a, b, c] : [b, a, c];
  if (m[3].length === 2 && m[1].length !== 4) y += 2000;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return NaN;
  let h = m[4] === undefined ? 0 : Number(m[4]);
  const ampm = m[8]?.[0].toLowerCase();
  if (ampm !== undefined) {
    if (h < 1 || h > 12) return NaN;
    h = (h % 12) + (ampm === 'p' ? 12 : 0);
  }
  const mi = m[5] === undefined ? 0 : Number(m[5]);
  const sec = m[6] === undefined ? 0 : Number(m[6]);
  if (h > 23 || mi > 59 || sec > 59) return NaN;
  const ms = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0'));
  return clock.localToUtc(daysFromCivil(y, mo, d) * 86_400_000 + h * 3_600_000 + mi * 60_000 + sec * 1000 + ms);
};

/** 'Tue, 01 Sep 2026 10:00:00 +0000' and other texts with a month name and an explicit offset; NaN otherwise. */
export const parseNamedMonthDate = (s: string): number =>
  /[a-z]{3}/i.test(s) && /(GMT|UTC|Z|[+-]\d{2}:?\d{2})$/i.test(s.trim()) ? Date.parse(s) : NaN;

/**
 * The day/month order of the dates in `samples`: 'dmy' when a first part exceeds 12, 'mdy' when a second part does,
 * 'ymd' when they start with the year; null when no sample is such a date; 'ambiguous' when nothing decides
 * (or the samples contradict each other).
 */
export const guessDateOrder = (samples: readonly string[]): DateOrder | 'ambiguous' | null => {
  let seen = false;
  let dmy = false;
  let mdy = false;
  let ymd = false;
  for (const s of samples) {
    const m = DATE.exec(s.trim());
    if (!m || /^\d{4}-\d\d-\d\d/.test(s.trim())) continue;
    seen = true;
    if (m[1].length === 4) ymd = true;
    else if (Number(m[1]) > 12) dmy = true;
    else if (Number(m[2]) > 12) mdy = true;
  }
  if (!seen) return null;
  if (ymd && !dmy && !mdy) return 'ymd';
  if (dmy !== mdy) return dmy ? 'dmy' : 'mdy';
  return 'ambiguous';
};
