/**
 * One import job, start to finish: one or several files into a new dataset, or appended to a ready one, in one pass
 * with one progress (bytes and rows over all the files) and one cancel.
 *
 * - New dataset: begin it ('importing'), stream every file's chunks into it through one ColumnBuilder (shared
 *   dictionaries, chunk numbering and duplicate-id detection across the files), finish it; on any failure or cancel,
 *   discard it whole.
 * - Append: seed a ColumnBuilder with the dataset's stored dictionaries and ids, stage the new chunks past its
 *   chunkCount (invisible to every read), then commit counts, files and chunkCount in one transaction; on any failure
 *   or cancel, roll the staged chunks back: the dataset stays exactly as it was.
 *
 * The same file twice: each file's SHA-256 is computed while it is read and kept in the dataset's `files`. A file
 * whose size matches a file already in the target (any dataset, for a new one; or earlier in this job) is hashed
 * first, and skipped when the hash matches, unless `force`.
 *
 * Returns a Result: aborts, whole-file errors (naming the file), quota and anything unexpected become Failures.
 */
import { importPseudonymKey, workspacePseudonymKey } from './privacy';
import { STRING_FIELDS } from '../engine/events';
import { ColumnBuilder } from '../import/column-builder';
import { contentHash } from '../import/file-hash';
import { importCsv } from '../import/import-csv';
import { isPresetChoice } from '../import/presets/types';
import type { ImportOptions, ImportProgress, ImportSink, ImportSummary, RejectedRow } from '../import/types';
import {
  appendChunk, beginDataset, commitAppend, discardDataset, eachDictAppend, finishDataset, getDataset, listDatasets,
  rollbackAppend, stageChunk,
} from '../storage/datasets-repo';
import type { DatasetFile, DatasetRow, TarifaDb } from '../storage/db';
import { toDatasetSummary } from './dataset-summary';
import { createRejectTally, nothingImportedFailure, toFailure } from './failure';
import { withImportLock } from './import-lock';
import { customPresetOptions } from './mapping';
import type { FileReport, ImportReport, Result } from './types';

export type ImportJob = {
  /** The files, imported one after another in this order. */
  sources: { source: Blob; name: string }[];
  /** Name of a new dataset (ignored when appending). */
  name: string;
  /** Zone of naive timestamps for a new dataset (an append uses the dataset's). */
  timeZone: string;
  /** Append to this ready dataset instead of creating one. */
  datasetId?: string;
  /** Import files whose content is already in the target all the same. */
  force?: boolean;
  /** Extra import options (a custom mapping, the saved custom presets), passed through to every file. */
  options?: Pick<ImportOptions, 'mapping' | 'customPresets'>;
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

/** A known file: where it already is. */
type KnownFile = { size: number; sha256?: string; dataset: string; file: string };

/**
 * A builder that continues a stored dataset: its dictionaries and ids re-coded in stored order (so every stored
 * code keeps its meaning), read one chunk at a time; the next chunk it flushes is the dataset's chunkCount.
 */
const continueDataset = async (db: TarifaDb, dataset: DatasetRow, key: Uint8Array | null): Promise<ColumnBuilder> => {
  const builder = new ColumnBuilder();
  let first = true;
  const extraSlots = new Map<string, number>();
  await eachDictAppend(db, dataset.id, (dictAppend) => {
    for (const field of STRING_FIELDS) {
      const list = dictAppend[field];
      // The first chunk's lists start with '' (code 0), which the builder already has.
      for (let k = first ? 1 : 0; k < list.length; k++) {
        if (field === 'id') builder.idCode(list[k]);
        else builder.code(field, list[k]);
      }
    }
    // Extra columns (col:<header>): the same, each from the chunk it first appears in (whose list starts with '').
    for (const [name, list] of Object.entries(dictAppend.extra ?? {})) {
      let slot = extraSlots.get(name);
      const fresh = slot === undefined;
      if (slot === undefined) extraSlots.set(name, (slot = builder.defineExtras([name])[0]));
      if (slot < 0) continue;
      for (let k = fresh ? 1 : 0; k < list.length; k++) builder.extraCode(slot, list[k]);
    }
    first = false;
  });
  builder.flush(); // drops the entries just re-coded: they are stored already
  builder.settleExtras(dataset.ignoredColumns); // kept columns are not judged again; dropped ones stay dropped
  builder.nextChunkIndex = dataset.chunkCount;
  builder.pseudonymKey = key;
  return builder;
};

const fileFailure = (name: string, count: number, error: unknown, aborted: boolean) => {
  const failure = toFailure(error, aborted);
  return count > 1 && failure.code === 'bad-file'
    ? { ...failure, message: `${name}: ${failure.message}`, ...(failure.detail ? { detail: { ...failure.detail, file: name } } : {}) } : failure;
};

export const runImport = (
  ctx: ImportContext,
  job: ImportJob,
  signal: AbortSignal,
  onProgress: (p: ImportProgress) => void,
): Promise<Result<ImportReport>> => {
  const appending = job.datasetId !== undefined;
  const id = job.datasetId ?? ctx.newId();
  const progress = safeProgress(onProgress);
  return withImportLock(id, async () => {
    let begun = false;
    let current = '';
    try {
      if (signal.aborted) throw abortError();
      if (job.sources.length === 0) return { ok: false, error: { code: 'bad-file', message: 'No file was given.', detail: { code: 'no-file' } } };
      let target: DatasetRow | undefined;
      let key: Uint8Array | undefined;
      let builder: ColumnBuilder;
      const known: KnownFile[] = [];
      if (appending) {
        target = await getDataset(ctx.db, id);
        if (!target || target.status !== 'ready') return { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };
        await rollbackAppend(ctx.db, id); // what an earlier append left staged (a tab closed mid-append)
        // The dataset's own way of storing contacts, whatever the setting says now: contacts must match.
        key = target.contacts === 'raw' ? undefined : await workspacePseudonymKey(ctx.db);
        builder = await continueDataset(ctx.db, target, key ?? null);
        for (const f of target.files) known.push({ size: f.size, sha256: f.sha256, dataset: target.name, file: f.name });
      } else {
        key = await importPseudonymKey(ctx.db);
        builder = new ColumnBuilder();
        for (const d of await listDatasets(ctx.db)) {
          for (const f of d.files) known.push({ size: f.size, sha256: f.sha256, dataset: d.name, file: f.name });
        }
      }
      if (signal.aborted) throw abortError();
      const timeZone = target?.timeZone ?? job.timeZone;
      const preset = target && isPresetChoice(target.preset) ? target.preset : 'auto';
      const jobName = target?.name ?? job.name;
      if (!appending) {
        await beginDataset(ctx.db, {
          id, name: job.name, createdAt: ctx.now(), preset: 'auto', timeZone,
          files: job.sources.map((s) => ({ name: s.name, size: s.source.size })),
        });
        begun = true;
      }

      const tally = createRejectTally();
      const totalBytes = job.sources.reduce((n, s) => n + s.source.size, 0);
      const started = performance.now();
      let bytesBefore = 0;
      let rows = { read: 0, imported: 0, rejected: 0 };
      let fileIndex = 0;
      const sink: ImportSink = {
        chunk: async (chunk, rejects) => {
          if (signal.aborted) throw abortError();
          const named: RejectedRow[] = rejects.map((r) => ({ ...r, file: current }));
          tally.add(named);
          if (appending) await stageChunk(ctx.db, id, chunk, named);
          else await appendChunk(ctx.db, id, chunk, named);
        },
        progress: (p) => progress({
          ...p, bytesRead: bytesBefore + p.bytesRead, totalBytes, rowsRead: rows.read + p.rowsRead,
          rowsImported: rows.imported + p.rowsImported, rowsRejected: rows.rejected + p.rowsRejected,
          elapsedMs: Math.round(performance.now() - started),
          fileIndex, fileCount: job.sources.length, fileName: current,
        }),
      };

      const reports: FileReport[] = [];
      const summaries: { summary: ImportSummary; file: DatasetFile }[] = [];
      for (; fileIndex < job.sources.length; fileIndex++) {
        const { source, name } = job.sources[fileIndex];
        current = name;
        if (signal.aborted) throw abortError();
        // Same size as a known file: hash first (one extra read, only then), and skip an identical file.
        let hash: string | undefined;
        if (!job.force && known.some((k) => k.size === source.size)) {
          hash = await contentHash(source, signal);
          const same = known.find((k) => k.sha256 === hash);
          if (same) {
            reports.push({
              name, size: source.size, sha256: hash, status: 'already-imported',
              alreadyIn: { dataset: same.dataset, file: same.file },
              rowsRead: 0, imported: 0, rejected: 0, duplicates: 0, summaryRows: 0,
            });
            bytesBefore += source.size;
            continue;
          }
        }
        // The content hash runs in WebCrypto (native, off this thread) while the file is parsed.
        const hashing = hash === undefined ? contentHash(source, signal) : Promise.resolve(hash);
        hashing.catch(() => undefined); // awaited below; a failed import must not leave it unhandled
        const summary = await importCsv(source, {
          // Saved custom presets are detected before the built-ins, unless the job brings its own mapping.
          ...(job.options ?? await customPresetOptions(ctx.db)), preset, timeZone, pseudonymKey: key, dataset: builder,
        }, sink, signal);
        if (signal.aborted) throw abortError();
        const sha256 = await hashing;
        const counts = {
          rowsRead: summary.rowsRead, imported: summary.imported, rejected: summary.rejected,
          duplicates: summary.duplicates, summaryRows: summary.summaryRows,
        };
        summaries.push({ summary, file: { name, size: source.size, sha256, counts, preset: summary.preset } });
        reports.push({ name, size: source.size, sha256, status: 'imported', preset: summary.preset, ...counts });
        known.push({ size: source.size, sha256, dataset: jobName, file: name });
        bytesBefore += source.size;
        rows = { read: rows.read + summary.rowsRead, imported: rows.imported + summary.imported, rejected: rows.rejected + summary.rejected };
      }

      const sum = (k: 'rowsRead' | 'imported' | 'rejected' | 'duplicates' | 'summaryRows' | 'chunks') =>
        summaries.reduce((n, s) => n + s.summary[k], 0);
      const imported = sum('imported');
      const skipped = reports.filter((r) => r.status === 'already-imported');
      if (summaries.length === 0) {
        // Every file was already imported: nothing to do, and nothing changed.
        if (begun) await discardDataset(ctx.db, id);
        begun = false;
        const list = skipped.map((r) => `${r.name} (in '${r.alreadyIn!.dataset}' as ${r.alreadyIn!.file})`).join(', ');
        return {
          ok: false,
          error: { code: 'already-imported', message: `Already imported, so nothing new was added: ${list}.`, files: reports },
        };
      }
      if (imported === 0) {
        if (begun) await discardDataset(ctx.db, id);
        else await rollbackAppend(ctx.db, id);
        begun = false;
        return { ok: false, error: nothingImportedFailure(tally, { rowsRead: sum('rowsRead'), duplicates: sum('duplicates') }) };
      }
      const minTimestamp = Math.min(...summaries.map((s) => s.summary.minTimestamp).filter((t) => !Number.isNaN(t)));
      const maxTimestamp = Math.max(...summaries.map((s) => s.summary.maxTimestamp).filter((t) => !Number.isNaN(t)));
      const ignoredColumns = [...new Set(summaries.flatMap((s) => s.summary.ignoredColumns))];
      const counts = {
        rowsRead: sum('rowsRead'), imported, rejected: sum('rejected'), duplicates: sum('duplicates'),
      };
      let row: DatasetRow;
      if (appending) {
        row = await commitAppend(ctx.db, id, target!.chunkCount, {
          ...counts, files: summaries.map((s) => s.file), ignoredColumns,
          chunks: builder.nextChunkIndex - target!.chunkCount, minTimestamp, maxTimestamp,
        });
      } else {
        const presets = [...new Set(summaries.map((s) => s.summary.preset))];
        row = await finishDataset(ctx.db, id, {
          ...counts, preset: presets.join(' + '), contacts: summaries[0].summary.contacts, ignoredColumns,
          chunks: builder.nextChunkIndex, minTimestamp, maxTimestamp,
          files: [...summaries.map((s) => s.file)],
        });
      }
      begun = false;
      return {
        ok: true,
        value: { dataset: toDatasetSummary(row), appended: appending, files: reports, ...counts, summaryRows: sum('summaryRows') },
      };
    } catch (error) {
      if (begun) await discardDataset(ctx.db, id).catch(() => undefined);
      else if (appending) await rollbackAppend(ctx.db, id).catch(() => undefined);
      return { ok: false, error: fileFailure(current, job.sources.length, error, signal.aborted) };
    }
  });
};
