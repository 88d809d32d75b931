/**
 * The mapping calls of the worker API: a file's first records and guesses for the mapping screen, a mapping tried
 * on the start of the file, and the user's saved custom presets (`presets` table, `tarifa.preset/1` as written).
 * Also what an import needs of them: the saved presets to detect, or the one the user picked.
 */
import { tableFromChunks } from '../engine/events';
import { parseCustomPreset } from '../import/mapping/schema';
import type { CustomPreset, PresetIssue } from '../import/mapping/schema';
import { previewMappedImport, readFilePreview } from '../import/mapping/preview';
import { ImportError } from '../import/types';
import type { ImportOptions } from '../import/types';
import { deleteDoc, getDoc, listDocs, putDoc } from '../storage/docs-repo';
import type { NamedDocRow, TarifaDb } from '../storage/db';
import { decodeEvents } from './event-records';
import { toFailure } from './failure';
import type { MappingPreview, Result, SavedPreset, WorkerApi } from './types';

type MappingCtx = { db: TarifaDb; now: () => number; newId: () => string };

/** Events and row errors the preview shows. */
export const PREVIEW_EVENTS = 20;
export const PREVIEW_REJECTS = 20;

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;
const isBlob = (b: unknown): b is Blob => typeof Blob !== 'undefined' && b instanceof Blob;

const invalidPreset = (issues: PresetIssue[]): Result<never> => {
  const n = issues.length;
  return { ok: false, error: { code: 'invalid-preset', message: `The preset has ${n} ${n === 1 ? 'problem' : 'problems'}.`, issues } };
};

/** Saved rows whose document is (still) a valid preset, by name. */
const savedPresets = async (db: TarifaDb): Promise<{ row: NamedDocRow; preset: CustomPreset }[]> => {
  const out: { row: NamedDocRow; preset: CustomPreset }[] = [];
  for (const row of await listDocs(db, 'presets')) {
    const parsed = parseCustomPreset(row.json);
    if (parsed.ok) out.push({ row, preset: parsed.preset });
  }
  return out;
};

const toSaved = (row: NamedDocRow, preset: CustomPreset): SavedPreset => ({
  id: row.id, name: row.name, json: preset, createdAt: row.createdAt, updatedAt: row.updatedAt,
});

const sameName = (a: string, b: string): boolean => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

/**
 * What an import takes of the saved presets: the one picked (`presetId`), or all of them for detection.
 * A picked preset that is gone or no longer valid is an ImportError.
 */
export const customPresetOptions = async (db: TarifaDb, presetId?: string): Promise<Pick<ImportOptions, 'customPresets' | 'mapping'>> => {
  // Equal fits go to the preset saved last (the one the user just made for this kind of file).
  if (presetId === undefined) return { customPresets: (await savedPresets(db)).sort((a, b) => b.row.updatedAt - a.row.updatedAt).map((p) => p.preset) };
  const row = isId(presetId) ? await getDoc(db, 'presets', presetId) : undefined;
  if (!row) throw new ImportError('the chosen preset no longer exists', undefined, undefined, { code: 'preset-gone' });
  const parsed = parseCustomPreset(row.json);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new ImportError(`the preset '${row.name}' is not valid: ${issues}`, undefined, undefined, { code: 'preset-invalid', params: { preset: row.name, issues } });
  }
  return { mapping: parsed.preset };
};

export const createMappingCalls = (ctx: MappingCtx): Pick<WorkerApi,
  'inspectFile' | 'previewMapping' | 'validatePreset' | 'listPresets' | 'savePreset' | 'renamePreset' | 'deletePreset' | 'importPresetFile'> => {
  /** Stores a valid preset under `id`; a name taken by another preset is an issue. */
  const store = async (preset: CustomPreset, id: string): Promise<Result<SavedPreset>> => {
    const others = (await listDocs(ctx.db, 'presets')).filter((r) => r.id !== id);
    if (others.some((r) => sameName(r.name, preset.name))) {
      return invalidPreset([{ path: 'name', message: `a saved preset is already named '${preset.name.trim()}'` }]);
    }
    const now = ctx.now();
    const row = await putDoc(ctx.db, 'presets', { id, name: preset.name.trim(), json: structuredClone(preset), createdAt: now, updatedAt: now });
    return { ok: true, value: toSaved(row, preset) };
  };

  return {
    async inspectFile(file) {
      try {
        if (!isBlob(file)) return { ok: false, error: { code: 'bad-file', message: 'No file was given.', detail: { code: 'no-file' } } };
        return { ok: true, value: await readFilePreview(file, (await customPresetOptions(ctx.db)).customPresets) };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async previewMapping(file, preset, timeZone) {
      try {
        if (!isBlob(file)) return { ok: false, error: { code: 'bad-file', message: 'No file was given.', detail: { code: 'no-file' } } };
        const parsed = parseCustomPreset(preset);
        if (!parsed.ok) return invalidPreset(parsed.issues);
        const { summary, chunks, rejects, partial } = await previewMappedImport(file, parsed.preset, timeZone || 'UTC');
        const table = tableFromChunks(chunks);
        const shown = Array.from({ length: Math.min(PREVIEW_EVENTS, table.columns.length) }, (_, i) => i);
        const value: MappingPreview = {
          events: decodeEvents(table, shown),
          rejects: rejects.slice(0, PREVIEW_REJECTS),
          counts: {
            rowsRead: summary.rowsRead, imported: summary.imported, rejected: summary.rejected,
            duplicates: summary.duplicates, summaryRows: summary.summaryRows,
          },
          partial, encoding: summary.encoding, delimiter: summary.delimiter,
        };
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async validatePreset(preset) {
      const parsed = parseCustomPreset(preset);
      return parsed.ok ? [] : parsed.issues;
    },

    async listPresets() {
      return (await savedPresets(ctx.db)).map(({ row, preset }) => toSaved(row, preset));
    },

    async savePreset(preset, id) {
      try {
        const parsed = parseCustomPreset(preset);
        if (!parsed.ok) return invalidPreset(parsed.issues);
        return await store(parsed.preset, isId(id) ? id : ctx.newId());
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async renamePreset(id, name) {
      try {
        const row = isId(id) ? await getDoc(ctx.db, 'presets', id) : undefined;
        if (!row) return { ok: false, error: { code: 'not-found', message: 'This preset no longer exists.' } };
        const parsed = parseCustomPreset({ ...(row.json as object), name });
        if (!parsed.ok) return invalidPreset(parsed.issues);
        return await store(parsed.preset, row.id);
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async deletePreset(id) {
      if (isId(id)) await deleteDoc(ctx.db, 'presets', id);
    },

    async importPresetFile(text) {
      try {
        let json: unknown;
        try {
          json = JSON.parse(String(text));
        } catch (e) {
          return invalidPreset([{ path: '', message: `not valid JSON (${(e as Error).message})` }]);
        }
        const parsed = parseCustomPreset(json);
        if (!parsed.ok) return invalidPreset(parsed.issues);
        const names = (await listDocs(ctx.db, 'presets')).map((r) => r.name);
        const base = parsed.preset.name.trim();
        let name = base;
        for (let n = 2; names.some((x) => sameName(x, name)); n++) name = `${base} (${n})`;
        return await store({ ...parsed.preset, name }, ctx.newId());
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },
  };
};
