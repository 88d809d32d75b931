/**
 * A scenario: the plans compared (by reference: `shipped:<file>` or `saved:<id>`), the what-if knobs, the TCO terms
 * per plan and the ROI inputs. Stored in IndexedDB (`scenarios`) and exported as a `tarifa.scenario/1` JSON file;
 * `parseScenario` validates it strictly with issues by path (`knobs.factors[0].factor: …`).
 */
import { z } from 'zod';
import { isDecimalString } from '../money';
import { issuesFromZod } from '../plan/issues';
import type { PlanIssue } from '../plan/types';
import { SCALE_FIELDS, type Knobs } from './knobs';
import { TCO_MONTHS, type TcoTerms } from './tco';

export const SCENARIO_FORMAT = 'tarifa.scenario/1';

export type ScenarioRoi = { agents: number; monthlySalary: string; efficiencyGainPercent: string };

export type Scenario = {
  format: typeof SCENARIO_FORMAT;
  name: string;
  plans: string[];
  knobs: Knobs;
  tco: { months: number; terms: Record<string, TcoTerms> };
  roi: ScenarioRoi;
};

const decimal = z.string().refine(isDecimalString, { message: 'must be a decimal string such as "1.5"' });
const nonNegative = decimal.refine((s) => !s.startsWith('-'), { message: 'must not be negative' });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' });
const count = z.number().int().min(0).max(10_000);

const knobs = z.strictObject({
  scale: nonNegative,
  factors: z.array(z.strictObject({ field: z.enum(SCALE_FIELDS), value: z.string(), factor: nonNegative })),
  growthPercent: decimal.refine((s) => Number(s) > -100, { message: 'must be above -100' }),
  spikes: z.array(z.strictObject({ month, percent: decimal.refine((s) => Number(s) >= -100, { message: 'must be at least -100' }) })),
  mix: z.array(z.strictObject({ from: z.string().min(1), to: z.string().min(1), percent: nonNegative.refine((s) => Number(s) <= 100, { message: 'must be at most 100' }) })),
  extraAgents: count,
  extraNumbers: count,
});

const terms = z.strictObject({
  setupFee: nonNegative,
  prepayDiscountPercent: nonNegative.refine((s) => Number(s) <= 100, { message: 'must be at most 100' }),
  perNumberFee: nonNegative,
});

const planRef = z.string().regex(/^(shipped|saved):.+$/, { message: "must be 'shipped:<file>' or 'saved:<id>'" });

export const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  name: z.string().trim().min(1),
  plans: z.array(planRef),
  knobs,
  tco: z.strictObject({ months: z.number().int().min(TCO_MONTHS.min).max(TCO_MONTHS.max), terms: z.record(planRef, terms) }),
  roi: z.strictObject({ agents: count, monthlySalary: nonNegative, efficiencyGainPercent: nonNegative }),
});

export type ParseScenarioResult = { ok: true; scenario: Scenario } | { ok: false; issues: PlanIssue[] };

export const parseScenario = (input: unknown): ParseScenarioResult => {
  const r = scenarioSchema.safeParse(input);
  return r.success ? { ok: true, scenario: r.data as Scenario } : { ok: false, issues: issuesFromZod(r.error) };
};

export const newScenario = (name: string, plans: string[], k: Knobs): Scenario => ({
  format: SCENARIO_FORMAT,
  name,
  plans,
  knobs: k,
  tco: { months: 24, terms: {} },
  roi: { agents: 5, monthlySalary: '2000', efficiencyGainPercent: '25' },
});
