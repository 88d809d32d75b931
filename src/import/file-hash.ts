/**
 * Content hashes of usage files: SHA-256 of the bytes as stored on disk (hex), so the same file imported twice is
 * recognised whatever its name. Computed streaming: while the import reads the file (TextInfo.onBytes), or, when a
 * file must be checked before it is imported, by reading it once on its own with bounded memory.
 */
import { sha256 } from '@noble/hashes/sha2.js';

export type ContentHasher = { update(bytes: Uint8Array): void; hex(): string };

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export const createContentHasher = (): ContentHasher => {
  const state = sha256.create();
  return {
    update: (bytes) => { state.update(bytes); },
    hex: () => Array.from(state.digest(), (b) => HEX[b]).join(''),
  };
};

/** SHA-256 (hex) of a text's UTF-8 bytes (a string source). */
export const sha256OfText = (text: string): string => {
  const h = createContentHasher();
  h.update(new TextEncoder().encode(text));
  return h.hex();
};

/** SHA-256 (hex) of a Blob's bytes, read as a stream (a few hundred KB in memory at a time); stops when aborted. */
export const sha256OfBlob = async (blob: Blob, signal?: AbortSignal): Promise<string> => {
  const h = createContentHasher();
  const reader = (blob.stream() as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      if (signal?.aborted) throw new DOMException('The import was cancelled.', 'AbortError');
      const { done, value } = await reader.read();
      if (done) break;
      h.update(value);
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return h.hex();
};
