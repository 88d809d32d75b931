/**
 * One import, start to finish: begin a dataset, stream chunks into it, finish it, or discard everything it wrote.
 * Returns a Result: aborts, whole-file errors, quota and anything unexpected all become Failure values.
 */
import { importPseudonymKey } from './privacy';
import { importCsv } from '../import/import-csv';
import type { ImportProgress, ImportSink } from '../import/types';
import { appendChunk, beginDataset, discardDataset, finishDataset } from '../storage/datasets-repo';
import type { TarifaDb } from '../storage/db';
import { toDatasetSummary } from './dataset-summary';
import { createRejectTally, nothingImportedFailure, toFailure } from './failure';
import { withImportLock } from './import-lock';
import type { DatasetSummary, Result } from './types';

export type ImportJob = {
  source: Blob;
  name: string;
  timeZone: string;
  files: { name: string; size: number }[];
};

export type ImportContext = { db: TarifaDb; now: () => number; newId: () => string };

const abortError = (): DOMException => new DOMException('Import cancelled.', 'AbortError');

/** Calls a (possibly proxied) progress callback without letting its failure or its promise escape. */
const safeProgress = (onProgress: (p: ImportProgress) => void) => (p: ImportProgress): void => {
  try {
    const r: unknown = onProgress(p);
    if (r instanceof Promise) r.catch(() => undefined);
  } catch {
    // A closed page or released proxy must not break the import.
  }
};

export const runImport = (
  ctx: ImportContext,
  job: ImportJob,
  signal: AbortSignal,
  onProgress: (p: ImportProgress) => void,
): Promise<Result<DatasetSummary>> => {
  const id = ctx.newId();
  return withImportLock(id, async () => {
    let begun = false;
    try {
      if (signal.aborted) throw abortError();
      await beginDataset(ctx.db, { id, name: job.name, createdAt: ctx.now(), preset: 'auto', timeZone: job.timeZone, files: job.files });
      begun = true;
      const tally = createRejectTally();
      const sink: ImportSink = {
        chunk: async (chunk, rejects) => {
          if (signal.aborted) throw abortError();
          tally.add(rejects);
          await appendChunk(ctx.db, id, chunk, rejects);
        },
        progress: safeProgress(onProgress),
      };
      const summary = await importCsv(job.source, {
        preset: 'auto', timeZone: job.timeZone, pseudonymKey: await importPseudonymKey(ctx.db),
      }, sink, signal);
      if (signal.aborted) throw abortError();
      if (summary.imported === 0) {
        await discardDataset(ctx.db, id);
        begun = false;
        return { ok: false, error: nothingImportedFailure(tally, summary) };
      }
      const row = await finishDataset(ctx.db, id, summary);
      return { ok: true, value: toDatasetSummary(row) };
    } catch (error) {
      if (begun) await discardDataset(ctx.db, id).catch(() => undefined);
      return { ok: false, error: toFailure(error, signal.aborted) };
    }
  });
};
