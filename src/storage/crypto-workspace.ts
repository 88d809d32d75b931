/**
 * Workspace encryption at rest: once the user sets a passphrase, every row Tarifa writes to IndexedDB is sealed
 * (AES-256-GCM, random 96-bit IV per row, the table and primary key as additional data so a row cannot be moved to
 * another key), and read back transparently. It is a Dexie DBCore middleware, below every repository: datasets,
 * chunks, rejects, settings (the pseudonym key included), plans, rules and every later table are covered without
 * their code knowing.
 *
 * Kept readable, because IndexedDB needs them for keys and indexes: each table's primary-key and indexed fields
 * (ids, dataset status and dates, chunk indexes, task due dates and status, and the `name` of saved plans, rule sets
 * and documents, which their tables are sorted by). Everything else of a row is in its sealed part.
 *
 * Why not WebCrypto for the rows: an IndexedDB transaction commits as soon as it waits on anything but IndexedDB, so a
 * row must be sealed synchronously inside it. Rows are sealed with @noble/ciphers' audited AES-GCM (the same
 * algorithm and byte format as WebCrypto's); the key is derived with WebCrypto's PBKDF2-SHA256 (600,000 iterations)
 * and its raw bytes live only in this worker's memory. Without them a sealed row cannot be read or written: calls
 * fail with WorkspaceLockedError until `unlock`.
 *
 * Encrypting, changing the passphrase and turning encryption off each rewrite every row in ONE IndexedDB transaction
 * over every table, the key parameters row included: all or nothing, so a failure or a cancel leaves the workspace
 * opened by the passphrase it had. Other tabs: every write reads the stored key parameters in its own transaction
 * (write transactions always cover `settings`), so a tab that has not heard of a new key finds itself locked instead
 * of writing plain rows or rows sealed under a key that no longer opens the workspace.
 */
import { gcm } from '@noble/ciphers/aes.js';
import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import { decodeValue, encodeValue } from './backup-codec';
import { fromBase64, KDF_ITERATIONS, MAX_ITERATIONS, parseKeyParams, randomBytes, SALT_BYTES, SealError, toBase64, type KeyParams } from './crypto';
import type { TarifaDb } from './db';

/** The settings row (never sealed) holding the key parameters: { params, complete }. */
export const ENCRYPTION_SETTING = 'workspaceEncryption';
const SEALED = '$sealed';
const IV = 12;
const KEY_CHECK = new TextEncoder().encode('tarifa.workspace-key-check/1');

export class WorkspaceLockedError extends Error {
  constructor(message = 'This workspace is encrypted and locked: enter its passphrase.') {
    super(message);
    this.name = 'WorkspaceLockedError';
  }
}

type EncryptionRow = { params: KeyParams; complete: boolean };

export const sealSync = (key: Uint8Array, plain: Uint8Array, aad?: Uint8Array): Uint8Array => {
  const iv = randomBytes(IV);
  const sealed = gcm(key, iv, aad).encrypt(plain);
  const out = new Uint8Array(IV + sealed.length);
  out.set(iv);
  out.set(sealed, IV);
  return out;
};

export const openSync = (key: Uint8Array, sealed: Uint8Array, aad?: Uint8Array): Uint8Array => {
  if (sealed.length < IV + 16) throw new SealError('Sealed data is truncated.');
  try {
    return gcm(key, sealed.subarray(0, IV), aad).decrypt(sealed.subarray(IV));
  } catch {
    throw new SealError();
  }
};

/** 32 key bytes from a passphrase (WebCrypto PBKDF2-SHA256). */
export const deriveKeyBytes = async (passphrase: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> => {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new Error('The passphrase is empty.');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new Error(`Key derivation iterations out of range: ${iterations}.`);
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  return new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, material, 256));
};

const asBytes = (v: unknown): Uint8Array | null =>
  ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : null;

export type RewriteProgress = { done: number; total: number };
export type RewriteOptions = { signal?: AbortSignal; onProgress?: (p: RewriteProgress) => void };

export type SealingStatus = { encrypted: boolean; unlocked: boolean };

export type Sealing = {
  status(): Promise<SealingStatus>;
  /** Checks the passphrase against the stored key check; SealError('Wrong passphrase.') when it does not match. */
  unlock(passphrase: string): Promise<void>;
  /** Encrypts an unencrypted workspace: stores the key parameters and seals every existing row, in one transaction. */
  enable(passphrase: string, iterations?: number, options?: RewriteOptions): Promise<void>;
  /**
   * Re-seals every row under a new passphrase, all or nothing (one transaction over every table: a failure or a cancel
   * leaves the workspace as it was, readable with the current passphrase). SealError('Wrong passphrase.') when
   * `current` does not open the workspace; nothing is changed then.
   */
  changePassphrase(current: string, next: string, options?: RewriteOptions & { iterations?: number }): Promise<void>;
  /** Turns encryption off: every row is written back plain, all or nothing, after `current` was checked. */
  disable(current: string, options?: RewriteOptions): Promise<void>;
  /** Forgets the key and the state (after the database was deleted). */
  reset(): void;
};

const sealings = new WeakMap<TarifaDb, Sealing>();
export const sealingOf = (db: TarifaDb): Sealing | undefined => sealings.get(db);

type KeyPath = string | string[] | null | undefined;

/** How the rows of one table are split into their readable part (keys, indexed fields) and their sealed part. */
const rowCodec = (name: string, primaryKeyPath: KeyPath, indexKeyPaths: KeyPath[]) => {
  const encoder = new TextEncoder();
  const plainFields = new Set<string>();
  const addPath = (p: KeyPath) => {
    if (Array.isArray(p)) p.forEach((x) => plainFields.add(x.split('.')[0]));
    else if (typeof p === 'string') plainFields.add(p.split('.')[0]);
  };
  addPath(primaryKeyPath);
  indexKeyPaths.forEach(addPath);
  const keyOf = (row: Record<string, unknown>) => {
    const p = primaryKeyPath;
    return Array.isArray(p) ? p.map((f) => row[f]) : typeof p === 'string' ? row[p] : null;
  };
  const aadOf = (row: Record<string, unknown>) => encoder.encode(`${name}\u0000${JSON.stringify(keyOf(row))}`);
  return {
    /** The encryption parameters row stays readable: it is what a passphrase is checked against. */
    passThrough: (row: Record<string, unknown>) => name === 'settings' && row.key === ENCRYPTION_SETTING,
    isSealed: (row: unknown): boolean => typeof row === 'object' && row !== null && SEALED in row,
    seal(row: Record<string, unknown>, key: Uint8Array): Record<string, unknown> {
      const plain: Record<string, unknown> = {};
      const secret: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(row)) (plainFields.has(k) ? plain : secret)[k] = v;
      plain[SEALED] = sealSync(key, encodeValue(secret), aadOf(row));
      return plain;
    },
    unseal(row: Record<string, unknown>, key: Uint8Array): Record<string, unknown> {
      const sealed = asBytes(row[SEALED]);
      if (!sealed) throw new SealError('A sealed row is malformed.');
      const { [SEALED]: _drop, ...plain } = row;
      const secret = decodeValue(openSync(key, sealed, aadOf(plain))) as Record<string, unknown>;
      return { ...secret, ...plain };
    },
  };
};

const abortError = () => new DOMException('Cancelled; nothing was changed.', 'AbortError');

const readRow = (value: unknown): EncryptionRow | null => {
  const row = value as EncryptionRow | undefined;
  return row && typeof row === 'object' ? { params: parseKeyParams(row.params), complete: row.complete === true } : null;
};

/** Installs the sealing middleware on a database that is not open yet; returns its controls. */
export const installSealing = (db: TarifaDb): Sealing => {
  const known = sealings.get(db);
  if (known) return known;
  const state: { row: EncryptionRow | null; key: Uint8Array | null } = { row: null, key: null };

  /**
   * The stored parameters are the truth: another tab may have encrypted the workspace, changed its passphrase or turned
   * encryption off since this worker last looked. A different salt is a different key, which this worker lacks.
   */
  const adopt = (stored: EncryptionRow | null) => {
    if (stored?.params.salt !== state.row?.params.salt) state.key = null;
    state.row = stored;
  };

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'tarifa-sealing',
    // Below Dexie's caches and hooks (levels -1..2): everything above sees plain rows.
    level: -2,
    create: (down) => ({
      ...down,
      // Every write transaction also covers `settings`, so a write can check the encryption parameters in its own
      // transaction (see mutate): a write of another tab is then either before an encryption or passphrase change
      // (whose single transaction then seals it) or after it (and finds the workspace locked), never in between.
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && !stores.includes('settings') ? [...stores, 'settings'] : stores, mode, options),
      table: (name) => {
        const table = down.table(name);
        const settings = down.table('settings');
        const codec = rowCodec(name, table.schema.primaryKey.keyPath, table.schema.indexes.map((i) => i.keyPath));

        const seal = (value: unknown): unknown => {
          const row = value as Record<string, unknown>;
          if (!state.row || typeof row !== 'object' || row === null || codec.passThrough(row)) return value;
          if (!state.key) throw new WorkspaceLockedError();
          return codec.seal(row, state.key);
        };
        const unseal = (value: unknown): unknown => {
          if (!codec.isSealed(value)) return value;
          if (!state.key) throw new WorkspaceLockedError();
          return codec.unseal(value as Record<string, unknown>, state.key);
        };
        /**
         * A row this worker's key cannot open may have been re-sealed by another tab under a new passphrase: then the
         * workspace is locked for this worker (enter the new passphrase), which says more than "wrong or changed".
         */
        const explain = (error: unknown): Promise<never> => {
          if (!(error instanceof SealError) || !state.key) return Promise.reject(error);
          const salt = state.row?.params.salt;
          return settings.get({ trans: down.transaction(['settings'], 'readonly'), key: ENCRYPTION_SETTING }).then((stored: unknown) => {
            adopt(readRow((stored as { value?: unknown } | undefined)?.value));
            throw state.row && state.row.params.salt !== salt ? new WorkspaceLockedError() : error;
          });
        };
        const wrapCursor = (cursor: DBCoreCursor | null): DBCoreCursor | null => {
          if (!cursor) return cursor;
          let lastRaw: unknown = undefined;
          let lastValue: unknown;
          // A browser's IDBCursor accessors refuse any `this` but the cursor itself: each is read from the real one.
          return Object.create(cursor, {
            key: { get: () => cursor.key },
            primaryKey: { get: () => cursor.primaryKey },
            value: {
              get() {
                // Unsealed once per position (the browser hands out one value object per position).
                const raw = cursor.value;
                if (raw !== lastRaw || lastValue === undefined) {
                  lastValue = unseal(raw);
                  lastRaw = raw;
                }
                return lastValue;
              },
            },
          }) as DBCoreCursor;
        };
        const result: DBCoreTable = {
          ...table,
          mutate: (req: DBCoreMutateRequest) => {
            if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
            if (name === 'settings' && req.values.some((v) => typeof v === 'object' && v !== null && codec.passThrough(v as Record<string, unknown>))) {
              return table.mutate(req);
            }
            return settings.get({ trans: req.trans, key: ENCRYPTION_SETTING }).then((stored: unknown) => {
              adopt(readRow((stored as { value?: unknown } | undefined)?.value));
              return table.mutate({ ...req, values: req.values.map(seal) } as DBCoreMutateRequest);
            });
          },
          get: (req) => table.get(req).then(unseal).catch(explain),
          getMany: (req) => table.getMany(req).then((rows) => rows.map(unseal)).catch(explain),
          query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unseal) } : res)).catch(explain),
          openCursor: (req) => table.openCursor(req).then((c) => (req.values === false ? c : wrapCursor(c))),
        };
        return result;
      },
    }),
  };
  db.use(middleware);
  // Sticky: read again at every open (a reopened connection, a database deleted and recreated).
  const load = async () => adopt(readRow((await db.settings.get(ENCRYPTION_SETTING))?.value));
  db.on('ready', load, true);

  /**
   * Rewrites every row of every table in ONE IndexedDB transaction: read plain or sealed (sealed rows opened with
   * `from`), written sealed under `to` (plain when `to` is null), and the parameters row set to `next` in the same
   * transaction. Any error, or a cancel, aborts it: nothing changed. Sealing is synchronous, so the transaction never
   * waits on anything but IndexedDB; rows are walked with cursors (callbacks, no await per row).
   */
  const rewriteAll = (from: Uint8Array | null, to: Uint8Array | null, next: EncryptionRow | null, options: RewriteOptions = {}) =>
    new Promise<void>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) return reject(abortError());
      const idb = db.backendDB();
      const names = Array.from(idb.objectStoreNames);
      const tx = idb.transaction(names, 'readwrite');
      let failure: unknown = null;
      const fail = (error: unknown) => {
        if (failure === null) failure = error;
        try { tx.abort(); } catch { /* already finished */ }
      };
      tx.oncomplete = () => {
        // Synchronously, before any transaction queued behind this one runs: this worker now holds the new key.
        state.row = next;
        state.key = next ? to : null;
        resolve();
      };
      tx.onabort = () => reject(failure ?? tx.error ?? abortError());
      const total = { rows: 0, done: 0 };
      const progress = () => { try { onProgress?.({ done: total.done, total: total.rows }); } catch { /* a closed page */ } };
      const walk = (i: number) => {
        if (i === names.length) {
          const settings = tx.objectStore('settings');
          try {
            if (next) settings.put({ key: ENCRYPTION_SETTING, value: next });
            else settings.delete(ENCRYPTION_SETTING);
          } catch (error) { fail(error); }
          progress();
          return;
        }
        const store = tx.objectStore(names[i]);
        const indexPaths = Array.from(store.indexNames).map((n) => store.index(n).keyPath);
        const codec = rowCodec(names[i], store.keyPath, indexPaths);
        const request = store.openCursor();
        request.onsuccess = () => {
          const cursor = request.result;
          if (!cursor) return walk(i + 1);
          try {
            if (signal?.aborted) throw abortError();
            const row = cursor.value as Record<string, unknown>;
            if (!codec.passThrough(row)) {
              let plain = row;
              if (codec.isSealed(row)) {
                if (!from) throw new WorkspaceLockedError();
                plain = codec.unseal(row, from);
              }
              cursor.update(to ? codec.seal(plain, to) : plain);
            }
            total.done += 1;
            // Every row (a chunk row holds thousands of events): the worker call throttles what crosses to the page.
            progress();
            cursor.continue();
          } catch (error) {
            fail(error);
          }
        };
      };
      // Counted first (same transaction) for the progress bar, then walked store by store.
      let counted = 0;
      for (const n of names) {
        const count = tx.objectStore(n).count();
        count.onsuccess = () => {
          total.rows += count.result;
          if (++counted === names.length) { progress(); walk(0); }
        };
      }
      if (names.length === 0) walk(0);
    });

  /** The key of `passphrase` under the stored parameters; SealError('Wrong passphrase.') when it does not open them. */
  const keyOf = async (passphrase: string, params: KeyParams): Promise<Uint8Array> => {
    const key = await deriveKeyBytes(passphrase, fromBase64(params.salt), params.iterations);
    try {
      openSync(key, fromBase64(params.check));
    } catch {
      throw new SealError('Wrong passphrase.');
    }
    return key;
  };
  const newParams = async (passphrase: string, iterations: number) => {
    const salt = randomBytes(SALT_BYTES);
    const key = await deriveKeyBytes(passphrase, salt, iterations);
    const params: KeyParams = {
      kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), cipher: 'AES-GCM-256', check: toBase64(sealSync(key, KEY_CHECK)),
    };
    return { key, row: { params, complete: true } satisfies EncryptionRow };
  };
  const ready = async () => {
    if (!db.isOpen()) await db.open();
    await load();
  };

  const sealing: Sealing = {
    async status() {
      await ready();
      return { encrypted: state.row !== null, unlocked: state.row === null || state.key !== null };
    },
    async unlock(passphrase) {
      await ready();
      if (!state.row) return;
      const { row } = state;
      const key = await keyOf(passphrase, row.params);
      state.key = key;
      // An encryption that a closed tab cut short (an earlier version sealed page by page) is finished now.
      if (!row.complete) await rewriteAll(key, key, { params: row.params, complete: true });
    },
    async enable(passphrase, iterations = KDF_ITERATIONS, options) {
      await ready();
      if (state.row) throw new Error('This workspace is already encrypted.');
      const { key, row } = await newParams(passphrase, iterations);
      await rewriteAll(null, key, row, options);
    },
    async changePassphrase(current, next, options = {}) {
      await ready();
      if (!state.row) throw new Error('This workspace is not encrypted.');
      const from = await keyOf(current, state.row.params);
      const { key, row } = await newParams(next, options.iterations ?? KDF_ITERATIONS);
      await rewriteAll(from, key, row, options);
    },
    async disable(current, options) {
      await ready();
      if (!state.row) throw new Error('This workspace is not encrypted.');
      const from = await keyOf(current, state.row.params);
      await rewriteAll(from, null, null, options);
    },
    reset() {
      state.row = null;
      state.key = null;
    },
  };
  sealings.set(db, sealing);
  return sealing;
};
