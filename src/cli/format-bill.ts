/** Output of `tarifa bill`: the JSON document of spec section 4, a CSV of lines, or an aligned text table. */
import type { Estimate } from '../engine/estimate/types';

export type BillImport = { preset: string; rows: number; rejected: number; duplicates: number };

export type BillDocument = {
  plan: string;
  currency: string;
  import: BillImport;
  cycles: {
    start: string;
    end: string;
    lines: { charge: string; label: string; quantity: number; amount: string; explanation: string }[];
    subtotal: string;
    discount: string;
    tax: string;
    total: string;
  }[];
  total: string;
};

export const billDocument = (estimate: Estimate, imported: BillImport): BillDocument => ({
  plan: estimate.plan,
  currency: estimate.currency,
  import: imported,
  cycles: estimate.cycles.map((c) => ({
    start: c.start,
    end: c.end,
    lines: c.lines.map((l) => ({
      charge: l.charge, label: l.label, quantity: l.quantity, amount: l.amount, explanation: l.explanation.text,
    })),
    subtotal: c.subtotal,
    discount: c.discount,
    tax: c.tax,
    total: c.total,
  })),
  total: estimate.total,
});

export const billJson = (doc: BillDocument): string => `${JSON.stringify(doc, null, 2)}\n`;

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One row per invoice line, then the cycle's subtotal, discount, tax and total as rows with an empty charge id. */
export const billCsv = (doc: BillDocument): string => {
  const rows: (string | number)[][] = [['cycle_start', 'cycle_end', 'charge', 'label', 'quantity', 'amount', 'explanation']];
  for (const c of doc.cycles) {
    for (const l of c.lines) rows.push([c.start, c.end, l.charge, l.label, l.quantity, l.amount, l.explanation]);
    for (const k of ['subtotal', 'discount', 'tax', 'total'] as const) rows.push([c.start, c.end, '', k, '', c[k], '']);
  }
  rows.push(['', '', '', 'total', '', doc.total, '']);
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
};

const quantityText = (q: number): string => (Number.isInteger(q) ? q.toLocaleString('en-US') : String(q));

/** Readable text: per cycle, label / quantity / amount columns aligned, explanations indented below each line. */
export const billTable = (doc: BillDocument): string => {
  const out: string[] = [];
  const { rows, rejected, duplicates } = doc.import;
  out.push(`${doc.plan} (${doc.currency}): ${rows.toLocaleString('en-US')} events`
    + ` (${rejected} rejected, ${duplicates} duplicates), ${doc.cycles.length} cycle${doc.cycles.length === 1 ? '' : 's'}`);
  for (const c of doc.cycles) {
    out.push('', `Cycle ${c.start} to ${c.end}`);
    const cells = c.lines.map((l) => [l.label, quantityText(l.quantity), l.amount]);
    const totals = (['subtotal', 'discount', 'tax', 'total'] as const).map((k) => [k[0].toUpperCase() + k.slice(1), '', c[k]]);
    const all = [...cells, ...totals];
    const w0 = Math.max(...all.map((r) => r[0].length));
    const w1 = Math.max(...all.map((r) => r[1].length));
    const w2 = Math.max(...all.map((r) => r[2].length));
    const row = (r: string[]) => `  ${r[0].padEnd(w0)}  ${r[1].padStart(w1)}  ${r[2].padStart(w2)}`;
    c.lines.forEach((l, i) => {
      out.push(row(cells[i]));
      out.push(`      ${l.explanation}`);
    });
    out.push(`  ${'-'.repeat(w0 + w1 + w2 + 4)}`);
    for (const t of totals) out.push(row(t));
  }
  out.push('', `Total ${doc.currency} ${doc.total}`);
  return `${out.join('\n')}\n`;
};
