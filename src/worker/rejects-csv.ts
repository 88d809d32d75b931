/** Rejected rows as CSV text (RFC 4180 quoting): header `line,reason,raw`. */
import type { RejectedRow } from '../import/types';

/** Quotes a field when it holds a comma, quote, CR or LF, or starts/ends with a space; quotes are doubled. */
export const csvField = (value: string | number): string => {
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/**
 * `withFile` (a dataset of several files, where line numbers are per file): header `file,line,reason,raw`, each row
 * with the file its line is in.
 */
export const rejectsToCsv = (rows: readonly RejectedRow[], withFile = false): string =>
  [withFile ? 'file,line,reason,raw' : 'line,reason,raw', ...rows.map((r) =>
    [...(withFile ? [csvField(r.file ?? '')] : []), csvField(r.line), csvField(r.reason), csvField(r.raw)].join(','))].join('\r\n') + '\r\n';
