/**
 * The cost-centre calls of the worker API (issue #5): the values of a field for the rule editor, the split itself
 * (estimate or invoice basis, on the table held in worker memory) and the user's saved rule sets.
 */
import { allocateEstimate, allocateInvoice, checkRulesForPlan, parseRules } from '../engine/allocation';
import { estimatePlan } from '../engine/estimate/estimate';
import { extraColumn, extraFields, isExtraField, STRING_FIELDS, type StringField } from '../engine/events';
import { isDecimalString } from '../engine/money';
import { parsePlan } from '../engine/plan/validate';
import type { TarifaDb, RulesRow } from '../storage/db';
import { deleteRules, getRules, listRules, putRules } from '../storage/rules-repo';
import { toFailure } from './failure';
import { invalidPlan } from './plans';
import type { TableCache } from './table-cache';
import type { FieldValues, PlanIssue, Result, SavedRules, SplitBasis, WorkerApi } from './types';

type SplitCtx = { db: TarifaDb; now: () => number; newId: () => string; tables: TableCache };

/** Fields a rule can attribute by in the editor: every text field but the event id and the contact (personal, unbounded). */
export const RULE_FIELDS: readonly StringField[] = STRING_FIELDS.filter((f) => f !== 'id' && f !== 'contact');

const DEFAULT_TOP = 50;

const isRuleField = (f: unknown): f is StringField => (RULE_FIELDS as readonly unknown[]).includes(f);

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

export const invalidRules = (issues: PlanIssue[]): Result<never> => {
  const n = issues.length;
  return { ok: false, error: { code: 'invalid-rules', message: `The rules have ${n} ${n === 1 ? 'problem' : 'problems'}.`, issues } };
};

const notFound: Result<never> = { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };

const toSavedRules = (row: RulesRow): SavedRules => ({ id: row.id, name: row.name, json: row.json, createdAt: row.createdAt, updatedAt: row.updatedAt });

const isBasis = (b: unknown): b is SplitBasis => {
  if (typeof b !== 'object' || b === null) return false;
  const { kind, total, lines } = b as Record<string, unknown>;
  if (kind === 'estimate') return true;
  if (kind !== 'invoice' || typeof total !== 'string') return false;
  return lines === undefined || (Array.isArray(lines) && lines.every((l) =>
    typeof l === 'object' && l !== null && typeof l.label === 'string' && typeof l.amount === 'string'
    && (l.charge === undefined || typeof l.charge === 'string')));
};

export const createSplitCalls = (ctx: SplitCtx): Pick<WorkerApi,
  'rulesValues' | 'split' | 'validateRules' | 'listRules' | 'getRules' | 'saveRules' | 'deleteRules'> => ({
  async rulesValues(datasetId, field, top = DEFAULT_TOP) {
    try {
      if (!isRuleField(field) && !(typeof field === 'string' && isExtraField(field))) {
        return { ok: false, error: { code: 'internal', message: `'${String(field)}' is not a field rules can match (${RULE_FIELDS.join(', ')}, or col:<column>).` } };
      }
      const table = isId(datasetId) ? await ctx.tables.get(datasetId) : undefined;
      if (!table) return notFound;
      // An extra column this dataset does not have: every event has the empty value.
      const column = isRuleField(field)
        ? { codes: table.columns.strings[field], dict: table.dicts[field] }
        : extraColumn(table, field) ?? { codes: new Uint32Array(table.columns.length), dict: [''] };
      const { codes, dict } = column;
      const counts = new Float64Array(dict.length);
      for (let i = 0; i < table.columns.length; i++) counts[codes[i]]++;
      const all = dict.map((value, code) => ({ value, count: counts[code] })).filter((v) => v.count > 0)
        .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
      const n = Math.max(1, Math.floor(Number(top) || DEFAULT_TOP));
      const shown = all.slice(0, n);
      const rest = all.slice(n);
      const value: FieldValues = {
        field, total: table.columns.length, values: shown, extraFields: extraFields(table),
        others: { values: rest.length, count: rest.reduce((s, v) => s + v.count, 0) },
      };
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async split(datasetId, plan, rules, basis) {
    try {
      const p = parsePlan(plan);
      if (!p.ok) return invalidPlan(p.issues);
      const r = parseRules(rules);
      if (!r.ok) return invalidRules(r.issues);
      if (!isBasis(basis)) return { ok: false, error: { code: 'invalid-amount', message: 'Choose the estimate or an invoice total.' } };
      const fit = checkRulesForPlan(r.rules, p.plan, basis.kind);
      if (fit.length > 0) return invalidRules(fit);
      if (basis.kind === 'invoice') {
        const bad = [basis.total, ...(basis.lines ?? []).map((l) => l.amount)].find((a) => !isDecimalString(a));
        if (bad !== undefined) return { ok: false, error: { code: 'invalid-amount', message: `'${bad}' is not an amount (digits with an optional decimal point).` } };
      }
      const table = isId(datasetId) ? await ctx.tables.get(datasetId) : undefined;
      if (!table) return notFound;
      const estimate = estimatePlan(table, p.plan, { now: ctx.now() });
      const value = basis.kind === 'invoice'
        ? allocateInvoice(table, p.plan, r.rules, basis.total, { estimate, ...(basis.lines?.length ? { lines: basis.lines } : {}) })
        : allocateEstimate(table, p.plan, estimate, r.rules);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async validateRules(rules, plan) {
    try {
      const r = parseRules(rules);
      if (!r.ok) return r.issues;
      if (plan === undefined) return [];
      const p = parsePlan(plan);
      return p.ok ? checkRulesForPlan(r.rules, p.plan, 'estimate') : [];
    } catch (error) {
      return [{ path: '', message: toFailure(error).message }];
    }
  },

  async listRules() {
    return (await listRules(ctx.db)).map(toSavedRules);
  },

  async getRules(id) {
    try {
      const row = isId(id) ? await getRules(ctx.db, id) : undefined;
      return row ? { ok: true, value: toSavedRules(row) } : { ok: false, error: { code: 'not-found', message: 'These rules no longer exist.' } };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async saveRules(rules, id) {
    try {
      const r = parseRules(rules);
      if (!r.ok) return invalidRules(r.issues);
      const now = ctx.now();
      const row = await putRules(ctx.db, {
        id: isId(id) ? id : ctx.newId(),
        name: r.rules.name?.trim() || r.rules.centres.map((c) => c.label).join(' / ') || 'Rules',
        json: structuredClone(rules),
        createdAt: now,
        updatedAt: now,
      });
      return { ok: true, value: toSavedRules(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async deleteRules(id) {
    if (isId(id)) await deleteRules(ctx.db, id);
  },
});
