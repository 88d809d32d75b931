/**
 * Appends normalised events into preallocated typed arrays and hands them out as EventChunks.
 *
 * Strings are dictionary-coded with one TextCodes table per field (code 0 = ''); codes are stable for the builder's life, so one
 * builder can take several files into one dataset. Each flushed chunk's `dictAppend` holds the entries added since
 * the previous flush (the first flush's starts with ''), so concatenating the chunks' `dictAppend` in chunk order
 * rebuilds the dataset dictionary, as `tableFromChunks` expects.
 *
 * Ids are the exception: nearly all are unique, so a dictionary would save nothing and grow with the file. `idCode`
 * gives each new id the next code (its position among the dataset's non-empty ids; 0 = empty) and keeps only its
 * 64-bit hash, for duplicate detection (see IdSet); the id texts themselves are kept per chunk, in order, and leave
 * with the chunk as its `dictAppend.id`, so the stored format is the same as for a dictionary-coded field.
 *
 * Extra columns (`defineExtras`, engine/events.ts `col:<header>`) are coded like the other text fields, each with
 * its own dictionary, in `columns.extra` and `dictAppend.extra`. When an extra column's first chunk is flushed its
 * values are judged (generic/extra-columns.ts): a column of free text, contacts or too many values is dropped from
 * that chunk on, nothing of it stored, and listed in `droppedExtras`. A builder continuing a stored dataset calls
 * `settleExtras`: the dataset's columns are not judged again, and the columns it did not keep stay out.
 *
 * Writing a row: `const i = builder.length; builder.columns.timestamp[i] = …` for every column, then `commit()`.
 * A row that is not committed leaves no trace (the next row overwrites slot i).
 */
import { allocateColumns, emptyDictionaries, STRING_FIELDS } from '../engine/events';
import type { Dictionaries, EventChunk, EventColumns, StringField } from '../engine/events';
import { judgeExtraValues, MAX_EXTRA_COLUMNS, type ExtraVerdict } from './generic/extra-columns';
import { IdSet } from './id-set';
import { TextCodes } from './text-codes';
import type { RejectedRow } from './types';

export const DEFAULT_CHUNK_SIZE = 65_536;

export type FlushedChunk = { chunk: EventChunk; rejects: RejectedRow[] };

const freshAppend = (): Dictionaries =>
  Object.fromEntries(STRING_FIELDS.map((f) => [f, [] as string[]])) as unknown as Dictionaries;

const sliceColumns = (c: EventColumns, n: number): EventColumns => ({
  length: n,
  timestamp: c.timestamp.slice(0, n),
  duration: c.duration.slice(0, n),
  segments: c.segments.slice(0, n),
  quantity: c.quantity.slice(0, n),
  price: c.price.slice(0, n),
  strings: Object.fromEntries(STRING_FIELDS.map((f) => [f, c.strings[f].slice(0, n)])) as unknown as EventColumns['strings'],
  ...(c.extra ? { extra: Object.fromEntries(Object.entries(c.extra).map(([name, codes]) => [name, codes.slice(0, n)])) } : {}),
});

/** One extra column: its dictionary, the entries added since the last flush, and whether its values were judged. */
type Extra = { name: string; codes: TextCodes; size: number; append: string[]; judged: boolean; dropped: boolean };

/**
 * The same strings with text of their own. Parsers hand out substrings that keep their whole source text alive, so a
 * sink that keeps chunks (the CLI joins them into one table) would otherwise pin every parse piece of the file. One
 * join + split per chunk is ~3x cheaper than copying string by string; an id holding a line break (quoted) falls back.
 */
const ownTexts = (list: string[]): string[] => {
  const own = list.join('\n').split('\n');
  return own.length === list.length ? own : list.map((v) => (v.length >= 13 ? (' ' + v).slice(1) : v));
};

export class ColumnBuilder {
  readonly chunkSize: number;
  /** Columns being filled; replaced by fresh arrays at each flush. */
  columns: EventColumns;
  /** Rows committed to `columns` so far. */
  length = 0;
  /** Index the next flushed chunk will carry. */
  nextChunkIndex = 0;
  /** Events committed over the builder's life. */
  totalEvents = 0;
  private readonly codes: Record<StringField, TextCodes>;
  private sizes: Record<StringField, number>;
  private append: Dictionaries;
  private rejects: RejectedRow[] = [];
  private readonly ids = new IdSet();
  private readonly extras: Extra[] = [];
  /** Extra columns dropped when their values were judged, with the reason ('dataset': the dataset dropped it earlier). */
  readonly droppedExtras: { name: string; reason: Exclude<ExtraVerdict, 'keep'> | 'dataset' }[] = [];
  /** Names a continued dataset did not keep (settleExtras): defineExtras refuses them. */
  private readonly refusedExtras = new Set<string>();
  /**
   * The pseudonymisation key the dataset's contacts were coded with: undefined before the first import through this
   * builder, null when they are stored raw. Set by importCsv, which refuses a later import with another key.
   */
  pseudonymKey: Uint8Array | null | undefined = undefined;

  constructor(chunkSize: number = DEFAULT_CHUNK_SIZE) {
    if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    this.chunkSize = chunkSize;
    this.columns = allocateColumns(chunkSize);
    this.codes = Object.fromEntries(STRING_FIELDS.map((f) => {
      const t = new TextCodes();
      t.add('', 0);
      return [f, t];
    })) as unknown as Record<StringField, TextCodes>;
    this.sizes = Object.fromEntries(STRING_FIELDS.map((f) => [f, 1])) as unknown as Record<StringField, number>;
    this.append = emptyDictionaries();
  }

  /** The code of `value` in `field`'s dictionary, adding it when new. */
  code(field: StringField, value: string): number {
    const c = this.codes[field].get(value);
    return c < 0 ? this.add(field, value) : c;
  }

  /**
   * The code of a new, non-empty id; -1 when the dataset already has it (duplicate detection; a false duplicate
   * needs a 64-bit hash collision, see IdSet). Ids never go through `code`: `codeOf('id', …)` does not know them.
   */
  idCode(id: string): number {
    if (!this.ids.add(id)) return -1;
    this.append.id.push(id);
    return this.sizes.id++;
  }

  private add(field: StringField, value: string): number {
    const c = this.sizes[field]++;
    // A copy, not a slice: parsers hand out substrings that would keep their whole source text alive.
    const own = value.length >= 13 ? (' ' + value).slice(1) : value;
    this.codes[field].add(own, c);
    this.append[field].push(own);
    return c;
  }

  /**
   * Declares extra columns by header name (at most MAX_EXTRA_COLUMNS over the builder's life; a name already declared
   * keeps its slot). Returns each name's slot for `extraCode`, or -1 for a name over the bound or already dropped.
   */
  defineExtras(names: readonly string[]): number[] {
    return names.map((name) => {
      const known = this.extras.findIndex((e) => e.name === name);
      if (known >= 0) return this.extras[known].dropped ? -1 : known;
      if (this.refusedExtras.has(name)) {
        if (!this.droppedExtras.some((d) => d.name === name)) this.droppedExtras.push({ name, reason: 'dataset' });
        return -1;
      }
      if (this.extras.length >= MAX_EXTRA_COLUMNS) return -1;
      const codes = new TextCodes();
      codes.add('', 0);
      this.extras.push({ name, codes, size: 1, append: [''], judged: false, dropped: false });
      (this.columns.extra ??= {})[name] = new Uint32Array(this.chunkSize);
      return this.extras.length - 1;
    });
  }

  /**
   * For a builder that continues a stored dataset: the extra columns declared so far (the dataset's) count as judged
   * already, so an appended file whose first chunk would fail the judgement still fills them; and each of `notKept`
   * (the dataset's ignored columns: refused or dropped before) stays out, so its rows never read as values only for
   * the appended part.
   */
  settleExtras(notKept: readonly string[]): void {
    for (const e of this.extras) e.judged = true;
    for (const name of notKept) if (!this.extras.some((e) => e.name === name)) this.refusedExtras.add(name);
  }

  /** Whether extra column `name` is kept and needs no judgement any more (declared, judged, not dropped). */
  extraSettled(name: string): boolean {
    return this.extras.some((e) => e.name === name && e.judged && !e.dropped);
  }

  /** The code of `value` (trimmed) in extra column `slot`'s dictionary, adding it when new. */
  extraCode(slot: number, value: string): number {
    const e = this.extras[slot];
    const c = e.codes.get(value);
    if (c >= 0) return c;
    const own = value.length >= 13 ? (' ' + value).slice(1) : value;
    e.codes.add(own, e.size);
    e.append.push(own);
    return e.size++;
  }

  /** The codes column of extra `slot` in the chunk being filled; null once the column is dropped. */
  extraTarget(slot: number): Uint32Array | null {
    return this.extras[slot].dropped ? null : this.columns.extra![this.extras[slot].name];
  }

  /** Makes room for `n` more ids (at most 4M) at once: an estimate from the file size; a wrong guess costs only time or memory. */
  reserveIds(n: number): void {
    this.ids.reserve(this.ids.size + Math.min(Math.max(0, Math.ceil(n)), 1 << 22));
  }

  /** `field`'s dictionary (text -> code, -1 when absent), for callers that look up before calling `code`. */
  dictionary(field: StringField): Pick<TextCodes, 'get'> {
    return this.codes[field];
  }

  /** The code of `value` when it is already in the dictionary. */
  codeOf(field: StringField, value: string): number | undefined {
    const c = this.codes[field].get(value);
    return c < 0 ? undefined : c;
  }

  /** Entries in `field`'s dictionary, '' included. */
  dictionarySize(field: StringField): number {
    return this.sizes[field];
  }

  /** Keeps the row written at `length`; true when the chunk is now full and should be flushed. */
  commit(): boolean {
    this.length++;
    this.totalEvents++;
    return this.length === this.chunkSize;
  }

  reject(row: RejectedRow): void {
    this.rejects.push(row);
  }

  /** True when there are events or rejects not yet flushed. */
  get pending(): boolean {
    return this.length > 0 || this.rejects.length > 0;
  }

  /** The events and rejects since the last flush; a partial chunk gets exact-size arrays. */
  flush(): FlushedChunk {
    const n = this.length;
    this.judgeExtras(n);
    const columns = n === this.chunkSize ? this.columns : sliceColumns(this.columns, n);
    const dictAppend = this.append;
    if (dictAppend.id.length > 1) dictAppend.id = ownTexts(dictAppend.id);
    const kept = this.extras.filter((e) => !e.dropped);
    if (kept.length > 0) {
      dictAppend.extra = Object.fromEntries(kept.map((e) => [e.name, e.append]));
      for (const e of kept) e.append = [];
    }
    const chunk: EventChunk = { index: this.nextChunkIndex++, columns, dictAppend };
    const rejects = this.rejects;
    this.columns = allocateColumns(this.chunkSize);
    if (kept.length > 0) this.columns.extra = Object.fromEntries(kept.map((e) => [e.name, new Uint32Array(this.chunkSize)]));
    this.length = 0;
    this.append = freshAppend();
    this.rejects = [];
    return { chunk, rejects };
  }

  /** Judges the extra columns flushed for the first time; a dropped one leaves the chunk (and every later one). */
  private judgeExtras(rows: number): void {
    for (const e of this.extras) {
      if (e.judged || e.dropped || rows === 0) continue;
      e.judged = true;
      const verdict = judgeExtraValues(e.append.filter((v) => v !== ''), rows);
      if (verdict === 'keep') continue;
      e.dropped = true;
      e.append = [];
      delete this.columns.extra![e.name];
      this.droppedExtras.push({ name: e.name, reason: verdict });
    }
    if (this.columns.extra && Object.keys(this.columns.extra).length === 0) delete this.columns.extra;
  }
}
