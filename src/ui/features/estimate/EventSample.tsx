import { useEffect, useState } from 'react';
import { useWorkerApi } from '../../app/store-context';
import type { EventRecord } from '../../../worker/types';

const COLUMNS = ['timestamp', 'kind', 'direction', 'contact', 'channel', 'queue', 'agent', 'category', 'template', 'status', 'duration', 'quantity'];

/** The events behind a line, fetched from the worker on demand. */
export const EventSample = ({ datasetId, indices }: { datasetId: string; indices: number[] }) => {
  const api = useWorkerApi();
  const [rows, setRows] = useState<EventRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void api.events(datasetId, indices).then((r) => { if (live) setRows(r); });
    return () => { live = false; };
  }, [api, datasetId, indices]);
  if (!rows) return <p className="hint">…</p>;
  // Then the file's own columns kept at import (col:<header>), by their header.
  const extras = [...new Set(rows.flatMap((r) => Object.keys(r).filter((k) => k.startsWith('col:'))))];
  const cols = [...COLUMNS, ...extras].filter((c) => rows.some((r) => r[c] !== '' && r[c] !== undefined && !(typeof r[c] === 'number' && Number.isNaN(r[c]))));
  return (
    <table className="events">
      <thead><tr>{cols.map((c) => <th key={c} scope="col">{c.startsWith('col:') ? c.slice(4) : c}</th>)}</tr></thead>
      <tbody>{rows.map((r, i) => <tr key={i}>{cols.map((c) => <td key={c}>{String(r[c] ?? '')}</td>)}</tr>)}</tbody>
    </table>
  );
};
