/**
 * Structured values (what IndexedDB stores: objects, arrays, strings, numbers with NaN/Infinity/-0, typed arrays,
 * ArrayBuffers, Dates, Maps, Sets, bigints, undefined) to bytes and back, losslessly.
 *
 * Bytes: u32 jsonLength | JSON (UTF-8) | u32 blobCount | per blob: u32 byteLength, zero padding to 8, the bytes.
 * Typed arrays are not put into the JSON: they become `{"$":"ta","t":"Float64Array","i":3}` pointing at blob 3, so a
 * chunk's Float64Array columns cost their byte size, not the ~2.2x of base64-in-JSON or ~4x of number lists, and decode
 * with one copy. Numbers JSON cannot hold and the other non-JSON kinds get a `{"$": tag}` object; a user's own object
 * that happens to have a "$" key is wrapped (`{"$":"o","v":…}`) so nothing the user wrote is ever misread as a tag.
 * All integers little-endian; typed array bytes as the platform holds them (every browser and Node target here is
 * little-endian).
 */

export class CodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CodecError';
  }
}

const TYPED = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array,
  BigInt64Array, BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;

/** Realm-independent kind of a value (a typed array read from IndexedDB may come from another realm). */
const kindOf = (v: object): string => Object.prototype.toString.call(v).slice(8, -1);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const encodeNumber = (n: number): Json => {
  if (Number.isNaN(n)) return { $: 'n', v: 'NaN' };
  if (n === Infinity) return { $: 'n', v: 'Infinity' };
  if (n === -Infinity) return { $: 'n', v: '-Infinity' };
  if (Object.is(n, -0)) return { $: 'n', v: '-0' };
  return n;
};

const toJson = (value: unknown, blobs: Uint8Array[], path: string, depth: number): Json => {
  if (depth > 200) throw new CodecError(`${path}: nested too deeply.`);
  switch (typeof value) {
    case 'string': case 'boolean': return value;
    case 'number': return encodeNumber(value);
    case 'undefined': return { $: 'u' };
    case 'bigint': return { $: 'bi', v: value.toString() };
    case 'object': break;
    default: throw new CodecError(`${path}: a ${typeof value} cannot be stored in a backup.`);
  }
  if (value === null) return null;
  if (Array.isArray(value)) return value.map((v, i) => toJson(v, blobs, `${path}[${i}]`, depth + 1));
  const kind = kindOf(value);
  if (kind in TYPED) {
    const view = value as ArrayBufferView;
    blobs.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    return { $: 'ta', t: kind, i: blobs.length - 1 };
  }
  if (kind === 'ArrayBuffer') {
    blobs.push(new Uint8Array(value as ArrayBuffer));
    return { $: 'ab', i: blobs.length - 1 };
  }
  if (kind === 'Date') return { $: 'd', v: encodeNumber((value as Date).getTime()) };
  if (kind === 'Map') return { $: 'm', v: [...(value as Map<unknown, unknown>)].map(([k, v], i) => [toJson(k, blobs, `${path}<key ${i}>`, depth + 1), toJson(v, blobs, `${path}<${i}>`, depth + 1)]) };
  if (kind === 'Set') return { $: 's', v: [...(value as Set<unknown>)].map((v, i) => toJson(v, blobs, `${path}<${i}>`, depth + 1)) };
  if (kind !== 'Object') throw new CodecError(`${path}: a ${kind} cannot be stored in a backup.`);
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(value)) out[k] = toJson(v, blobs, path ? `${path}.${k}` : k, depth + 1);
  return '$' in out ? { $: 'o', v: out } : out;
};

const decodeNumber = (v: unknown): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && v !== null && (v as { $?: unknown }).$ === 'n') {
    switch ((v as { v?: unknown }).v) {
      case 'NaN': return Number.NaN;
      case 'Infinity': return Infinity;
      case '-Infinity': return -Infinity;
      case '-0': return -0;
    }
  }
  throw new CodecError('a number is malformed.');
};

const fromJson = (value: unknown, blobs: readonly Uint8Array[]): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => fromJson(v, blobs));
  const o = value as Record<string, unknown>;
  if (!('$' in o)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) out[k] = fromJson(v, blobs);
    return out;
  }
  const blob = (): Uint8Array => {
    const i = o.i;
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i >= blobs.length) throw new CodecError('a binary reference is out of range.');
    return blobs[i];
  };
  switch (o.$) {
    case 'n': return decodeNumber(o);
    case 'u': return undefined;
    case 'bi': if (typeof o.v === 'string' && /^-?\d+$/.test(o.v)) return BigInt(o.v); break;
    case 'd': return new Date(decodeNumber(o.v));
    case 'ab': return blob().slice().buffer;
    case 'ta': {
      const Ctor = TYPED[o.t as TypedName] as unknown as { new (b: ArrayBuffer): ArrayBufferView; BYTES_PER_ELEMENT: number } | undefined;
      if (!Ctor || typeof o.t !== 'string' || !Object.hasOwn(TYPED, o.t)) throw new CodecError(`unknown typed array ${String(o.t)}.`);
      const bytes = blob();
      if (bytes.byteLength % Ctor.BYTES_PER_ELEMENT !== 0) throw new CodecError(`a ${o.t} has a partial element.`);
      return new Ctor(bytes.slice().buffer);
    }
    case 'm': if (Array.isArray(o.v)) return new Map(o.v.map((e) => {
      if (!Array.isArray(e) || e.length !== 2) throw new CodecError('a Map entry is malformed.');
      return [fromJson(e[0], blobs), fromJson(e[1], blobs)];
    })); break;
    case 's': if (Array.isArray(o.v)) return new Set(o.v.map((v) => fromJson(v, blobs))); break;
    case 'o': if (typeof o.v === 'object' && o.v !== null && !Array.isArray(o.v)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(o.v)) out[k] = fromJson(v, blobs);
      return out;
    } break;
  }
  throw new CodecError(`unknown or malformed tag ${JSON.stringify(o.$)}.`);
};

const pad8 = (n: number): number => (8 - (n % 8)) % 8;

/** Encodes a value; throws CodecError naming the path of a value that cannot be stored. */
export const encodeValue = (value: unknown): Uint8Array => {
  const blobs: Uint8Array[] = [];
  const json = new TextEncoder().encode(JSON.stringify(toJson(value, blobs, '', 0)));
  let size = 4 + json.length + 4;
  for (const b of blobs) size += 4 + pad8(size + 4) + b.byteLength;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, json.length, true);
  out.set(json, 4);
  let at = 4 + json.length;
  view.setUint32(at, blobs.length, true);
  at += 4;
  for (const b of blobs) {
    view.setUint32(at, b.byteLength, true);
    at += 4 + pad8(at + 4);
    out.set(b, at);
    at += b.byteLength;
  }
  return out;
};

/** Decodes what encodeValue wrote; CodecError on anything malformed (never a partial value). */
export const decodeValue = (bytes: Uint8Array): unknown => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (at: number, n: number) => {
    if (at + n > bytes.length) throw new CodecError('a record is cut short.');
  };
  need(0, 4);
  const jsonLength = view.getUint32(0, true);
  need(4, jsonLength + 4);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(4, 4 + jsonLength)));
  } catch {
    throw new CodecError('a record is not valid JSON.');
  }
  let at = 4 + jsonLength;
  const count = view.getUint32(at, true);
  at += 4;
  if (count > bytes.length) throw new CodecError('a record has an impossible number of binary parts.');
  const blobs: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    need(at, 4);
    const length = view.getUint32(at, true);
    at += 4 + pad8(at + 4);
    need(at, length);
    blobs.push(bytes.subarray(at, at + length));
    at += length;
  }
  if (at !== bytes.length) throw new CodecError('a record has bytes after its end.');
  return fromJson(json, blobs);
};
