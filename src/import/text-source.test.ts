import { describe, expect, it } from 'vitest';
import { textPieces } from './text-source';

const all = async (pieces: AsyncGenerator<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const p of pieces) out.push(p);
  return out;
};

/** A Blob as an older browser has it: no stream(), so pieces are read by slicing. */
class SliceOnlyBlob extends Blob {}
Object.defineProperty(SliceOnlyBlob.prototype, 'stream', { value: undefined });

describe('textPieces', () => {
  // 'é' and '€' are 2 and 3 bytes in UTF-8: piece sizes of 1..7 bytes split them everywhere.
  const text = 'a,é\n€,b\n'.repeat(50);
  const bytes = new TextEncoder().encode(`\uFEFF${text}`);

  it('decodes a Blob through stream() whole, BOM dropped', async () => {
    for (const size of [1, 5, 64, 1 << 20]) {
      const pieces = await all(textPieces(new Blob([bytes]), size));
      expect(pieces.join('')).toBe(text);
      // Pieces stay near the piece size even when the stream hands over the whole Blob at once (Node).
      if (size === 64) expect(pieces.every((p, k) => (k === pieces.length - 1 || p.length >= 64) && p.length < 128)).toBe(true);
    }
  });

  it('decodes a Blob without stream() by slices, multi-byte characters split across slices', async () => {
    const blob = new SliceOnlyBlob([bytes]);
    expect(typeof blob.stream).toBe('undefined');
    for (const size of [1, 2, 3, 5, 7, 64]) expect((await all(textPieces(blob, size))).join('')).toBe(text);
    expect(await all(textPieces(new SliceOnlyBlob([]), 4))).toEqual([]);
  });

  it('stops reading when the consumer stops', async () => {
    const pieces = textPieces(new Blob([bytes]), 8);
    expect((await pieces.next()).done).toBe(false);
    await pieces.return(undefined);
    expect((await pieces.next()).done).toBe(true);
  });
});
