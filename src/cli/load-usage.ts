/** Reads usage files as Node streams into one dataset (one ColumnBuilder across files) and joins the chunks. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tableFromChunks } from '../engine/events';
import type { EventChunk, EventTable } from '../engine/events';
import { ColumnBuilder } from '../import/column-builder';
import { importCsv } from '../import/import-csv';
import { describeIssues, parseCustomPreset } from '../import/mapping/schema';
import type { CustomPreset } from '../import/mapping/schema';
import { isPresetChoice } from '../import/presets/types';
import { ImportError } from '../import/types';
import type { DateOrder, ImportSummary, PresetChoice, RejectedRow } from '../import/types';

/** Bad input: the message names the file (and the line and field when there is one). */
export class CliInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliInputError';
  }
}

export type FileReject = RejectedRow & { file: string };

export type LoadedUsage = {
  table: EventTable;
  files: { file: string; summary: ImportSummary }[];
  rejects: FileReject[];
  imported: number;
  rejected: number;
  duplicates: number;
};

export type LoadOptions = {
  dateOrder?: DateOrder;
  /** Pseudonymise contacts with this key (see ImportOptions.pseudonymKey); default: keep them as written. */
  pseudonymKey?: Uint8Array;
};

/** A saved custom preset file (`--preset ./my.preset.json`); bad input names the file and each issue's path. */
export const readPresetFile = async (path: string): Promise<CustomPreset> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliInputError(`${path}: cannot read the preset file (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = parseCustomPreset(json);
  if (!parsed.ok) throw new CliInputError(`${path}: not a valid preset: ${describeIssues(parsed.issues)}`);
  return parsed.preset;
};

/** `preset`: a preset name, 'auto', or the path of a saved custom preset file (read once, used for every file). */
export const loadUsage = async (
  files: readonly string[], preset: PresetChoice | string, timeZone: string, more: LoadOptions = {},
): Promise<LoadedUsage> => {
  const choice: PresetChoice = isPresetChoice(preset) ? preset : 'auto';
  const mapping = isPresetChoice(preset) ? undefined : await readPresetFile(preset);
  const dataset = new ColumnBuilder();
  const chunks: EventChunk[] = [];
  const rejects: FileReject[] = [];
  const summaries: LoadedUsage['files'] = [];
  for (const file of files) {
    let size: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      size = s.size;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new CliInputError(`${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
    }
    try {
      const summary = await importCsv(createReadStream(file), { preset: choice, ...(mapping ? { mapping } : {}), timeZone, totalBytes: size, dataset, ...more }, {
        chunk: async (chunk, rows) => {
          chunks.push(chunk);
          for (const r of rows) rejects.push({ ...r, file });
        },
      });
      summaries.push({ file, summary });
    } catch (e) {
      if (e instanceof ImportError) {
        const where = e.line !== undefined ? `line ${e.line}: ` : '';
        throw new CliInputError(`${file}: ${where}${e.message}`);
      }
      throw e;
    }
  }
  const total = (k: 'imported' | 'rejected' | 'duplicates') => summaries.reduce((n, f) => n + f.summary[k], 0);
  return {
    table: tableFromChunks(chunks), files: summaries, rejects,
    imported: total('imported'), rejected: total('rejected'), duplicates: total('duplicates'),
  };
};
