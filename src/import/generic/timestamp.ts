/**
 * Timestamps of the generic preset, parsed by hand (charCodeAt, no regex, no Date objects per row):
 * - ISO-8601 with an offset or Z: `2026-09-01T10:00:00-03:00`, `2026-09-01 10:00:00.250Z`, `+0300`, `+03`;
 * - naive ISO (`2026-09-01T10:00`, `2026-09-01 10:00:00`, `2026-09-01`): read in the import's time zone;
 * - epoch seconds or milliseconds: digits only; a value >= 1e11 is milliseconds.
 * Returns epoch milliseconds, or NaN when the text is not one of these.
 */
import type { ZoneClock } from '../time-zone';

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
};

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** Value of `n` digits at `pos`, or -1 when any is not a digit. */
const digits = (s: string, pos: number, n: number): number => {
  let v = 0;
  for (let i = pos; i < pos + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
};

const parseEpoch = (s: string): number => {
  if (s.length > 16) return NaN;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  const v = Number(s);
  return v >= 1e11 ? v : v * 1000;
};

/** Parses the offset suffix at `pos` (Z, ±HH:MM, ±HHMM, ±HH); returns offset ms, or NaN when malformed. */
const parseOffset = (s: string, pos: number): number => {
  const len = s.length;
  const c = s.charCodeAt(pos);
  if ((c === 90 || c === 122) && pos + 1 === len) return 0; // Z z
  if (c !== 43 && c !== 45 && c !== 0x2212) return NaN; // + - (and the Unicode minus)
  const sign = c === 43 ? 1 : -1;
  const hh = digits(s, pos + 1, 2);
  let mm = 0;
  const rest = len - (pos + 3);
  if (rest === 3 && s.charCodeAt(pos + 3) === 58) mm = digits(s, pos + 4, 2);
  else if (rest === 2) mm = digits(s, pos + 3, 2);
  else if (rest !== 0) return NaN;
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return NaN;
  return sign * (hh * 60 + mm) * 60_000;
};

export const parseTimestamp = (s: string, clock: ZoneClock): number => {
  const len = s.length;
  if (len === 0) return NaN;
  if (len < 10 || s.charCodeAt(4) !== 45) return parseEpoch(s);
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 2);
  const d = digits(s, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || s.charCodeAt(7) !== 45 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  let ms = daysFromCivil(y, mo, d) * DAY_MS;
  if (len === 10) return clock.localToUtc(ms);
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return NaN; // T t space
  const h = digits(s, 11, 2);
  const mi = digits(s, 14, 2);
  if (h < 0 || h > 23 || s.charCodeAt(13) !== 58 || mi < 0 || mi > 59) return NaN;
  ms += h * 3_600_000 + mi * 60_000;
  let pos = 16;
  if (pos < len && s.charCodeAt(pos) === 58) {
    const sec = digits(s, pos + 1, 2);
    if (sec < 0 || sec > 59) return NaN;
    ms += sec * 1000;
    pos += 3;
    if (pos < len && (s.charCodeAt(pos) === 46 || s.charCodeAt(pos) === 44)) {
      pos++;
      let scale = 100;
      const start = pos;
      while (pos < len) {
        const c = s.charCodeAt(pos) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        pos++;
      }
      if (pos === start) return NaN;
      ms = Math.floor(ms);
    }
  }
  if (pos === len) return clock.localToUtc(ms);
  if (s.charCodeAt(pos) === 32) pos++;
  const offset = parseOffset(s, pos);
  return Number.isNaN(offset) ? NaN : ms - offset;
};
