/** Turns whatever an import or estimate threw into a Failure value: nothing raw crosses the worker boundary. */
import { isPricingError } from '../engine/estimate/pricing-error';
import { ImportError, type RejectedRow } from '../import/types';
import { isQuotaError } from '../storage/quota';
import type { Failure } from './types';

export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';

const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : 'unknown error';

export const QUOTA_MESSAGE =
  'Browser storage is full, so the import was stopped and nothing was kept. Delete a dataset or free disk space, then try again.';

/** `aborted`: the job's AbortSignal fired; whatever was thrown afterwards is reported as a cancellation. */
export const toFailure = (error: unknown, aborted = false): Failure => {
  if (aborted || isAbortError(error)) return { code: 'cancelled', message: 'Import cancelled; nothing was kept.' };
  if (error instanceof ImportError || errorName(error) === 'ImportError') {
    const { line, detail } = error as ImportError;
    return { code: 'bad-file', message: errorMessage(error), ...(typeof line === 'number' ? { line } : {}), ...(detail ? { detail } : {}) };
  }
  if (isQuotaError(error)) return { code: 'quota', message: QUOTA_MESSAGE };
  // A rate card without a rate for a key the data has: the plan is at fault, and each key is named.
  if (isPricingError(error)) return { code: 'invalid-plan', message: errorMessage(error), issues: error.issues };
  if (errorName(error) === 'NotReadableError' || errorName(error) === 'NotFoundError') {
    return { code: 'bad-file', message: 'The file could not be read (it may have been moved or changed). Choose it again.', detail: { code: 'unreadable' } };
  }
  return { code: 'internal', message: `Unexpected error: ${errorMessage(error)}`, detail: { code: 'unexpected', params: { error: errorMessage(error) } } };
};

/**
 * Tallies rejects by the field their reason names ("timestamp: cannot read ..." -> "timestamp"), keeping the first
 * example of each, so a file where nothing imported can say why in one message.
 */
export const createRejectTally = () => {
  const groups = new Map<string, { count: number; first: RejectedRow }>();
  let total = 0;
  return {
    add(rows: readonly RejectedRow[]): void {
      for (const row of rows) {
        total++;
        const colon = row.reason.indexOf(':');
        const key = colon > 0 ? row.reason.slice(0, colon) : row.reason;
        const group = groups.get(key);
        if (group) group.count++;
        else groups.set(key, { count: 1, first: row });
      }
    },
    get total(): number {
      return total;
    },
    /** The reject with the lowest line number, if any. */
    get first(): RejectedRow | undefined {
      let first: RejectedRow | undefined;
      for (const g of groups.values()) if (first === undefined || g.first.line < first.line) first = g.first;
      return first;
    },
    /** First line of the first reject seen, if any. */
    get firstLine(): number | undefined {
      let line: number | undefined;
      for (const g of groups.values()) if (line === undefined || g.first.line < line) line = g.first.line;
      return line;
    },
    /** "timestamp: 80 rows (first at line 2: timestamp: cannot read ...); contact: 40 rows (...)". */
    describe(maxGroups = 3): string {
      const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count);
      const parts = sorted.slice(0, maxGroups).map(([key, g]) =>
        `${key}: ${g.count} ${g.count === 1 ? 'row' : 'rows'} (first at line ${g.first.line}: ${g.first.reason})`);
      const rest = sorted.length - maxGroups;
      return parts.join('; ') + (rest > 0 ? `; and ${rest} other ${rest === 1 ? 'reason' : 'reasons'}` : '');
    },
  };
};

/** The failure for an import that finished without a single event. */
export const nothingImportedFailure = (
  tally: ReturnType<typeof createRejectTally>,
  summary: { rowsRead: number; duplicates: number },
): Failure => {
  if (tally.total > 0) {
    const line = tally.firstLine;
    const first = tally.first;
    return {
      code: 'bad-file',
      message: `No rows could be imported: all ${tally.total} data ${tally.total === 1 ? 'row was' : 'rows were'} rejected. ${tally.describe()}.`,
      ...(line !== undefined ? { line } : {}),
      detail: first ? { code: 'all-rejected', params: { count: tally.total, line: first.line, reason: first.reason } } : { code: 'all-rejected-none', params: { count: tally.total } },
    };
  }
  if (summary.duplicates > 0) {
    return {
      code: 'bad-file', message: `No rows could be imported: all ${summary.duplicates} rows were duplicates of earlier rows.`,
      detail: { code: 'all-duplicates', params: { count: summary.duplicates } },
    };
  }
  return { code: 'bad-file', message: 'The file has no data rows to import.', detail: { code: 'no-rows' } };
};
