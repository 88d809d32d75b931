/** The plans calls of the worker API: validation for the editor and the user's saved plans. */
import { parsePlan } from '../engine/plan/validate';
import type { PlanRow, TarifaDb } from '../storage/db';
import { deletePlan, getPlan, listPlans, putPlan } from '../storage/plans-repo';
import { toFailure } from './failure';
import type { PlanIssue, Result, SavedPlan, WorkerApi } from './types';

type PlanCtx = { db: TarifaDb; now: () => number; newId: () => string };

const isId = (id: unknown): id is string => typeof id === 'string' && id.length > 0;

const toSavedPlan = (row: PlanRow): SavedPlan => ({
  id: row.id, name: row.name, description: row.description, json: row.json, createdAt: row.createdAt, updatedAt: row.updatedAt,
});

export const invalidPlan = (issues: PlanIssue[]): Result<never> => {
  const n = issues.length;
  return { ok: false, error: { code: 'invalid-plan', message: `The plan has ${n} ${n === 1 ? 'problem' : 'problems'}.`, issues } };
};

export const createPlanCalls = (ctx: PlanCtx): Pick<WorkerApi, 'validatePlan' | 'listPlans' | 'getPlan' | 'savePlan' | 'deletePlan'> => ({
  async validatePlan(plan) {
    try {
      const parsed = parsePlan(plan);
      return parsed.ok ? [] : parsed.issues;
    } catch (error) {
      return [{ path: '', message: toFailure(error).message }];
    }
  },

  async listPlans() {
    return (await listPlans(ctx.db)).map(toSavedPlan);
  },

  async getPlan(id) {
    try {
      const row = isId(id) ? await getPlan(ctx.db, id) : undefined;
      return row ? { ok: true, value: toSavedPlan(row) } : { ok: false, error: { code: 'not-found', message: 'This plan no longer exists.' } };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async savePlan(plan, id) {
    try {
      const parsed = parsePlan(plan);
      if (!parsed.ok) return invalidPlan(parsed.issues);
      const now = ctx.now();
      // What the user wrote is stored (a structured clone), not the parsed plan with its defaults filled in.
      const row = await putPlan(ctx.db, {
        id: isId(id) ? id : ctx.newId(),
        name: parsed.plan.name,
        description: parsed.plan.description ?? '',
        json: structuredClone(plan),
        createdAt: now,
        updatedAt: now,
      });
      return { ok: true, value: toSavedPlan(row) };
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },

  async deletePlan(id) {
    if (isId(id)) await deletePlan(ctx.db, id);
  },
});
