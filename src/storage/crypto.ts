/**
 * Passphrase sealing with WebCrypto only (browsers and Node 20 alike: globalThis.crypto.subtle):
 * - key derivation: PBKDF2-HMAC-SHA256 over the passphrase (NFC-normalised UTF-8) with a random 16-byte salt and
 *   600,000 iterations (OWASP's 2023 figure for PBKDF2-SHA256), to a non-extractable AES-GCM 256-bit key;
 * - sealing: AES-GCM with a fresh random 96-bit IV per sealed record (never reused under a key: 2^-32 collision odds
 *   only after ~2^32 records), 128-bit tag, optional additional data binding a record to its place;
 * - a key check: a constant sealed under the key, stored beside the salt, so a wrong passphrase is refused at once
 *   with a clear message instead of surfacing as a corrupt record later.
 * The key never leaves the process that derived it (non-extractable CryptoKey).
 */

/** Iterations written into new key parameters. Reading accepts what the file says, within MAX_ITERATIONS. */
export const KDF_ITERATIONS = 600_000;
/** Upper bound accepted from a file, so a hostile file cannot make the app spin for hours. */
export const MAX_ITERATIONS = 10_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What is stored beside sealed data to derive the key again and check a passphrase. JSON-friendly (base64). */
export type KeyParams = {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64 */
  salt: string;
  cipher: 'AES-GCM-256';
  /** base64 of seal(key, KEY_CHECK_TEXT) */
  check: string;
};

/** A passphrase that does not open the sealed data (or the data was changed: AES-GCM cannot tell the two apart). */
export class SealError extends Error {
  constructor(message = 'The passphrase is wrong, or the encrypted data was changed.') {
    super(message);
    this.name = 'SealError';
  }
}

const subtle = (): SubtleCrypto => {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available (a secure context, https or localhost, is needed).');
  return s;
};

const KEY_CHECK_TEXT = 'tarifa.key-check/1';
const utf8 = new TextEncoder();

export const randomBytes = (n: number): Uint8Array => globalThis.crypto.getRandomValues(new Uint8Array(n));

export const toBase64 = (bytes: Uint8Array): string => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

export const fromBase64 = (text: string): Uint8Array => {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
};

/** A BufferSource WebCrypto accepts whatever realm or buffer kind the bytes come from. */
const buf = (bytes: Uint8Array): Uint8Array<ArrayBuffer> =>
  bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);

/** Derives the AES-GCM key of a passphrase. Throws on an empty passphrase or out-of-range parameters. */
export const deriveKey = async (passphrase: string, salt: Uint8Array, iterations: number = KDF_ITERATIONS): Promise<CryptoKey> => {
  if (typeof passphrase !== 'string' || passphrase.length === 0) throw new Error('The passphrase is empty.');
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) throw new Error(`Key derivation iterations out of range: ${iterations}.`);
  if (salt.length < 8) throw new Error('The key salt is too short.');
  const material = await subtle().importKey('raw', buf(utf8.encode(passphrase.normalize('NFC'))), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: buf(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
};

/** iv || ciphertext+tag. `aad` (not stored) must be given again to open. */
export const seal = async (key: CryptoKey, plain: Uint8Array, aad?: Uint8Array): Promise<Uint8Array> => {
  const iv = randomBytes(IV_BYTES);
  const params: AesGcmParams = { name: 'AES-GCM', iv: buf(iv), tagLength: TAG_BYTES * 8, ...(aad ? { additionalData: buf(aad) } : {}) };
  const sealed = new Uint8Array(await subtle().encrypt(params, key, buf(plain)));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv, 0);
  out.set(sealed, IV_BYTES);
  return out;
};

/** The plaintext of a sealed record; SealError when the key is wrong or a byte changed. */
export const open = async (key: CryptoKey, sealed: Uint8Array, aad?: Uint8Array): Promise<Uint8Array> => {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new SealError('The encrypted data is truncated.');
  const params: AesGcmParams = { name: 'AES-GCM', iv: buf(sealed.slice(0, IV_BYTES)), tagLength: TAG_BYTES * 8, ...(aad ? { additionalData: buf(aad) } : {}) };
  try {
    return new Uint8Array(await subtle().decrypt(params, key, buf(sealed.subarray(IV_BYTES))));
  } catch {
    throw new SealError();
  }
};

/** New key parameters (random salt) and the key they describe. */
export const newKey = async (passphrase: string, iterations: number = KDF_ITERATIONS): Promise<{ key: CryptoKey; params: KeyParams }> => {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, utf8.encode(KEY_CHECK_TEXT));
  return { key, params: { kdf: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), cipher: 'AES-GCM-256', check: toBase64(check) } };
};

/** Checks that a value read from a file or the database is KeyParams (throws naming the bad field). */
export const parseKeyParams = (value: unknown): KeyParams => {
  const v = value as Partial<KeyParams> | null;
  if (typeof v !== 'object' || v === null) throw new Error('encryption: not an object.');
  if (v.kdf !== 'PBKDF2-SHA256') throw new Error(`encryption.kdf: unknown key derivation ${JSON.stringify(v.kdf)}.`);
  if (v.cipher !== 'AES-GCM-256') throw new Error(`encryption.cipher: unknown cipher ${JSON.stringify(v.cipher)}.`);
  if (!Number.isInteger(v.iterations) || (v.iterations as number) < 1 || (v.iterations as number) > MAX_ITERATIONS) {
    throw new Error('encryption.iterations: out of range.');
  }
  if (typeof v.salt !== 'string' || typeof v.check !== 'string') throw new Error('encryption.salt/check: missing.');
  return v as KeyParams;
};

/** The key of `passphrase` under stored parameters; SealError('wrong passphrase') when the key check fails. */
export const unlockKey = async (passphrase: string, params: KeyParams): Promise<CryptoKey> => {
  const key = await deriveKey(passphrase, fromBase64(params.salt), params.iterations);
  let text: string;
  try {
    text = new TextDecoder().decode(await open(key, fromBase64(params.check)));
  } catch {
    throw new SealError('Wrong passphrase.');
  }
  if (text !== KEY_CHECK_TEXT) throw new SealError('Wrong passphrase.');
  return key;
};
