/**
 * The clients calls of the worker API (issue #6, profitability half): voice work per client and period on the table
 * held in worker memory, each saved contract checked against it; contracts, offer templates and follow-up tasks in
 * IndexedDB. Contracts and templates are validated before they are stored; every call resolves to a Result.
 */
import type { StringField } from '../engine/events';
import { isDecimalString } from '../engine/money';
import { followUpDue } from '../engine/offers/follow-up';
import { parseTemplate, templateId } from '../engine/offers/template';
import { checkContract, usageFigures } from '../engine/profitability/check';
import { parseContract } from '../engine/profitability/contract';
import type { ClientsBy, PeriodSpec } from '../engine/profitability/types';
import { clientUsage } from '../engine/profitability/usage';
import { parseRules } from '../engine/rules/parse-rules';
import type { NamedDocRow, TarifaDb, TaskRow } from '../storage/db';
import { deleteDoc, listDocs, putDoc } from '../storage/docs-repo';
import { getRules } from '../storage/rules-repo';
import { RULE_FIELDS } from './split';
import { deleteTask, listTasks, putTask, setTaskStatus } from '../storage/tasks-repo';
import { toFailure } from './failure';
import type { TableCache } from './table-cache';
import type { PlanIssue, ProfitQuery, ProfitResult, Result, SavedDoc, Task, WorkerApi } from './types';
import { isTimeZone } from '../engine/time/zone';

type ClientsCtx = { db: TarifaDb; now: () => number; newId: () => string; tables: TableCache };

/** Fields that can define clients: the fields rules can match (every text field but the event id and the contact). */
export const CLIENT_FIELDS: readonly StringField[] = RULE_FIELDS;

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

const fail = (code: 'invalid-contract' | 'invalid-template' | 'invalid-range' | 'invalid-rules' | 'not-found' | 'internal', message: string, issues?: PlanIssue[]): Result<never> =>
  ({ ok: false, error: { code, message, ...(issues ? { issues } : {}) } });

const toDoc = (row: NamedDocRow): SavedDoc => ({ id: row.id, name: row.name, json: row.json, createdAt: row.createdAt, updatedAt: row.updatedAt });
const toTask = (row: TaskRow): Task => ({ id: row.id, title: row.title, due: row.due, status: row.status, ref: row.ref, createdAt: row.createdAt, updatedAt: row.updatedAt });

const periodOf = (q: ProfitQuery): PeriodSpec | null => {
  if (!isTimeZone(q.timeZone)) return null;
  if (q.period?.kind === 'month') return { kind: 'month', timeZone: q.timeZone };
  if (q.period?.kind === 'cycle' && Number.isInteger(q.period.anchorDay) && q.period.anchorDay >= 1 && q.period.anchorDay <= 28) {
    return { kind: 'cycle', anchorDay: q.period.anchorDay, timeZone: q.timeZone };
  }
  return null;
};

const clientsOf = async (db: TarifaDb, q: ProfitQuery): Promise<Result<ClientsBy>> => {
  const c = q.clients;
  if (c?.kind === 'field') {
    if (!(CLIENT_FIELDS as readonly string[]).includes(c.field)) {
      return fail('internal', `'${String(c.field)}' is not a field clients can be defined by (${CLIENT_FIELDS.join(', ')}).`);
    }
    return { ok: true, value: { kind: 'field', field: c.field as StringField } };
  }
  if (c?.kind === 'rules') {
    const row = isId(c.rulesId) ? await getRules(db, c.rulesId) : undefined;
    if (!row) return fail('not-found', 'These rules no longer exist.');
    const parsed = parseRules(row.json);
    if (!parsed.ok) return fail('invalid-rules', `The rules '${row.name}' have problems.`, parsed.issues);
    return { ok: true, value: { kind: 'rules', rules: parsed.rules } };
  }
  return fail('internal', 'Choose a field or a saved rule set to define clients.');
};

const invalidContract = (issues: PlanIssue[]): Result<never> =>
  fail('invalid-contract', `The contract has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}.`, issues);

export const createClientsCalls = (ctx: ClientsCtx): Pick<WorkerApi,
  'profitability' | 'validateContract' | 'listContracts' | 'saveContract' | 'deleteContract'
  | 'listTemplates' | 'saveTemplate' | 'deleteTemplate' | 'listTasks' | 'markOfferSent' | 'addTask' | 'setTaskStatus' | 'deleteTask'> => ({
  async profitability(datasetId, query) {
    try {
      const period = typeof query === 'object' && query !== null ? periodOf(query) : null;
      if (!period) return fail('invalid-range', 'Choose calendar months, or billing cycles with an anchor day from 1 to 28, in a valid time zone.');
      if (query.referencePricePerMinute !== undefined && query.referencePricePerMinute !== ''
        && !(isDecimalString(query.referencePricePerMinute) && !query.referencePricePerMinute.startsWith('-'))) {
        return { ok: false, error: { code: 'invalid-amount', message: `'${query.referencePricePerMinute}' is not a price per minute (digits with an optional decimal point).` } };
      }
      const by = await clientsOf(ctx.db, query);
      if (!by.ok) return by;
      const table = isId(datasetId) ? await ctx.tables.get(datasetId) : undefined;
      if (!table) return fail('not-found', 'This dataset no longer exists.');
      const usage = clientUsage(table, by.value, period);
      const rows = await listDocs(ctx.db, 'contracts');
      const checks: ProfitResult['checks'] = [];
      const skipped: ProfitResult['skipped'] = [];
      for (const row of rows) {
        const parsed = parseContract(row.json);
        if (!parsed.ok) {
          skipped.push({ contractId: row.id, name: row.name, issues: parsed.issues });
          continue;
        }
        const client = usage.clients.find((c) => c.key === parsed.contract.client);
        checks.push({ contractId: row.id, ...checkContract(parsed.contract, usage.periods, client) });
      }
      const price = query.referencePricePerMinute || undefined;
      const clients = usage.clients.map((c) => ({
        ...c,
        figures: c.periods.map((p) => ({ ...usageFigures(p, price), calls: p.calls })),
      }));
      return { ok: true, value: { ...usage, clients, checks, skipped } };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async validateContract(json) {
    const r = parseContract(json);
    return r.ok ? [] : r.issues;
  },

  async listContracts() {
    return (await listDocs(ctx.db, 'contracts')).map(toDoc);
  },

  async saveContract(json, id) {
    try {
      const r = parseContract(json);
      if (!r.ok) return invalidContract(r.issues);
      const now = ctx.now();
      const row = await putDoc(ctx.db, 'contracts', { id: isId(id) ? id : ctx.newId(), name: r.contract.name, json: structuredClone(json), createdAt: now, updatedAt: now });
      return { ok: true, value: toDoc(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async deleteContract(id) {
    if (isId(id)) await deleteDoc(ctx.db, 'contracts', id);
  },

  async listTemplates() {
    return (await listDocs(ctx.db, 'templates')).map(toDoc);
  },

  async saveTemplate(json) {
    try {
      const r = parseTemplate(json);
      if (!r.ok) return fail('invalid-template', 'The template has problems.', r.issues);
      const now = ctx.now();
      const id = templateId(r.template.kind, r.template.locale);
      const row = await putDoc(ctx.db, 'templates', { id, name: id, json: structuredClone(r.template), createdAt: now, updatedAt: now });
      return { ok: true, value: toDoc(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async deleteTemplate(id) {
    if (isId(id)) await deleteDoc(ctx.db, 'templates', id);
  },

  async listTasks() {
    return (await listTasks(ctx.db)).map(toTask);
  },

  async markOfferSent(offer) {
    try {
      if (typeof offer !== 'object' || offer === null || typeof offer.title !== 'string' || offer.title.trim() === '') {
        return fail('internal', 'A follow-up needs a title.');
      }
      if (!isTimeZone(offer.timeZone)) return fail('invalid-range', `'${String(offer.timeZone)}' is not a time zone.`);
      const now = ctx.now();
      const row = await putTask(ctx.db, {
        id: ctx.newId(), title: offer.title.trim(), due: followUpDue(now, offer.timeZone), status: 'open',
        ref: { kind: 'offer', sentAt: now, ...(typeof offer.ref === 'object' && offer.ref !== null ? structuredClone(offer.ref) : {}) },
        createdAt: now, updatedAt: now,
      });
      return { ok: true, value: toTask(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async addTask(task) {
    try {
      if (typeof task !== 'object' || task === null || typeof task.title !== 'string' || task.title.trim() === '') {
        return fail('internal', 'A task needs a title.');
      }
      if (task.due !== undefined && !Number.isFinite(task.due)) return fail('invalid-range', 'A task needs a due date.');
      const now = ctx.now();
      const row = await putTask(ctx.db, {
        id: ctx.newId(), title: task.title.trim(), due: task.due ?? now, status: 'open',
        ...(typeof task.ref === 'object' && task.ref !== null ? { ref: structuredClone(task.ref) } : {}),
        createdAt: now, updatedAt: now,
      });
      return { ok: true, value: toTask(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async setTaskStatus(id, status) {
    try {
      if (status !== 'open' && status !== 'done') return fail('internal', `'${String(status)}' is not a task status (open, done).`);
      const row = isId(id) ? await setTaskStatus(ctx.db, id, status, ctx.now()) : undefined;
      return row ? { ok: true, value: toTask(row) } : fail('not-found', 'This task no longer exists.');
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async deleteTask(id) {
    if (isId(id)) await deleteTask(ctx.db, id);
  },
});
