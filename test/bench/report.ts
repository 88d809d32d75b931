/** Formatting for the benchmark's printout. */

export const best = <T extends { ms: number }>(runs: readonly T[]): T | undefined =>
  runs.reduce<T | undefined>((b, r) => (b === undefined || r.ms < b.ms ? r : b), undefined);

export const fmtSec = (ms: number): string => (ms < 1000 ? `${ms.toFixed(0)} ms` : `${(ms / 1000).toFixed(2)} s`);
export const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fmtMB = (mb: number): string => `${mb.toFixed(0)} MB`;
export const fmtBytes = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GiB` : `${(bytes / 1024 ** 2).toFixed(1)} MiB`;

export const RATIO_LABEL_WIDTH = 56;
export const ratioLine = (label: string, ratio: number): string => `  ${label.padEnd(RATIO_LABEL_WIDTH)} ${ratio.toFixed(2)}x`;

/** A plain-text table, columns padded; numbers-looking columns (all but the first two and the last) right-aligned. */
export const table = (head: string[], rows: string[][]): string => {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const right = head.map((_, c) => c >= 2 && c < head.length - 1);
  const line = (cells: string[]) =>
    cells.map((cell, c) => (right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
};
