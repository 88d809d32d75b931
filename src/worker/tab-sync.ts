/**
 * Several open tabs stay consistent: each tab's worker broadcasts what its successful writes changed on a
 * same-origin BroadcastChannel; the other tabs' workers drop what they hold in memory for it (a deleted or appended
 * dataset's columns) and tell their page, whose state slices reload (src/state/robust-slice.ts).
 *
 * A BroadcastChannel never hears its own messages, so a tab is not told about its own writes.
 */
import type { WorkerApi } from './types';

export const SYNC_CHANNEL = 'tarifa-sync';
/** The message a worker posts to its page when another tab changed something. */
export const CHANGED = 'tarifa-changed';

export type SyncTopic = 'datasets' | 'plans' | 'rules' | 'presets' | 'settings' | 'scenarios' | 'clients' | 'people' | 'all';
/** What changed; `datasetIds` names datasets whose stored events changed or went (absent: only new ones). */
export type Change = {
  topics: SyncTopic[];
  datasetIds?: string[];
  /** Another tab upgraded the database to a newer schema: this tab's code is out of date and must reload. */
  outdated?: true;
};

export type ChannelLike = {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent) => void): void;
  close(): void;
};

const idArg = (v: unknown): string[] | undefined => (typeof v === 'string' && v !== '' ? [v] : undefined);

/** The change a successful call made, by call name; null for reads. */
const CHANGES: Record<string, (args: unknown[]) => Change> = {
  importFile: () => ({ topics: ['datasets'] }),
  loadSample: () => ({ topics: ['datasets'] }),
  importFiles: (args) => ({ topics: ['datasets'], datasetIds: idArg((args[1] as { datasetId?: unknown } | undefined)?.datasetId) }),
  deleteDataset: (args) => ({ topics: ['datasets'], datasetIds: idArg(args[0]) }),
  savePlan: () => ({ topics: ['plans'] }),
  deletePlan: () => ({ topics: ['plans'] }),
  saveRules: () => ({ topics: ['rules'] }),
  deleteRules: () => ({ topics: ['rules'] }),
  savePreset: () => ({ topics: ['presets'] }),
  renamePreset: () => ({ topics: ['presets'] }),
  deletePreset: () => ({ topics: ['presets'] }),
  importPresetFile: () => ({ topics: ['presets'] }),
  setKeepRawIdentifiers: () => ({ topics: ['settings'] }),
  setAllowanceAlert: () => ({ topics: ['settings'] }),
  // The other tabs' gates check the lock again: a new passphrase locks them until they enter it.
  changeWorkspacePassphrase: () => ({ topics: ['settings'] }),
  decryptWorkspace: () => ({ topics: ['settings'] }),
  saveScenario: () => ({ topics: ['scenarios'] }),
  deleteScenario: () => ({ topics: ['scenarios'] }),
  saveContract: () => ({ topics: ['clients'] }),
  deleteContract: () => ({ topics: ['clients'] }),
  saveTemplate: () => ({ topics: ['clients'] }),
  deleteTemplate: () => ({ topics: ['clients'] }),
  addTask: () => ({ topics: ['clients'] }),
  markOfferSent: () => ({ topics: ['clients'] }),
  setTaskStatus: () => ({ topics: ['clients'] }),
  deleteTask: () => ({ topics: ['clients'] }),
  importPeople: () => ({ topics: ['people'] }),
  deletePeople: () => ({ topics: ['people'] }),
};

/** Calls named like writes that the table above does not know (added later): everything may have changed. */
const WRITE_NAME = /^(save|delete|set|put|restore|import|rename|clear|wipe|remove|update|create|append|erase)[A-Z]/;
/** Names of writes that change nothing stored. */
const NOT_WRITES = new Set(['addRateCard']);

export const changeOf = (name: string, args: unknown[]): Change | null => {
  const known = CHANGES[name];
  if (known) return known(args);
  return WRITE_NAME.test(name) && !NOT_WRITES.has(name) ? { topics: ['all'] } : null;
};

const failed = (result: unknown): boolean =>
  typeof result === 'object' && result !== null && 'ok' in result && (result as { ok: unknown }).ok === false;

export const isChange = (v: unknown): v is Change =>
  typeof v === 'object' && v !== null && Array.isArray((v as Change).topics)
  && (v as Change).topics.every((t) => typeof t === 'string');

/**
 * The API with its writes broadcast on `channel` once they succeed (a Failure result changed nothing), and the other
 * tabs' changes handed to `onRemoteChange`.
 */
export const withTabSync = (api: WorkerApi, channel: ChannelLike, onRemoteChange: (change: Change) => void): WorkerApi => {
  channel.addEventListener('message', (ev) => {
    if (isChange(ev.data)) onRemoteChange(ev.data);
  });
  return Object.fromEntries(Object.entries(api).map(([name, fn]) => [name, async (...args: unknown[]) => {
    const result: unknown = await (fn as (...a: unknown[]) => Promise<unknown>)(...args);
    const change = failed(result) ? null : changeOf(name, args);
    if (change) {
      try {
        channel.postMessage(change);
      } catch {
        // A closed channel (the worker is going away) tells no one; the write itself succeeded.
      }
    }
    return result;
  }])) as WorkerApi;
};
