/**
 * The simulation calls of the worker API (issue #6): compare plans on a dataset held in worker memory with what-if
 * knobs, the multiplier curve and the TCO projection; and the user's saved scenarios (IndexedDB `scenarios`).
 *
 * Latest wins: a knob moved while a simulation waits is what counts. Each call yields to the event loop once before
 * it prices; a call that a newer one overtook meanwhile returns 'cancelled' without pricing (the table is in memory,
 * so nothing is re-read from IndexedDB either way).
 */
import type { Plan } from '../engine/plan/types';
import { parsePlan } from '../engine/plan/validate';
import { SimulationError } from '../engine/simulate/resample';
import { parseScenario } from '../engine/simulate/scenario';
import { simulate } from '../engine/simulate/simulate';
import type { Scenario } from '../engine/simulate/scenario';
import type { NamedDocRow, TarifaDb } from '../storage/db';
import { deleteDoc, listDocs, putDoc } from '../storage/docs-repo';
import { toFailure } from './failure';
import type { TableCache } from './table-cache';
import type { PlanIssue, Result, SavedScenario, WorkerApi } from './types';

type SimulateCtx = { db: TarifaDb; now: () => number; newId: () => string; tables: TableCache };

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

export const invalidScenario = (issues: PlanIssue[]): Result<never> => {
  const n = issues.length;
  return { ok: false, error: { code: 'invalid-scenario', message: `The scenario has ${n} ${n === 1 ? 'problem' : 'problems'}.`, issues } };
};

const toSaved = (row: NamedDocRow): SavedScenario => ({ id: row.id, name: row.name, json: row.json as Scenario, createdAt: row.createdAt, updatedAt: row.updatedAt });

/** Lets messages already queued for the worker run first (so a newer simulate call can overtake this one). */
const yieldToQueue = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export const createSimulateCalls = (ctx: SimulateCtx): Pick<WorkerApi, 'simulate' | 'listScenarios' | 'saveScenario' | 'deleteScenario' | 'validateScenario'> => {
  let latest = 0;
  return {
    async simulate(datasetId, request) {
      const ticket = ++latest;
      try {
        await yieldToQueue();
        if (ticket !== latest) return { ok: false, error: { code: 'cancelled', message: 'A newer simulation replaced this one.' } };
        const plans: Plan[] = [];
        const issues: PlanIssue[] = [];
        (Array.isArray(request?.plans) ? request.plans : []).forEach((p, i) => {
          const parsed = parsePlan(p.json);
          if (parsed.ok) plans.push(parsed.plan);
          else issues.push(...parsed.issues.map((x) => ({ path: `plans[${i}] (${p.name}).${x.path}`, message: x.message })));
        });
        if (issues.length > 0) return { ok: false, error: { code: 'invalid-plan', message: `${issues.length} plan problem${issues.length === 1 ? '' : 's'}.`, issues } };
        const knobs = parseScenario({ ...scenarioShell, knobs: request.knobs });
        if (!knobs.ok) return invalidScenario(knobs.issues);
        const table = isId(datasetId) ? await ctx.tables.get(datasetId) : undefined;
        if (!table) return { ok: false, error: { code: 'not-found', message: 'This dataset no longer exists.' } };
        const started = performance.now();
        const value = simulate(table, {
          plans,
          knobs: knobs.scenario.knobs,
          timeZone: typeof request.timeZone === 'string' ? request.timeZone : 'UTC',
          ...(request.curve === false ? { curve: [] } : {}),
          ...(request.tco ? { tco: { months: request.tco.months, terms: request.plans.map((p) => request.tco!.terms[p.key]) } } : {}),
        });
        return { ok: true, value: { ...value, ms: Math.round(performance.now() - started) } };
      } catch (error) {
        if (error instanceof SimulationError) {
          return { ok: false, error: { code: 'invalid-scenario', message: error.message, issues: [{ path: error.path, message: error.message }] } };
        }
        return { ok: false, error: toFailure(error) };
      }
    },

    async validateScenario(scenario) {
      const r = parseScenario(scenario);
      return r.ok ? [] : r.issues;
    },

    async listScenarios() {
      return (await listDocs(ctx.db, 'scenarios')).map(toSaved);
    },

    async saveScenario(scenario, id) {
      try {
        const r = parseScenario(scenario);
        if (!r.ok) return invalidScenario(r.issues);
        const now = ctx.now();
        const row = await putDoc(ctx.db, 'scenarios', {
          id: isId(id) ? id : ctx.newId(), name: r.scenario.name.trim(), json: structuredClone(r.scenario), createdAt: now, updatedAt: now,
        });
        return { ok: true, value: toSaved(row) };
      } catch (error) {
        return { ok: false, error: toFailure(error) };
      }
    },

    async deleteScenario(id) {
      if (isId(id)) await deleteDoc(ctx.db, 'scenarios', id);
    },
  };
};

/** A valid scenario around knobs, so the knobs are checked by the one schema (issues at `knobs.…`). */
const scenarioShell = {
  format: 'tarifa.scenario/1', name: 'knobs', plans: [], tco: { months: 12, terms: {} },
  roi: { agents: 0, monthlySalary: '0', efficiencyGainPercent: '0' },
};
