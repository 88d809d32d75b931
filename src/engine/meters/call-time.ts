/**
 * Billable seconds of one call under `increments: [first, next]`: a call of d > 0 seconds bills `first` seconds,
 * then the rest rounded up to whole multiples of `next` ([60, 60] = whole minutes rounded up: 80 s -> 120 s).
 * A call of 0 s, a negative or an empty (NaN) duration bills nothing.
 */
export const billableSeconds = (duration: number, first: number, next: number): number => {
  if (!(duration > 0)) return 0;
  if (duration <= first) return first;
  return first + Math.ceil((duration - first) / next) * next;
};
