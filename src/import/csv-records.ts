/**
 * CSV records with their true 1-based file line numbers, batch by batch, from text pieces.
 *
 * Uses PapaParse's core parser (`Papa.Parser`, array mode, no header mode) on each piece joined to the unfinished
 * last record of the previous piece, the way `Papa.parse`'s own chunk streamers do, but driven from an async loop:
 * the caller awaits between batches, so backpressure is real for every source.
 *
 * Line numbers: every record ends with one line break, so when the line breaks in the consumed text equal the
 * records (one native indexOf scan per piece) lines are sequential; otherwise some field holds a quoted line break
 * and the batch's fields are scanned to place each record exactly. Blank lines come through as records of one
 * empty field (callers skip them) and so keep the numbering right.
 */
import Papa from 'papaparse';
import { textPieces } from './text-source';
import type { CsvSource } from './text-source';
import { ImportError } from './types';

/** A record longer than this is taken for an unclosed quote rather than buffered on. */
const MAX_RECORD_CHARS = 32_000_000;

export type RecordBatch = {
  rows: string[][];
  /** Line of rows[k] is `lines ? lines[k] : firstLine + k`. */
  firstLine: number;
  lines: Int32Array | null;
  /** PapaParse quote errors by row index in this batch. */
  errors: Map<number, string> | null;
  /** Characters of the source consumed so far. */
  charsRead: number;
};

export type CsvDialect = { delimiter: string; newline: '\n' | '\r\n' | '\r' };

const DELIMITERS = [',', ';', '\t', '|'];

/** Delimiters outside double quotes in one line. */
const delimitersIn = (line: string, d: number): number => {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === d && !quoted) n++;
  }
  return n;
};

/** Whether the first `limit` characters hold a line feed outside quotes with no carriage return before it. */
const hasBareLf = (text: string, limit: number): boolean => {
  let quoted = false;
  const end = Math.min(text.length, limit);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === 10 && !quoted && (i === 0 || text.charCodeAt(i - 1) !== 13)) return true;
  }
  return false;
};

/** Lines looked at to guess the delimiter. */
const SNIFF_LINES = 20;

/**
 * Line break and delimiter guessed from the start of the text: the delimiter that splits the most of the first
 * non-blank lines into the same number of fields (outside quotes), so a preamble line ("Report of September") or a
 * comma inside a quoted field does not decide; ties go to the one giving more fields, then to the list order.
 */
export const guessDialect = (text: string): CsvDialect => {
  const n = text.indexOf('\n');
  const r = text.indexOf('\r');
  const first = r >= 0 && (n < 0 || r < n) ? (text.charCodeAt(r + 1) === 10 ? '\r\n' : '\r') : '\n';
  // CRLF and LF lines mixed (files joined together): split on LF, or every LF line would run into one record; the
  // CRLF lines' last field keeps a '\r' that the row writer trims.
  const newline = first === '\r\n' && hasBareLf(text, 65_536) ? '\n' : first;
  const lines = text.split(newline, 200).filter((l) => l.trim() !== '').slice(0, SNIFF_LINES);
  let delimiter = ',';
  let bestLines = 0;
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const l of lines) {
      const k = delimitersIn(l, d.charCodeAt(0));
      if (k > 0) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const [count, times] of counts) {
      if (times > bestLines || (times === bestLines && count > bestCount)) {
        bestLines = times;
        bestCount = count;
        delimiter = d;
      }
    }
  }
  return { delimiter, newline };
};

const countChar = (text: string, ch: string, end: number): number => {
  let n = 0;
  let i = text.indexOf(ch);
  while (i !== -1 && i < end) {
    n++;
    i = text.indexOf(ch, i + 1);
  }
  return n;
};

const lineBreaksIn = (row: readonly string[], ch: string): number => {
  let n = 0;
  for (let k = 0; k < row.length; k++) {
    const f = row[k];
    if (f.length > 0 && f.indexOf(ch) !== -1) n += countChar(f, ch, f.length);
  }
  return n;
};

/** Parses `source` into record batches, one per text piece of about `pieceSize` characters. */
export const csvRecords = (source: CsvSource, pieceSize: number): AsyncGenerator<RecordBatch> =>
  recordsOfPieces(textPieces(source, pieceSize));

/** Record batches of text pieces; `onDialect` hears the dialect guessed from the start of the text. */
export async function* recordsOfPieces(
  pieces: AsyncIterator<string>, onDialect?: (d: CsvDialect) => void,
): AsyncGenerator<RecordBatch> {
  let dialect: CsvDialect | null = null;
  let pending = '';
  let base = 0;
  let line = 1;
  try {
  for (;;) {
    const next = await pieces.next();
    const finished = next.done === true;
    const text = finished ? pending : pending + next.value;
    if (dialect === null) {
      // Wait for a few whole lines (or the end) before guessing the dialect.
      // A lone '\r' at the very end may be the first half of '\r\n'.
      const breakAt = text.search(/[\r\n]/);
      const few = text.length >= 65_536 || countChar(text, '\n', text.length) + countChar(text, '\r', text.length) > 2 * SNIFF_LINES;
      if (!finished && (breakAt < 0 || !few || (breakAt === text.length - 1 && text.charCodeAt(breakAt) === 13))) {
        pending = text;
        continue;
      }
      dialect = guessDialect(text);
      onDialect?.(dialect);
    }
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, skipEmptyLines: false });
    const result = parser.parse(text, base, !finished) as Papa.ParseResult<string[]>;
    const consumed = result.meta.cursor - base;
    pending = finished ? '' : text.slice(consumed);
    base = result.meta.cursor;
    const rows = result.data;
    // The final line break of the file ends the last record; it starts no blank one.
    const last = rows.length > 0 ? rows[rows.length - 1] : null;
    if (finished && last !== null && last.length === 1 && last[0] === '' && /[\r\n]$/.test(text)) rows.pop();
    const ch = dialect.newline === '\r' ? '\r' : '\n';
    const breaks = countChar(text, ch, consumed);
    // Every record but the final one of the file ends with one line break.
    const expected = finished ? Math.max(rows.length - 1, 0) : rows.length;
    let lines: Int32Array | null = null;
    const firstLine = line;
    if (breaks === expected) line += expected;
    else {
      lines = new Int32Array(rows.length);
      for (let k = 0; k < rows.length; k++) {
        lines[k] = line;
        line += 1 + lineBreaksIn(rows[k], ch);
      }
    }
    let errors: Map<number, string> | null = null;
    for (const e of result.errors) {
      if (e.row === undefined) continue;
      errors ??= new Map();
      if (!errors.has(e.row)) errors.set(e.row, e.message);
    }
    if (rows.length > 0) yield { rows, firstLine, lines, errors, charsRead: base };
    if (finished) return;
    if (pending.length > MAX_RECORD_CHARS) {
      throw new ImportError(`line ${line}: a record runs on for over ${MAX_RECORD_CHARS / 1e6} million characters (a quoted field that is never closed?)`, line,
        undefined, { code: 'record-too-long', params: { line, millions: MAX_RECORD_CHARS / 1e6 } });
    }
  }
  } finally {
    await pieces.return?.(undefined);
  }
}
