/**
 * Content hashes of usage files, so the same file imported twice is recognised whatever its name (see contentHash).
 */
import { sha256 } from '@noble/hashes/sha2.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Slice size of the content hash (see `contentHash`). */
export const CONTENT_HASH_SLICE = 8 * 1024 * 1024;

const hexOf = (bytes: Uint8Array): string => Array.from(bytes, (b) => HEX[b]).join('');
/** SHA-256 by WebCrypto; by noble (the same function, in JS) where there is no WebCrypto digest. */
const digest = async (data: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<Uint8Array> => {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256(bytes);
  try {
    return new Uint8Array(await subtle.digest('SHA-256', bytes));
  } catch (error) {
    // A buffer WebCrypto does not take as its own (jsdom's Blob in component tests comes from another realm): copied.
    if (!(error instanceof TypeError)) throw error;
    return new Uint8Array(await subtle.digest('SHA-256', Uint8Array.from(bytes)));
  }
};

/**
 * Content hash of a file (hex), by WebCrypto, which runs natively and off the JS thread, so the import can hash a
 * file while it parses it at almost no cost (noble's streaming SHA-256 in JS added ~0.6-1 s per 115 MB to the import):
 * - a file of at most CONTENT_HASH_SLICE bytes: the SHA-256 of its bytes;
 * - a larger file: the SHA-256 of the SHA-256 digests of its 8 MiB slices, in order (a hash list).
 * The same bytes always give the same hash; memory stays at one slice.
 */
export const contentHash = async (blob: Blob, signal?: AbortSignal): Promise<string> => {
  const aborted = () => {
    if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
  };
  if (blob.size <= CONTENT_HASH_SLICE) {
    aborted();
    return hexOf(await digest(await blob.arrayBuffer()));
  }
  const slices = Math.ceil(blob.size / CONTENT_HASH_SLICE);
  const list = new Uint8Array(32 * slices);
  for (let i = 0; i < slices; i++) {
    aborted();
    const part = await blob.slice(i * CONTENT_HASH_SLICE, (i + 1) * CONTENT_HASH_SLICE).arrayBuffer();
    list.set(await digest(part), 32 * i);
  }
  return hexOf(await digest(list));
};
