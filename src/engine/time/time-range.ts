/** Earliest and latest of the first `n` timestamps (epoch ms); { Infinity, -Infinity } when n is 0. */
export const timeRange = (ts: Float64Array, n: number): { min: number; max: number } => {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = ts[i];
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return { min, max };
};
