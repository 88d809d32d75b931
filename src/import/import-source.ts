/**
 * Opens a usage source as record batches: CSV text through PapaParse (csv-records.ts), or, when the text starts with
 * '{' or '[' and the preset may be a JSON one, the whole JSON document flattened by its preset's extractor
 * (presets/json-presets.ts) into one batch whose first record is the virtual header (line 0) and whose rows carry
 * their 1-based data point number as their line.
 */
import { recordsOfPieces } from './csv-records';
import type { CsvDialect, RecordBatch } from './csv-records';
import { jsonRows } from './presets/json-presets';
import { JSON_PRESETS } from './presets/specs';
import type { PresetChoice, PresetName } from './presets/types';
import { textPieces } from './text-source';
import type { CsvSource, EncodingChoice, TextInfo } from './text-source';
import { ImportError } from './types';

export type OpenedSource = {
  batches: AsyncGenerator<RecordBatch>;
  info: TextInfo;
  /** The CSV dialect once guessed; null for JSON. */
  dialect: () => CsvDialect | null;
  /** The preset a JSON document was read with; null for CSV. */
  jsonPreset: PresetName | null;
};

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  try {
    if (first) yield first;
    for (;;) {
      const next = await rest.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await rest.return?.(undefined);
  }
}

async function* oneBatch(batch: RecordBatch): AsyncGenerator<RecordBatch> {
  yield batch;
}

export const openSource = async (
  source: CsvSource, pieceSize: number, preset: PresetChoice, encoding: EncodingChoice,
): Promise<OpenedSource> => {
  const info: TextInfo = { encoding: 'utf-8' };
  const pieces = textPieces(source, pieceSize, encoding, info);
  let first = '';
  let done = false;
  while (!done && first.trim() === '') {
    const next = await pieces.next();
    if (next.done) done = true;
    else first += next.value;
  }
  const wantsJson = preset === 'auto' || JSON_PRESETS.includes(preset);
  const start = first.trimStart().charAt(0);
  if (!wantsJson || (start !== '{' && start !== '[')) {
    let dialect: CsvDialect | null = null;
    const batches = recordsOfPieces(prepend(first, pieces), (d) => {
      dialect = d;
    });
    return { batches, info, dialect: () => dialect, jsonPreset: null };
  }
  const parts = [first];
  if (!done) for await (const piece of { [Symbol.asyncIterator]: () => pieces }) parts.push(piece);
  const text = parts.join('');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new ImportError(`not valid JSON (${(e as Error).message})`, undefined, undefined, { code: 'bad-json', params: { error: (e as Error).message } });
  }
  const found = jsonRows(doc, preset as PresetName | 'auto');
  if (found === null) {
    const keys = doc !== null && typeof doc === 'object' ? Object.keys(doc).slice(0, 12).join(', ') : typeof doc;
    const tried = preset === 'auto' ? JSON_PRESETS.join(', ') : preset;
    throw new ImportError(`no recognisable JSON export: tried ${tried} (found keys: ${keys})`, undefined, undefined, { code: 'unknown-json', params: { tried, keys } });
  }
  const rows = [found.header, ...found.rows];
  const lines = Int32Array.from(rows, (_, k) => k);
  return {
    batches: oneBatch({ rows, lines, firstLine: 0, errors: null, charsRead: text.length }),
    info, dialect: () => null, jsonPreset: found.preset,
  };
};
