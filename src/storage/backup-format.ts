/**
 * The Tarifa backup file (`.tarifa-backup`), written and read as a stream of records so that neither side ever holds
 * the whole workspace in memory:
 *
 *   magic "TARIFABK" (8 bytes) | u16 version (1) | u32 headerLength | header JSON
 *   record*                    each: u8 kind | u32 payloadLength | payload: a manifest (kind 1), rows of one
 *                              table (kind 2, {table, rows}), then the rows per table written (kind 3)
 *   end record                 kind 0xFF, payload: u32 recordCount | SHA-256 (32 bytes) of every byte before it
 *
 * Header JSON: { format: "tarifa.backup", version: 1, encryption: KeyParams | null } (never anything private).
 * Payloads are encodeValue bytes (backup-codec.ts: JSON with typed arrays as length-prefixed binary parts); with
 * encryption each payload is AES-GCM sealed (crypto.ts) with its own random IV and, as additional data, its kind and
 * its position, so records cannot be reordered, dropped or moved between files without detection.
 * The SHA-256 runs incrementally over the bytes as they are written and read (noble's streaming sha256; WebCrypto's
 * digest is one-shot only). A missing end record is a truncated file; bytes after it, a wrong hash or a count that
 * disagrees is a corrupt one; another magic is a foreign file.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeValue, encodeValue } from './backup-codec';
import { open, parseKeyParams, seal, SealError, unlockKey, type KeyParams } from './crypto';

export const BACKUP_MAGIC = 'TARIFABK';
export const BACKUP_FORMAT = 'tarifa.backup';
export const BACKUP_VERSION = 1;
export const BACKUP_EXTENSION = '.tarifa-backup';

export const RECORD_MANIFEST = 1;
export const RECORD_ROWS = 2;
/** Last data record: rows written per table, checked against the rows read (a dropped record cannot go unnoticed). */
export const RECORD_TOTALS = 3;
const RECORD_END = 0xff;
/** A record larger than this is taken for corruption (chunks of ~64k events are a few MB). */
const MAX_RECORD_BYTES = 512 * 1024 * 1024;

export type BackupHeader = { format: typeof BACKUP_FORMAT; version: number; encryption: KeyParams | null };

/** What the first record says about the backup. */
export type BackupManifest = {
  app: 'tarifa';
  appVersion: string;
  schemaVersion: number;
  createdAt: number;
  /** The tables the backup holds, in the order their rows follow. */
  tables: string[];
};

/** The totals record: rows written per table. */
export type BackupTotals = { rows: Record<string, number> };

export type RowsRecord = { table: string; rows: unknown[] };

export type BackupErrorCode = 'foreign' | 'newer' | 'truncated' | 'corrupt' | 'passphrase-required' | 'wrong-passphrase';

const MESSAGES: Record<BackupErrorCode, string> = {
  foreign: 'This is not a Tarifa backup file.',
  newer: 'This backup was made by a newer version of Tarifa. Update the app, then restore it.',
  truncated: 'The backup file is incomplete (it was cut short, e.g. by an interrupted download). Nothing was restored.',
  corrupt: 'The backup file is damaged: its integrity check failed. Nothing was restored.',
  'passphrase-required': 'This backup is encrypted: enter its passphrase.',
  'wrong-passphrase': 'Wrong passphrase for this backup. Nothing was restored.',
};

export class BackupFormatError extends Error {
  constructor(readonly code: BackupErrorCode, detail?: string) {
    super(detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code]);
    this.name = 'BackupFormatError';
  }
}

const aadOf = (kind: number, index: number): Uint8Array => {
  const a = new Uint8Array(5);
  a[0] = kind;
  new DataView(a.buffer).setUint32(1, index, true);
  return a;
};

/** Writes records into a Blob built up in parts (the browser may keep a large Blob on disk, not in the JS heap). */
export const createBackupWriter = (encryption: { key: CryptoKey; params: KeyParams } | null) => {
  const hash = sha256.create();
  let parts: BlobPart[] = [];
  let partBytes = 0;
  let blob = new Blob([]);
  let bytes = 0;
  let records = 0;
  const push = (b: Uint8Array) => {
    hash.update(b);
    parts.push(b as Uint8Array<ArrayBuffer>);
    partBytes += b.length;
    bytes += b.length;
    if (partBytes > 16 * 1024 * 1024) flush();
  };
  const flush = () => {
    blob = new Blob([blob, ...parts]);
    parts = [];
    partBytes = 0;
  };
  const frame = (kind: number, length: number) => {
    const f = new Uint8Array(5);
    f[0] = kind;
    new DataView(f.buffer).setUint32(1, length, true);
    return f;
  };
  const header = new TextEncoder().encode(JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, encryption: encryption?.params ?? null } satisfies BackupHeader));
  const start = new Uint8Array(14 + header.length);
  start.set(new TextEncoder().encode(BACKUP_MAGIC), 0);
  new DataView(start.buffer).setUint16(8, BACKUP_VERSION, true);
  new DataView(start.buffer).setUint32(10, header.length, true);
  start.set(header, 14);
  push(start);
  return {
    get bytes() { return bytes; },
    async add(kind: typeof RECORD_MANIFEST | typeof RECORD_ROWS | typeof RECORD_TOTALS, value: unknown): Promise<void> {
      let payload = encodeValue(value);
      if (encryption) payload = await seal(encryption.key, payload, aadOf(kind, records));
      if (payload.length > MAX_RECORD_BYTES) throw new Error('A backup record is larger than 512 MB.');
      push(frame(kind, payload.length));
      push(payload);
      records++;
    },
    finish(): Blob {
      const end = new Uint8Array(4 + 32);
      new DataView(end.buffer).setUint32(0, records, true);
      end.set(hash.digest(), 4);
      parts.push(frame(RECORD_END, end.length), end);
      bytes += 5 + end.length;
      flush();
      return new Blob([blob], { type: 'application/octet-stream' });
    },
  };
};

/** Exact-length reads over a byte stream. */
const byteReader = (stream: ReadableStream<Uint8Array>) => {
  const reader = stream.getReader();
  let chunks: Uint8Array[] = [];
  let buffered = 0;
  let done = false;
  const fill = async (n: number) => {
    while (buffered < n && !done) {
      const r = await reader.read();
      if (r.done) done = true;
      else if (r.value.length > 0) {
        chunks.push(r.value);
        buffered += r.value.length;
      }
    }
  };
  return {
    /** n bytes, or null when the stream ends first (`partial` tells whether some bytes were there). */
    async read(n: number): Promise<Uint8Array | null> {
      await fill(n);
      if (buffered < n) return null;
      const out = new Uint8Array(n);
      let at = 0;
      while (at < n) {
        const c = chunks[0];
        const take = Math.min(c.length, n - at);
        out.set(c.subarray(0, take), at);
        at += take;
        if (take === c.length) chunks.shift();
        else chunks[0] = c.subarray(take);
      }
      buffered -= n;
      return out;
    },
    async atEnd(): Promise<boolean> {
      await fill(1);
      return buffered === 0;
    },
    cancel() {
      chunks = [];
      void reader.cancel().catch(() => undefined);
    },
  };
};

export type ReadOptions = {
  passphrase?: string;
  /** Called for each record in order, after it was decrypted and decoded (not yet verified against the hash). */
  onRecord?: (kind: number, value: unknown, index: number) => Promise<void> | void;
  onBytes?: (bytesRead: number) => void;
  signal?: AbortSignal;
};

/** The header alone: whether the file is a Tarifa backup and whether it is encrypted. */
export const readBackupHeader = async (file: Blob): Promise<BackupHeader> => {
  const reader = byteReader(file.stream());
  try {
    return await readHeader(reader, () => undefined);
  } finally {
    reader.cancel();
  }
};

const readHeader = async (reader: ReturnType<typeof byteReader>, hashed: (b: Uint8Array) => void): Promise<BackupHeader> => {
  const start = await reader.read(14);
  if (!start) throw new BackupFormatError('foreign');
  if (new TextDecoder().decode(start.subarray(0, 8)) !== BACKUP_MAGIC) throw new BackupFormatError('foreign');
  const view = new DataView(start.buffer);
  const version = view.getUint16(8, true);
  if (version > BACKUP_VERSION) throw new BackupFormatError('newer', `format version ${version}`);
  if (version < 1) throw new BackupFormatError('corrupt', 'format version 0');
  const length = view.getUint32(10, true);
  if (length > 1024 * 1024) throw new BackupFormatError('corrupt', 'header length');
  const headerBytes = await reader.read(length);
  if (!headerBytes) throw new BackupFormatError('truncated');
  hashed(start);
  hashed(headerBytes);
  let header: BackupHeader;
  try {
    const h = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes)) as BackupHeader;
    if (h.format !== BACKUP_FORMAT) throw new Error('format');
    header = { format: BACKUP_FORMAT, version: h.version, encryption: h.encryption === null ? null : parseKeyParams(h.encryption) };
  } catch (error) {
    throw new BackupFormatError('corrupt', `header: ${error instanceof Error ? error.message : 'unreadable'}`);
  }
  return header;
};

const abortIf = (signal?: AbortSignal) => {
  if (signal?.aborted) throw new DOMException('Cancelled.', 'AbortError');
};

/**
 * Reads a whole backup: header, every record (decrypted and decoded, handed to onRecord), and the end record, whose
 * count and SHA-256 must match what was read. Throws BackupFormatError; onRecord's own errors pass through.
 */
export const readBackup = async (file: Blob, options: ReadOptions = {}): Promise<{ header: BackupHeader; records: number }> => {
  const reader = byteReader(file.stream());
  const hash = sha256.create();
  let bytesRead = 0;
  const hashed = (b: Uint8Array) => {
    hash.update(b);
    bytesRead += b.length;
  };
  try {
    const header = await readHeader(reader, hashed);
    let key: CryptoKey | null = null;
    if (header.encryption) {
      if (!options.passphrase) throw new BackupFormatError('passphrase-required');
      try {
        key = await unlockKey(options.passphrase, header.encryption);
      } catch (error) {
        if (error instanceof SealError) throw new BackupFormatError('wrong-passphrase');
        throw error;
      }
    }
    let index = 0;
    for (;;) {
      abortIf(options.signal);
      const frame = await reader.read(5);
      if (!frame) throw new BackupFormatError('truncated');
      const kind = frame[0];
      const length = new DataView(frame.buffer).getUint32(1, true);
      if (length > MAX_RECORD_BYTES) throw new BackupFormatError('corrupt', `record ${index} length`);
      if (kind === RECORD_END) {
        const digest = hash.digest();
        const end = await reader.read(length);
        if (!end) throw new BackupFormatError('truncated');
        if (length !== 36) throw new BackupFormatError('corrupt', 'end record');
        const count = new DataView(end.buffer).getUint32(0, true);
        const stored = end.subarray(4);
        if (count !== index || stored.some((b, i) => b !== digest[i])) throw new BackupFormatError('corrupt', 'SHA-256 mismatch');
        if (!(await reader.atEnd())) throw new BackupFormatError('corrupt', 'data after the end record');
        options.onBytes?.(bytesRead + frame.length + end.length);
        return { header, records: index };
      }
      if (kind !== RECORD_MANIFEST && kind !== RECORD_ROWS && kind !== RECORD_TOTALS) throw new BackupFormatError('corrupt', `record ${index} kind ${kind}`);
      const payload = await reader.read(length);
      if (!payload) throw new BackupFormatError('truncated');
      hashed(frame);
      hashed(payload);
      let plain = payload;
      if (key) {
        try {
          plain = await open(key, payload, aadOf(kind, index));
        } catch {
          throw new BackupFormatError('corrupt', `record ${index} does not decrypt`);
        }
      }
      let value: unknown;
      try {
        value = decodeValue(plain);
      } catch (error) {
        throw new BackupFormatError('corrupt', `record ${index}: ${error instanceof Error ? error.message : 'unreadable'}`);
      }
      await options.onRecord?.(kind, value, index);
      options.onBytes?.(bytesRead);
      index++;
    }
  } finally {
    reader.cancel();
  }
};
