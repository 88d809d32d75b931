/**
 * Reads a CSV source as text pieces of about `pieceSize` characters, decoding UTF-8 with one streaming decoder so a
 * multi-byte character split across a read boundary is never corrupted (PapaParse's own File and Node-stream readers
 * decode each slice on its own: papaparse issues #751, #1132). A leading BOM is dropped.
 *
 * - string: sliced;
 * - Blob / File (browser, Web Worker, Node >= 18): `blob.slice().arrayBuffer()` + TextDecoder;
 * - Node readable stream: `setEncoding('utf8')` then async iteration, which reads only as fast as we consume, so
 *   a slow sink holds the file back instead of buffering it.
 */

export type CsvSource = Blob | NodeJS.ReadableStream | string;

const stripBom = (s: string): string => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

const isBlob = (s: unknown): s is Blob => typeof Blob !== 'undefined' && s instanceof Blob;

async function* stringPieces(text: string, pieceSize: number): AsyncGenerator<string> {
  const t = stripBom(text);
  for (let i = 0; i < t.length; i += pieceSize) yield t.slice(i, i + pieceSize);
}

async function* blobPieces(blob: Blob, pieceSize: number): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for (let start = 0; start < blob.size; start += pieceSize) {
    const bytes = await blob.slice(start, Math.min(start + pieceSize, blob.size)).arrayBuffer();
    const text = decoder.decode(bytes, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

async function* streamPieces(stream: NodeJS.ReadableStream, pieceSize: number): AsyncGenerator<string> {
  if (typeof stream.setEncoding === 'function') stream.setEncoding('utf8');
  const decoder = new TextDecoder('utf-8');
  let parts: string[] = [];
  let size = 0;
  for await (const piece of stream as AsyncIterable<string | Uint8Array>) {
    const text = typeof piece === 'string' ? piece : decoder.decode(piece, { stream: true });
    parts.push(text);
    size += text.length;
    if (size >= pieceSize) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  parts.push(decoder.decode());
  const rest = parts.join('');
  if (rest) yield rest;
}

/** Drops a BOM at the very start of the text. */
async function* withoutBom(pieces: AsyncGenerator<string>): AsyncGenerator<string> {
  let first = true;
  for await (const piece of pieces) {
    const text = first ? stripBom(piece) : piece;
    first = false;
    if (text) yield text;
  }
}

/** The source's text, piece by piece. */
export const textPieces = (source: CsvSource, pieceSize: number): AsyncGenerator<string> => {
  if (typeof source === 'string') return stringPieces(source, pieceSize);
  if (isBlob(source)) return blobPieces(source, pieceSize);
  return withoutBom(streamPieces(source, pieceSize));
};

/** Size of the source when it is known up front (string: characters; Blob: bytes). */
export const sourceSize = (source: CsvSource): number | undefined =>
  typeof source === 'string' ? source.length : isBlob(source) ? source.size : undefined;
