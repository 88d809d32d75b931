/**
 * The PapaParse configuration of the baseline, shaped like the one importCsv's record reader (src/import/csv-records.ts)
 * gives Papa.Parser: arrays mode (no header), explicit delimiter and newline, blank lines kept, read in pieces of
 * importCsv's PIECE_SIZE. The baseline adds only Papa's own streaming (`Papa.parse(file|stream, { chunk })`).
 */
import { PIECE_SIZE } from '../../src/import/import-csv';

export const PAPA_BASELINE_CONFIG = {
  header: false,
  delimiter: ',',
  newline: '\n',
  skipEmptyLines: false,
  chunkSize: PIECE_SIZE,
} as const;
