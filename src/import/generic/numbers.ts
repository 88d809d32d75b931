/** Numbers of the generic preset: plain decimals with '.', and exact prices as integer micro-units. */

/** True when `s` is `[+-]digits[.digits]` or `[+-].digits` (no exponent, no thousands separators, no spaces). */
const isPlainDecimal = (s: string): boolean => {
  const len = s.length;
  let i = 0;
  const first = s.charCodeAt(0);
  if (first === 43 || first === 45) i = 1;
  let seen = 0;
  let dot = false;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) seen++;
    else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return seen > 0;
};

/** A plain decimal number, or NaN when `s` is not one. `s` must already be trimmed and non-empty. */
export const parsePlainNumber = (s: string): number => (isPlainDecimal(s) ? Number(s) : NaN);

/** Largest integer part accepted for a price: keeps micro-units below 2^53. */
const MAX_INT_DIGITS = 9;

/**
 * An exact decimal string as integer micro-units (1e-6), by digit arithmetic only: '-0.0075' -> -7500,
 * '12' -> 12000000. Digits beyond the sixth decimal are rounded half away from zero ('0.0000005' -> 1).
 * Returns NaN when `s` is not a plain decimal or its integer part exceeds 9 digits.
 */
export const parseDecimalMicros = (s: string): number => {
  if (!isPlainDecimal(s)) return NaN;
  let i = 0;
  let negative = false;
  const first = s.charCodeAt(0);
  if (first === 43 || first === 45) {
    negative = first === 45;
    i = 1;
  }
  const dot = s.indexOf('.', i);
  let intPart = dot === -1 ? s.slice(i) : s.slice(i, dot);
  const frac = dot === -1 ? '' : s.slice(dot + 1);
  let k = 0;
  while (k < intPart.length - 1 && intPart.charCodeAt(k) === 48) k++;
  intPart = intPart.slice(k);
  if (intPart.length > MAX_INT_DIGITS) return NaN;
  const frac6 = (frac + '000000').slice(0, 6);
  let micros = Number((intPart || '0') + frac6);
  if (frac.length > 6 && frac.charCodeAt(6) >= 53) micros += 1;
  return negative && micros !== 0 ? -micros : micros;
};
