/** `tarifa bill`: usage files + plan -> invoice estimate per cycle. */
import { estimatePlan } from '../engine/estimate/estimate';
import type { BillArgs } from './args';
import { billCsv, billDocument, billJson, billTable } from './format-bill';
import { randomPseudonymKey } from '../import/pseudonym';
import { loadUsage } from './load-usage';
import { readPlanFile } from './read-input';
import type { FileReject } from './load-usage';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

const REJECTS_SHOWN = 5;

export const rejectReport = (rejects: readonly FileReject[], total: number): string => {
  const lines = rejects.slice(0, REJECTS_SHOWN).map((r) => `  ${r.file}: line ${r.line}: ${r.reason}`);
  const more = total > REJECTS_SHOWN ? [`  … and ${total - REJECTS_SHOWN} more`] : [];
  return `tarifa: ${total} row${total === 1 ? '' : 's'} rejected:\n${[...lines, ...more].join('\n')}\n`;
};

export const runBill = async (args: BillArgs, io: CliIo): Promise<number> => {
  const plan = await readPlanFile(args.plan);
  const usage = await loadUsage(args.files, args.preset, args.timeZone, args.pseudonymise ? { pseudonymKey: randomPseudonymKey() } : {});
  if (usage.rejected > 0) io.stderr(rejectReport(usage.rejects, usage.rejected));
  if (usage.duplicates > 0) io.stderr(`tarifa: ${usage.duplicates} duplicate event id${usage.duplicates === 1 ? '' : 's'} counted once\n`);
  if (usage.imported === 0) io.stderr('tarifa: no events were imported; the bill has no cycles\n');
  const estimate = estimatePlan(usage.table, plan);
  const doc = billDocument(estimate, {
    preset: usage.files.map((f) => f.summary.preset).filter((p, i, all) => all.indexOf(p) === i).join('+') || args.preset, rows: usage.imported, rejected: usage.rejected, duplicates: usage.duplicates,
  });
  io.stdout(args.format === 'json' ? billJson(doc) : args.format === 'csv' ? billCsv(doc) : billTable(doc));
  return 0;
};
