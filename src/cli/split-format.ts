/** Output of `tarifa split`: the spec's JSON document, the allocation CSV rows, or a readable text table. */
import { allocationCsvRows, splitDocument, type Allocation } from '../engine/allocation';

export const splitJson = (allocation: Allocation): string => `${JSON.stringify(splitDocument(allocation), null, 2)}\n`;

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export const splitCsv = (allocation: Allocation): string =>
  `${allocationCsvRows(allocation).map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

const percent = (ratio: string): string => `${(Number(ratio) * 100).toFixed(2)} %`;

const aligned = (rows: string[][], right: readonly number[]): string[] => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => `  ${r.map((cell, c) => (right.includes(c) ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join('  ').trimEnd()}`);
};

/** Centres with amount and share; then per cycle, each line's parts by centre and how the line was split. */
export const splitTable = (a: Allocation): string => {
  const out: string[] = [];
  const basis = a.basis === 'invoice' ? `invoice total split by ${a.driver?.meter ?? 'the driver'}` : 'estimate';
  out.push(`Split of the ${basis}: ${a.currency} ${a.total}`);
  out.push('', ...aligned([['Centre', 'Amount', 'Share', 'Events'], ...a.centres.map((c) => [c.label, c.amount, percent(c.ratio), String(c.eventCount)])], [1, 2, 3]));
  if (a.unattributedEvents.count > 0) out.push(`  (${a.unattributedEvents.count} events matched no rule; unattributed cost: ${a.policies.unattributed.method})`);
  for (const cycle of a.cycles) {
    out.push('', `Cycle ${cycle.start} to ${cycle.end}: ${cycle.total}`);
    const rows = [['Line', 'Amount', ...a.centres.map((c) => c.label)]];
    for (const line of cycle.lines) rows.push([line.label, line.amount, ...line.parts.map((p) => p.amount)]);
    rows.push(['Total', cycle.total, ...cycle.centres.map((c) => c.amount)]);
    out.push(...aligned(rows, rows[0].map((_, i) => i).slice(1)));
    for (const line of cycle.lines) out.push(`      ${line.label}: ${line.method}`);
  }
  return `${out.join('\n')}\n`;
};
