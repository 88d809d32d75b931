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

export type SealingStatus = { encrypted: boolean; unlocked: boolean };

export type Sealing = {
  status(): Promise<SealingStatus>;
  /** Checks the passphrase against the stored key check; SealError('Wrong passphrase.') when it does not match. */
  unlock(passphrase: string): Promise<void>;
  /** Encrypts an unencrypted workspace: stores the key parameters, then seals every existing row. */
  enable(passphrase: string, iterations?: number): Promise<void>;
  /** Forgets the key and the state (after the database was deleted). */
  reset(): void;
};

const sealings = new WeakMap<TarifaDb, Sealing>();
export const sealingOf = (db: TarifaDb): Sealing | undefined => sealings.get(db);

/** Installs the sealing middleware on a database that is not open yet; returns its controls. */
export const installSealing = (db: TarifaDb): Sealing => {
  const known = sealings.get(db);
  if (known) return known;
  const state: { row: EncryptionRow | null; key: Uint8Array | null } = { row: null, key: null };
  const encoder = new TextEncoder();

  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'tarifa-sealing',
    // Below Dexie's caches and hooks (levels -1..2): everything above sees plain rows.
    level: -2,
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const plainFields = new Set<string>();
        const addPath = (p: string | string[] | null | undefined) => {
          if (Array.isArray(p)) p.forEach((x) => plainFields.add(x.split('.')[0]));
          else if (typeof p === 'string') plainFields.add(p.split('.')[0]);
        };
        addPath(table.schema.primaryKey.keyPath);
        for (const index of table.schema.indexes) addPath(index.keyPath);
        const keyOf = (row: Record<string, unknown>) => {
          const p = table.schema.primaryKey.keyPath;
          return Array.isArray(p) ? p.map((f) => row[f]) : typeof p === 'string' ? row[p] : null;
        };
        const passThrough = (row: Record<string, unknown>) => name === 'settings' && row.key === ENCRYPTION_SETTING;
        const aadOf = (row: Record<string, unknown>) => encoder.encode(`${name}\u0000${JSON.stringify(keyOf(row))}`);

        const seal = (value: unknown): unknown => {
          const row = value as Record<string, unknown>;
          if (!state.row || typeof row !== 'object' || row === null || passThrough(row)) return value;
          if (!state.key) throw new WorkspaceLockedError();
          const plain: Record<string, unknown> = {};
          const secret: Record<string, unknown> = {};
          for (const [k, v] of Object.entries(row)) (plainFields.has(k) ? plain : secret)[k] = v;
          plain[SEALED] = sealSync(state.key, encodeValue(secret), aadOf(row));
          return plain;
        };
        const unseal = (value: unknown): unknown => {
          const row = value as Record<string, unknown> | undefined;
          if (typeof row !== 'object' || row === null || !(SEALED in row)) return value;
          const sealed = asBytes(row[SEALED]);
          if (!state.key) throw new WorkspaceLockedError();
          if (!sealed) throw new SealError('A sealed row is malformed.');
          const { [SEALED]: _drop, ...plain } = row;
          const secret = decodeValue(openSync(state.key, sealed, aadOf(plain))) as Record<string, unknown>;
          return { ...secret, ...plain };
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
            try {
              return table.mutate({ ...req, values: req.values.map(seal) } as DBCoreMutateRequest);
            } catch (error) {
              return Promise.reject(error);
            }
          },
          get: (req) => table.get(req).then(unseal),
          getMany: (req) => table.getMany(req).then((rows) => rows.map(unseal)),
          query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(unseal) } : res)),
          openCursor: (req) => table.openCursor(req).then((c) => (req.values === false ? c : wrapCursor(c))),
        };
        return result;
      },
    }),
  };
  db.use(middleware);
  // Sticky: read again at every open (a reopened connection, a database deleted and recreated).
  const load = async () => {
    const row = (await db.settings.get(ENCRYPTION_SETTING))?.value as EncryptionRow | undefined;
    const next = row && typeof row === 'object' ? { params: parseKeyParams(row.params), complete: row.complete === true } : null;
    // Another tab may have encrypted the workspace (or deleted it) since: a different salt is a different key.
    if (!next || next.params.salt !== state.row?.params.salt) state.key = null;
    state.row = next;
  };
  db.on('ready', load, true);

  /** Rewrites every row of every table (read plain or sealed, written sealed), a page per transaction. */
  const sealEverything = async () => {
    for (const table of db.tables) {
      let last: unknown = undefined;
      for (;;) {
        const page = await db.transaction('rw', table, async () => {
          const rows: unknown[] = [];
          let lastKey: unknown = undefined;
          const from = last === undefined ? table.orderBy(':id') : table.where(':id').above(last);
          await from.limit(table.name === 'chunks' ? 4 : 500).each((row, cursor) => {
            rows.push(row);
            lastKey = cursor.primaryKey;
          });
          if (rows.length > 0) await table.bulkPut(rows);
          return { count: rows.length, lastKey };
        });
        if (page.count === 0) break;
        last = page.lastKey;
      }
    }
    state.row = { params: state.row!.params, complete: true };
    await db.settings.put({ key: ENCRYPTION_SETTING, value: state.row });
  };

  const sealing: Sealing = {
    async status() {
      if (!db.isOpen()) await db.open();
      await load();
      return { encrypted: state.row !== null, unlocked: state.row === null || state.key !== null };
    },
    async unlock(passphrase) {
      if (!db.isOpen()) await db.open();
      await load();
      if (!state.row) return;
      const { params } = state.row;
      const key = await deriveKeyBytes(passphrase, fromBase64(params.salt), params.iterations);
      try {
        openSync(key, fromBase64(params.check));
      } catch {
        throw new SealError('Wrong passphrase.');
      }
      state.key = key;
      // An encryption that a closed tab cut short is finished now.
      if (!state.row.complete) await sealEverything();
    },
    async enable(passphrase, iterations = KDF_ITERATIONS) {
      if (!db.isOpen()) await db.open();
      await load();
      if (state.row) throw new Error('This workspace is already encrypted.');
      const salt = randomBytes(SALT_BYTES);
      const key = await deriveKeyBytes(passphrase, salt, iterations);
      const params: KeyParams = {
        kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), cipher: 'AES-GCM-256', check: toBase64(sealSync(key, KEY_CHECK)),
      };
      state.row = { params, complete: false };
      state.key = key;
      await db.settings.put({ key: ENCRYPTION_SETTING, value: state.row });
      await sealEverything();
    },
    reset() {
      state.row = null;
      state.key = null;
    },
  };
  sealings.set(db, sealing);
  return sealing;
};
