import type { DatasetRow } from '../storage/db';
import type { DatasetSummary } from './types';

export const toDatasetSummary = (row: DatasetRow): DatasetSummary => ({
  id: row.id,
  name: row.name,
  createdAt: row.createdAt,
  preset: row.preset,
  timeZone: row.timeZone,
  files: row.files.map((f) => ({
    name: f.name, size: f.size,
    ...(f.sha256 !== undefined ? { sha256: f.sha256 } : {}),
    ...(f.counts ? { rowsRead: f.counts.rowsRead, imported: f.counts.imported, rejected: f.counts.rejected, duplicates: f.counts.duplicates } : {}),
  })),
  rowsRead: row.counts.rowsRead,
  imported: row.counts.imported,
  rejected: row.counts.rejected,
  duplicates: row.counts.duplicates,
  ignoredColumns: [...row.ignoredColumns],
  minTimestamp: row.minTimestamp,
  maxTimestamp: row.maxTimestamp,
  contacts: row.contacts ?? 'raw',
});
