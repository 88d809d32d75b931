/**
 * Exact decimal arithmetic for money, over big.js. Amounts and prices are decimal strings ("0.0625") and never pass
 * through JS floats. Quantities are JS numbers (they come from typed-array sums and may carry float noise), so
 * `quantityToDecimal` converts them with a fixed rounding to QUANTITY_DECIMALS places.
 */
import BigJs from 'big.js';
import type { Big } from 'big.js';

export type { Big } from 'big.js';

/**
 * An independent big.js constructor for the engine, so that nobody else's global settings change ours.
 * DP (decimal places kept by division) is generous: every money result is rounded explicitly afterwards.
 */
export const Dec = BigJs();
Dec.DP = 30;
Dec.RM = 1;

/** Rounding modes of the plan file: 'up' is away from zero, 'down' toward zero, 'half-up' is half away from zero. */
export const ROUNDING_MODES = ['half-up', 'half-even', 'up', 'down'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export type Rounding = { decimals: number; mode: RoundingMode };

export const DEFAULT_ROUNDING: Rounding = { decimals: 2, mode: 'half-up' };

/** big.js rounding-mode codes: 0 toward zero, 1 half away from zero, 2 half even, 3 away from zero. */
const RM: Record<RoundingMode, 0 | 1 | 2 | 3> = { down: 0, 'half-up': 1, 'half-even': 2, up: 3 };

/** Quantities (JS numbers) are rounded half-up to this many decimals when they enter decimal arithmetic. */
export const QUANTITY_DECIMALS = 9;

/** A plain decimal string: optional minus, digits, optional fraction. No exponents, no spaces, no thousands separators. */
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

export const isDecimalString = (value: string): boolean => DECIMAL_RE.test(value);

/** Parses a decimal string; throws on anything that is not one (validate plans before pricing). */
export const dec = (value: string | number | Big): Big => {
  if (typeof value === 'string' && !isDecimalString(value)) throw new Error(`not a decimal string: '${value}'`);
  return new Dec(value);
};

export const ZERO: Big = new Dec(0);

/** A quantity (JS number, possibly with float noise) as an exact decimal, rounded to QUANTITY_DECIMALS. */
export const quantityToDecimal = (q: number): Big => {
  if (!Number.isFinite(q)) throw new Error(`not a finite quantity: ${q}`);
  return new Dec(q.toFixed(QUANTITY_DECIMALS));
};

/** Rounds to `decimals` places with the given mode. */
export const roundDecimal = (value: Big, rounding: Rounding): Big =>
  value.round(rounding.decimals, RM[rounding.mode]);

/** Formats with exactly `decimals` places (no grouping), after rounding with `mode`; never yields "-0.00". */
export const formatDecimal = (value: Big, rounding: Rounding = DEFAULT_ROUNDING): string => {
  const s = roundDecimal(value, rounding).toFixed(rounding.decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
};

/** Rounds and formats a money amount per the plan's rounding: the string every amount in a result carries. */
export const money = (value: Big, rounding: Rounding): string => formatDecimal(value, rounding);

/** Sum of decimals. */
export const sumDecimals = (values: readonly Big[]): Big => values.reduce((a, b) => a.plus(b), ZERO);

/** Unrounded decimal as a plain string (no exponent notation). */
export const plainDecimal = (value: Big): string => {
  const s = value.toFixed();
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
};

/** Human rule text, e.g. "2 decimals, half-up". */
export const roundingRule = (rounding: Rounding): string =>
  `${rounding.decimals} decimal${rounding.decimals === 1 ? '' : 's'}, ${rounding.mode}`;

/**
 * A price for display: at least `minDecimals` places, more when the price itself has more ("0.0625" stays).
 * Grouped with ',' in the integer part (locale-neutral; the UI localises from structured fields).
 */
export const displayPrice = (value: Big, minDecimals: number): string => {
  const own = plainDecimal(value);
  const frac = own.includes('.') ? own.split('.')[1].length : 0;
  return groupThousands(value.toFixed(Math.max(frac, minDecimals)));
};

/** "1234567.5" -> "1,234,567.5"; accepts numbers too (quantities in explanation text). */
export const groupThousands = (value: string | number): string => {
  const s = typeof value === 'number' ? plainDecimal(quantityToDecimal(value)) : value;
  const neg = s.startsWith('-');
  const [int, frac] = (neg ? s.slice(1) : s).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
};
