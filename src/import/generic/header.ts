/** The header row of the generic preset: which column holds which normalised field. */
import { NUMBER_FIELDS, STRING_FIELDS } from '../../engine/events';
import type { EventField } from '../../engine/events';
import { ImportError } from '../types';

/** Fields read from the header: the normalised ones plus `body`, used only to count segments. */
export type GenericColumn = EventField | 'body';

const KNOWN: ReadonlySet<string> = new Set<string>(['timestamp', ...STRING_FIELDS, ...NUMBER_FIELDS, 'body']);

export type GenericHeader = {
  /** Column index per field; -1 when the file has no such column. */
  index: Record<GenericColumn, number>;
  /** Fields per record the header declares. */
  width: number;
  /** Header cells that are not normalised fields (or repeat one), as written in the file. */
  ignoredColumns: string[];
};

/** Header cell as matched: BOM removed, trimmed, lower-cased. */
export const headerName = (cell: string): string => cell.replace(/^\uFEFF/, '').trim().toLowerCase();

/** Reads the header record; throws ImportError when there is no `timestamp` column. */
export const readGenericHeader = (cells: readonly string[], line?: number): GenericHeader => {
  const index = Object.fromEntries([...KNOWN].map((f) => [f, -1])) as Record<GenericColumn, number>;
  const ignoredColumns: string[] = [];
  cells.forEach((cell, i) => {
    const name = headerName(cell);
    if (KNOWN.has(name) && index[name as GenericColumn] === -1) index[name as GenericColumn] = i;
    else ignoredColumns.push(cell.replace(/^\uFEFF/, '').trim());
  });
  if (index.timestamp === -1) {
    const found = cells.map((c) => c.replace(/^\uFEFF/, '').trim()).slice(0, 12);
    const more = cells.length > 12 ? ', …' : '';
    throw new ImportError(`no recognisable header: expected a 'timestamp' column (found: ${found.join(', ')}${more})`, line, 'timestamp',
      { code: 'no-header', params: { found: found.join(', ') + more } });
  }
  return { index, width: cells.length, ignoredColumns };
};
