/**
 * Pseudonyms of contacts (issue #3): with a per-workspace secret key, a contact identifier is stored as
 * `c_` + base64url of the first 16 bytes (128 bits) of HMAC-SHA256(key, identity), where `identity` is the contact in
 * one canonical notation (`contactIdentity`). Equal contacts get equal pseudonyms under one key, across files and
 * imports, so distinct-contact counts stay exact and datasets of one workspace can be joined; without the key a
 * pseudonym cannot be linked back to a number (a keyed hash, unlike a plain hash, cannot be reversed by hashing every
 * possible phone number). A 128-bit tag makes a collision between two contacts of a workspace negligible (~n²/2^129).
 *
 * Computed once per distinct contact text (the row writer caches codes by raw text), never per row.
 *
 * Only `contact` is pseudonymised. Not personal, or not the customer's: `id` (the vendor's message SID or call
 * uniqueid), `agent` (staff, needed as written for seats and allocation), `channel` (the business's own number,
 * account or integration: plans and allocation rules name it), except where a preset says a field may hold a
 * customer's number (RowMapping.customerNumbers): the asterisk and freeswitch presets map the dialled number (`dst`,
 * `destination_number`, the customer's on an outbound call) to `channel`, whose phone-number values are therefore
 * pseudonymised too (extensions stay as written). Message bodies are never stored (only their segment count).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { compactPhone, splitScheme } from './phone/phone-country';

/** Bytes of a pseudonymisation key: 32 random bytes (crypto.getRandomValues), kept by the workspace. */
export const PSEUDONYM_KEY_BYTES = 32;
/** Prefix of every pseudonym: tells a pseudonymised contact from a raw one at a glance. */
export const PSEUDONYM_PREFIX = 'c_';
const TAG_BYTES = 16;

/**
 * The contact in one notation: a phone-like value (digits and separators, after an optional whatsapp:/tel:/sms:
 * scheme) loses its spaces, dashes, dots and parentheses ('+55 11 98765-0001', '(+55) 11.98765.0001' and
 * '+5511987650001' are one contact; the '+' and the scheme, lower-cased, are kept, as a raw import keeps them apart);
 * an e-mail address is lower-cased; anything else is kept as written (trimmed). Phone-like notations with one
 * identity derive one country (phone/phone-country.ts reads them the same way).
 */
export const contactIdentity = (contact: string): string => {
  const [scheme, rest] = splitScheme(contact);
  const phone = compactPhone(rest);
  if (phone !== null) return scheme + phone;
  const s = contact.trim();
  return s.includes('@') ? s.toLowerCase() : s;
};

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const base64url = (bytes: Uint8Array, n: number): string => {
  let s = '';
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    s += BASE64URL[v >>> 18] + BASE64URL[(v >>> 12) & 63] + BASE64URL[(v >>> 6) & 63] + BASE64URL[v & 63];
  }
  if (n - i === 1) {
    const v = bytes[i];
    s += BASE64URL[v >>> 2] + BASE64URL[(v & 3) << 4];
  } else if (n - i === 2) {
    const v = (bytes[i] << 8) | bytes[i + 1];
    s += BASE64URL[v >>> 10] + BASE64URL[(v >>> 4) & 63] + BASE64URL[(v & 15) << 2];
  }
  return s;
};

/** Contact (trimmed) -> its pseudonym, e.g. 'c_3q2-7wXk…' (24 characters). */
export type Pseudonymise = (contact: string) => string;

/**
 * A pseudonymiser for one key. The key's HMAC state is computed once and cloned per contact (~2 µs per distinct
 * contact in Node, against ~10 µs keying HMAC afresh with TextEncoder).
 */
export const createPseudonymiser = (key: Uint8Array): Pseudonymise => {
  if (!(key instanceof Uint8Array) || key.length !== PSEUDONYM_KEY_BYTES) {
    throw new RangeError(`pseudonymKey must be ${PSEUDONYM_KEY_BYTES} bytes, got ${key instanceof Uint8Array ? key.length : typeof key}`);
  }
  const keyed = hmac.create(sha256, key);
  const scratch = keyed.clone();
  const encoder = new TextEncoder();
  const tag = new Uint8Array(32);
  let bytes = new Uint8Array(256);
  /** UTF-8 of `text` in `bytes`: ASCII by hand (TextEncoder costs more than the hash on short text), else encodeInto. */
  const utf8 = (text: string): Uint8Array => {
    if (text.length * 3 > bytes.length) bytes = new Uint8Array(text.length * 3);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 127) return bytes.subarray(0, encoder.encodeInto(text, bytes).written);
      bytes[i] = c;
    }
    return bytes.subarray(0, text.length);
  };
  return (contact) => {
    keyed._cloneInto(scratch);
    scratch.update(utf8(contactIdentity(contact))).digestInto(tag);
    return PSEUDONYM_PREFIX + base64url(tag, TAG_BYTES);
  };
};

/** A fresh random key (32 bytes from the platform's CSPRNG): for a workspace, or for one CLI run. */
export const randomPseudonymKey = (): Uint8Array => crypto.getRandomValues(new Uint8Array(PSEUDONYM_KEY_BYTES));
