/** The allocation as a CSV file: the engine's rows (header + one row per cycle, line and centre), RFC 4180 quoting. */
import { allocationCsvRows } from '../../../engine/allocation/export';
import type { Allocation } from '../../../worker/types';

const cell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const allocationCsv = (allocation: Allocation): string =>
  `${allocationCsvRows(allocation).map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
