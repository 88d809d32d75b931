/** `tarifa bill`: usage files + plan -> invoice estimate per cycle. */
import { readFile } from 'node:fs/promises';
import { estimatePlan } from '../engine/estimate/estimate';
import { parsePlan } from '../engine/plan/validate';
import type { BillArgs } from './args';
import { billCsv, billDocument, billJson, billTable } from './format-bill';
import { randomPseudonymKey } from '../import/pseudonym';
import { CliInputError, loadUsage } from './load-usage';
import type { FileReject } from './load-usage';

export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void };

const REJECTS_SHOWN = 5;

const readPlan = async (path: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliInputError(`${path}: cannot read the plan (${code === 'ENOENT' ? 'no such file' : code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliInputError(`${path}: not valid JSON (${(e as Error).message})`);
  }
};

export const rejectReport = (rejects: readonly FileReject[], total: number): string => {
  const lines = rejects.slice(0, REJECTS_SHOWN).map((r) => `  ${r.file}: line ${r.line}: ${r.reason}`);
  const more = total > REJECTS_SHOWN ? [`  … and ${total - REJECTS_SHOWN} more`] : [];
  return `tarifa: ${total} row${total === 1 ? '' : 's'} rejected:\n${[...lines, ...more].join('\n')}\n`;
};

export const runBill = async (args: BillArgs, io: CliIo): Promise<number> => {
  const planInput = await readPlan(args.plan);
  const parsed = parsePlan(planInput);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => `  ${args.plan}: ${i.path || '(plan)'}: ${i.message}`);
    throw new CliInputError(`${args.plan}: invalid plan (${parsed.issues.length} issue${parsed.issues.length === 1 ? '' : 's'}):\n${issues.join('\n')}`);
  }
  const usage = await loadUsage(args.files, args.preset, args.timeZone, args.pseudonymise ? { pseudonymKey: randomPseudonymKey() } : {});
  if (usage.rejected > 0) io.stderr(rejectReport(usage.rejects, usage.rejected));
  if (usage.duplicates > 0) io.stderr(`tarifa: ${usage.duplicates} duplicate event id${usage.duplicates === 1 ? '' : 's'} counted once\n`);
  if (usage.imported === 0) io.stderr('tarifa: no events were imported; the bill has no cycles\n');
  const estimate = estimatePlan(usage.table, parsed.plan);
  const doc = billDocument(estimate, {
    preset: usage.files.map((f) => f.summary.preset).filter((p, i, all) => all.indexOf(p) === i).join('+') || args.preset, rows: usage.imported, rejected: usage.rejected, duplicates: usage.duplicates,
  });
  io.stdout(args.format === 'json' ? billJson(doc) : args.format === 'csv' ? billCsv(doc) : billTable(doc));
  return 0;
};
