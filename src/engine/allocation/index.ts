/**
 * Cost-centre allocation (issue #5, spec sections 3 and 4 `split`). Typical use (worker, CLI):
 *   const parsed = parseRules(JSON.parse(text));          // { ok: false, issues: [{ path: 'rules[1].where.queue', … }] }
 *   checkRulesForPlan(parsed.rules, plan, 'estimate');    // the driver names a meter of the plan
 *   const allocation = allocateEstimate(table, plan, estimatePlan(table, plan), parsed.rules);
 *   // or: allocateInvoice(table, plan, parsed.rules, '1200.00', { lines })
 *   splitDocument(allocation);                            // { currency, total, basis, centres: [{ id, label, amount, ratio }] }
 *   allocationCsvRows(allocation);                        // header + one row per cycle, line and centre
 */
export { parseRules, checkRulesForPlan } from '../rules/parse-rules';
export {
  MULTI_CENTRE_POLICIES,
  UNATTRIBUTED_CENTRE,
  type CentreRule,
  type CostCentre,
  type MultiCentrePolicy,
  type ParseRulesResult,
  type Rules,
  type RulesIssue,
  type SharedPolicy,
  type UnattributedPolicy,
} from '../rules/types';
export { centreColumn } from '../rules/attribute';
export { allocateEstimate } from './allocate-estimate';
export { allocateInvoice, type InvoiceLine, type InvoiceOptions } from './allocate-invoice';
export { ALLOCATION_CSV_HEADER, allocationCsvRows, splitDocument } from './export';
export { RATIO_DECIMALS } from './largest-remainder';
export type * from './types';
