/** `tarifa split`: usage files + plan + cost-centre rules -> the estimate (or an invoice total) split by centre. */
import { allocateEstimate, allocateInvoice, checkRulesForPlan, parseRules, type Allocation } from '../engine/allocation';
import { estimatePlan } from '../engine/estimate/estimate';
import type { Plan } from '../engine/plan/types';
import type { Rules } from '../engine/rules/types';
import { randomPseudonymKey } from '../import/pseudonym';
import type { SplitArgs } from './args';
import { rejectReport, type CliIo } from './bill';
import { loadUsage } from './load-usage';
import { issuesError, readJson, readPlanFile } from './read-input';
import { splitCsv, splitJson, splitTable } from './split-format';

/** Plan and rules, each validated and the rules checked against the plan; throws CliInputError naming file and field. */
export const readPlanAndRules = async (args: Pick<SplitArgs, 'plan' | 'rules' | 'invoiceTotal'>): Promise<{ plan: Plan; rules: Rules }> => {
  const plan = await readPlanFile(args.plan);
  const rules = parseRules(await readJson(args.rules, 'rules'));
  if (!rules.ok) throw issuesError(args.rules, 'rules', rules.issues);
  const fit = checkRulesForPlan(rules.rules, plan, args.invoiceTotal !== undefined ? 'invoice' : 'estimate');
  if (fit.length > 0) throw issuesError(args.rules, 'rules', fit);
  return { plan, rules: rules.rules };
};

export const runSplit = async (args: SplitArgs, io: CliIo): Promise<number> => {
  const { plan, rules } = await readPlanAndRules(args);
  const usage = await loadUsage(args.files, args.preset, args.timeZone, args.pseudonymise ? { pseudonymKey: randomPseudonymKey() } : {});
  if (usage.rejected > 0) io.stderr(rejectReport(usage.rejects, usage.rejected));
  if (usage.duplicates > 0) io.stderr(`tarifa: ${usage.duplicates} duplicate event id${usage.duplicates === 1 ? '' : 's'} counted once\n`);
  if (usage.imported === 0) io.stderr('tarifa: no events were imported; there is nothing to split by\n');
  const allocation: Allocation = args.invoiceTotal !== undefined
    ? allocateInvoice(usage.table, plan, rules, args.invoiceTotal)
    : allocateEstimate(usage.table, plan, estimatePlan(usage.table, plan), rules);
  io.stdout(args.format === 'json' ? splitJson(allocation) : args.format === 'csv' ? splitCsv(allocation) : splitTable(allocation));
  return 0;
};
