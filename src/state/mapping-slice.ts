import type { StateCreator } from 'zustand/vanilla';
import type { CustomPreset, Failure, FilePreview, SavedPreset } from '../worker/types';
import type { AppState } from './store';
import type { StoreDeps } from './deps';

/**
 * The mapping screen's file: what the worker read of it, and the time zone chosen on the Data page. `files`: every
 * file dropped with it (a month per file), imported together once the mapping is saved.
 */
export type MappingFile = { file: File; files: File[]; preview: FilePreview; timeZone: string };

export type PresetsNotice = { kind: 'saved' | 'imported' | 'renamed' | 'deleted'; name: string };

export type MappingSlice = {
  savedPresets: SavedPreset[];
  /** The file the mapping screen is open on; null when it is closed. */
  mapping: MappingFile | null;
  /** Reading a file for the screen (or for the drop check) is under way. */
  mappingBusy: boolean;
  mappingError: Failure | null;
  presetsNotice: PresetsNotice | null;
  loadPresets(): Promise<void>;
  /**
   * Dropped files (one dataset): imported when a saved or built-in preset recognises the first, else the mapping
   * screen opens on it (a file the worker cannot even preview goes to the import, which reports why). A file read by
   * a saved preset with a time zone is imported in that zone.
   */
  importOrMap(files: File[], timeZone: string): Promise<void>;
  /** Opens the mapping screen on a file, whatever reads it ("Map columns…"). */
  openMapping(file: File, timeZone: string): Promise<void>;
  closeMapping(): void;
  /**
   * Saves the mapping (as a new preset, or over `id`) and imports the screen's file with it; the failure (invalid
   * preset with its issues, a taken name) when it could not be saved, null once the import has started.
   */
  saveMappingAndImport(preset: CustomPreset, id: string | null): Promise<Failure | null>;
  renamePreset(id: string, name: string): Promise<Failure | null>;
  deletePreset(id: string): Promise<void>;
  importPresetFile(text: string): Promise<Failure | null>;
  dismissPresetsNotice(): void;
};

export const createMappingSlice = (deps: StoreDeps): StateCreator<AppState, [], [], MappingSlice> => (set, get) => {
  const refresh = async () => set({ savedPresets: await deps.api.listPresets() });

  const inspect = async (file: File): Promise<FilePreview | null> => {
    set({ mappingBusy: true, mappingError: null });
    try {
      const r = await deps.api.inspectFile(file);
      if (!r.ok) {
        set({ mappingError: r.error });
        return null;
      }
      return r.value;
    } finally {
      set({ mappingBusy: false });
    }
  };

  return {
    savedPresets: [],
    mapping: null,
    mappingBusy: false,
    mappingError: null,
    presetsNotice: null,

    loadPresets: refresh,

    async importOrMap(files, timeZone) {
      if (files.length === 0 || get().job || get().mappingBusy) return;
      const file = files[0];
      const preview = await inspect(file);
      if (preview === null || preview.detected !== null) {
        set({ mappingError: null });
        let zone = timeZone;
        if (preview?.detectedCustom) {
          await refresh();
          zone = get().savedPresets.find((p) => p.name === preview.detected)?.json.timeZone ?? timeZone;
        }
        await get().importFiles(files, zone);
        return;
      }
      await refresh();
      get().dismissJobResult();
      set({ mapping: { file, files, preview, timeZone } });
    },

    async openMapping(file, timeZone) {
      if (get().job || get().mappingBusy) return;
      const preview = await inspect(file);
      if (preview === null) return;
      await refresh();
      get().dismissJobResult();
      set({ mapping: { file, files: [file], preview, timeZone } });
    },

    closeMapping: () => set({ mapping: null, mappingError: null }),

    async saveMappingAndImport(preset, id) {
      const open = get().mapping;
      if (!open) return null;
      const saved = await deps.api.savePreset(preset, id ?? undefined);
      if (!saved.ok) return saved.error;
      await refresh();
      set({ mapping: null, presetsNotice: { kind: 'saved', name: saved.value.name } });
      // The import detects the preset just saved: its header is this file's (saved presets are tried first).
      await get().importFiles(open.files, preset.timeZone ?? open.timeZone);
      return null;
    },

    async renamePreset(id, name) {
      const r = await deps.api.renamePreset(id, name);
      if (!r.ok) return r.error;
      await refresh();
      set({ presetsNotice: { kind: 'renamed', name: r.value.name } });
      return null;
    },

    async deletePreset(id) {
      const name = get().savedPresets.find((p) => p.id === id)?.name ?? '';
      await deps.api.deletePreset(id);
      await refresh();
      set({ presetsNotice: { kind: 'deleted', name } });
    },

    async importPresetFile(text) {
      const r = await deps.api.importPresetFile(text);
      if (!r.ok) return r.error;
      await refresh();
      set({ presetsNotice: { kind: 'imported', name: r.value.name } });
      return null;
    },

    dismissPresetsNotice: () => set({ presetsNotice: null }),
  };
};
