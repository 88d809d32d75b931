import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CONTENT_HASH_SLICE, contentHash } from './file-hash';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest();

describe('contentHash', () => {
  it('is the SHA-256 of a file of up to one slice', async () => {
    const bytes = new TextEncoder().encode('timestamp,kind\n2026-01-01T00:00:00Z,message\n');
    expect(await contentHash(new Blob([bytes]))).toBe(sha(bytes).toString('hex'));
    const full = new Uint8Array(CONTENT_HASH_SLICE).fill(7);
    expect(await contentHash(new Blob([full]))).toBe(sha(full).toString('hex'));
  });

  it('is the SHA-256 of the slices\' SHA-256s for a larger file, and tells one changed byte', async () => {
    const bytes = new Uint8Array(2 * CONTENT_HASH_SLICE + 5);
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = i % 251;
    const list = Buffer.concat([
      sha(bytes.subarray(0, CONTENT_HASH_SLICE)),
      sha(bytes.subarray(CONTENT_HASH_SLICE, 2 * CONTENT_HASH_SLICE)),
      sha(bytes.subarray(2 * CONTENT_HASH_SLICE)),
    ]);
    const hash = await contentHash(new Blob([bytes]));
    expect(hash).toBe(sha(list).toString('hex'));
    expect(await contentHash(new Blob([bytes]))).toBe(hash);
    bytes[bytes.length - 1] = 1;
    expect(await contentHash(new Blob([bytes]))).not.toBe(hash);
  });

  it('stops when the job is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(contentHash(new Blob([new Uint8Array(10)]), controller.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});
