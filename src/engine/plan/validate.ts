/**
 * `parsePlan`: the plan file's gate. Shape and types are checked by the zod schema; then the cross-field rules and
 * what this version of the estimator supports. Parts of the spec not implemented yet are issues at their path
 * ("'graduated' is not supported yet by this version"), never silently ignored.
 */
import { IANAZone } from 'luxon';
import { isExtraField } from '../events';
import { isKeyField } from '../fields/field-source';
import {
  CLOCK_FIELDS,
  isClockField,
  isNumericFilterField,
  isStringField,
  NUMERIC_FILTER_FIELDS,
  priceMicros,
  UNSUPPORTED_FILTER_FIELDS,
  type ClockField,
} from '../filters';
import { isDecimalString } from '../money';
import { checkMarketName, checkRateCard } from './check-rate-card';
import { tooDeepAt, tooDeepMessage } from './depth';
import { formatPath, issuesFromZod } from './issues';
import { coded } from '../issue-codes';

export { checkMarketName } from './check-rate-card';
import { planSchema } from './schema';
import {
  SUPPORTED_CHARGE_MODELS,
  SUPPORTED_METER_TYPES,
  type Charge,
  type Filter,
  type FilterValue,
  type Meter,
  type ParsePlanResult,
  type Plan,
  type PlanIssue,
  type Tier,
} from './types';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const notSupported = (what: string): string => `'${what}' is not supported yet by this version`;

const isUnsupportedField = (f: string): boolean => (UNSUPPORTED_FILTER_FIELDS as readonly string[]).includes(f);

/** Checks a filter value's scalars against the field's kind (text or number). */
const checkFilterValue = (value: FilterValue, numeric: boolean, path: Path, report: Report): void => {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkFilterValue(v, numeric, [...path, i], report));
  } else if (typeof value === 'object' && value !== null) {
    checkFilterValue(value.not, numeric, [...path, 'not'], report);
  } else if (numeric && typeof value !== 'number') {
    report(path, `must be a number (${path[path.length - 1]} is numeric)`);
  } else if (!numeric && typeof value === 'number') {
    report(path, `must be a string, not number ${value} (write "${value}")`);
  }
};

const checkClockValue = (field: ClockField, value: FilterValue, path: Path, report: Report): void => {
  const { min, max } = CLOCK_FIELDS[field];
  const inRange = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  const what = `${field} takes a whole number ${min}-${max} or a [from, to] range`;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    checkClockValue(field, value.not, [...path, 'not'], report);
  } else if (Array.isArray(value)) {
    if (value.length !== 2) report(path, `${what}: a range has exactly two numbers, not ${value.length}`);
    else value.forEach((v, i) => { if (!inRange(v)) report([...path, i], `${what}, not ${JSON.stringify(v)}`); });
  } else if (!inRange(value)) {
    report(path, `${what}, not ${JSON.stringify(value)}`);
  }
};

const checkMarketValue = (value: FilterValue, path: Path, report: Report): void => {
  if (Array.isArray(value)) value.forEach((v, i) => checkMarketValue(v, [...path, i], report));
  else if (typeof value === 'object' && value !== null) checkMarketValue(value.not, [...path, 'not'], report);
  else if (typeof value !== 'string') report(path, `must be a string, not ${typeof value} ${String(value)}`);
  else checkMarketName(value, path, report);
};

/** `price` filter values: decimal strings in currency units with at most 6 decimals (the column's micro-units). */
const checkPriceValue = (value: FilterValue, path: Path, report: Report): void => {
  if (Array.isArray(value)) value.forEach((v, i) => checkPriceValue(v, [...path, i], report));
  else if (typeof value === 'object' && value !== null) checkPriceValue(value.not, [...path, 'not'], report);
  else if (typeof value === 'number') report(path, `must be a decimal string, not number ${value} (write "${value}")`);
  else if (typeof value !== 'string' || !isDecimalString(value)) {
    report(path, `must be a decimal string such as "0.0075", not ${JSON.stringify(value)}`);
  } else if (Number.isNaN(priceMicros(value))) {
    report(path, `prices are compared in millionths: at most 6 decimals, not ${JSON.stringify(value)}`);
  }
};

const checkFilter = (where: Filter, path: Path, report: Report): void => {
  for (const [field, value] of Object.entries(where)) {
    const at = [...path, field];
    if (field === 'price') checkPriceValue(value, at, report);
    else if (isUnsupportedField(field)) report(at, `filtering on '${field}' is not supported yet by this version`);
    else if (isClockField(field)) checkClockValue(field, value, at, report);
    else if (field === 'market') checkMarketValue(value, at, report);
    else if (isStringField(field) || isExtraField(field)) checkFilterValue(value, false, at, report);
    else if (isNumericFilterField(field)) checkFilterValue(value, true, at, report);
    else report(at, `unknown field '${field}'`);
  }
};

const checkFieldList = (fields: string[], path: Path, report: Report): void => {
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    if (isUnsupportedField(f)) report([...path, i], `'${f}' in '${path[path.length - 1]}' is not supported yet by this version`);
    else if (!isKeyField(f)) {
      report([...path, i], `unknown field '${f}' (a text field such as contact, channel, agent, or market, hour, weekday)`);
    }
    else if (seen.has(f)) report([...path, i], `'${f}' is listed twice`);
    seen.add(f);
  });
};

const checkMeter = (meter: Meter, path: Path, report: Report): void => {
  if (!SUPPORTED_METER_TYPES.includes(meter.type)) report([...path, 'type'], notSupported(meter.type));
  if (meter.where) checkFilter(meter.where, [...path, 'where'], report);
  if (meter.by) checkFieldList(meter.by, [...path, 'by'], report);
  if (meter.type === 'unique') checkFieldList(meter.of, [...path, 'of'], report);
  if (meter.type === 'sum' && !isNumericFilterField(meter.field) && meter.field !== 'price') {
    report([...path, 'field'], `must be one of ${[...NUMERIC_FILTER_FIELDS, 'price'].map((f) => `'${f}'`).join(', ')}`);
  }
};

const checkTiers = (tiers: Tier[], path: Path, report: Report): void => {
  let previous = 0;
  tiers.forEach((tier, i) => {
    const at = [...path, i, 'upTo'];
    const last = i === tiers.length - 1;
    if (tier.upTo === null) {
      if (!last) report(at, 'only the last tier may have no upper bound (null)');
    } else {
      if (tier.upTo <= previous) report(at, `must be greater than ${previous}`);
      if (last) report(at, 'the last tier must have upTo null (no upper bound)');
      previous = Math.max(previous, tier.upTo);
    }
  });
};

const checkCharge = (charge: Charge, path: Path, plan: Plan, report: Report): void => {
  if (!SUPPORTED_CHARGE_MODELS.includes(charge.model)) report([...path, 'model'], notSupported(charge.model));
  if (charge.meter !== undefined && !(charge.meter in plan.meters)) {
    const known = Object.keys(plan.meters);
    report([...path, 'meter'], `unknown meter '${charge.meter}'${known.length ? ` (meters: ${known.join(', ')})` : ''}`);
  }
  if (charge.model === 'flat') {
    if (charge.meter !== undefined) report([...path, 'meter'], 'a flat charge takes no meter');
    if (charge.quantity !== undefined) report([...path, 'quantity'], 'a flat charge takes no quantity');
    if (charge.freeUnits !== undefined) report([...path, 'freeUnits'], 'a flat charge takes no freeUnits');
  } else if (charge.meter === undefined && charge.quantity === undefined) {
    report(path, `a '${charge.model}' charge needs a 'meter' or a fixed 'quantity'`);
  } else if (charge.meter !== undefined && charge.quantity !== undefined) {
    report([...path, 'quantity'], "give either 'meter' or 'quantity', not both");
  }
  if (charge.model === 'graduated' || charge.model === 'volume') checkTiers(charge.tiers, [...path, 'tiers'], report);
  if (charge.model === 'rate-card') checkRateCard(charge, path, plan, report);
};

const checkPlan = (plan: Plan): PlanIssue[] => {
  const issues: PlanIssue[] = [];
  const report: Report = (path, message) => issues.push(coded(formatPath(path), message));

  if (!IANAZone.isValidZone(plan.cycle.timeZone)) {
    report(['cycle', 'timeZone'], `unknown time zone '${plan.cycle.timeZone}' (an IANA name such as 'America/Sao_Paulo')`);
  }
  for (const [name, meter] of Object.entries(plan.meters)) checkMeter(meter, ['meters', name], report);

  const firstIndexOf = new Map<string, number>();
  plan.charges.forEach((charge, i) => {
    const earlier = firstIndexOf.get(charge.id);
    if (earlier !== undefined) report(['charges', i, 'id'], `duplicate charge id '${charge.id}' (also charges[${earlier}])`);
    else firstIndexOf.set(charge.id, i);
    checkCharge(charge, ['charges', i], plan, report);
  });

  if (plan.cap !== null) {
    plan.cap.charges.forEach((id, i) => {
      if (!firstIndexOf.has(id)) report(['cap', 'charges', i], `unknown charge id '${id}'`);
    });
  }
  return issues;
};

/** Validates an untrusted plan (parsed JSON). Issues come in document order, each with a path and a plain message. */
export const parsePlan = (input: unknown): ParsePlanResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [coded('', 'a plan must be a JSON object')] };
  }
  const deepAt = tooDeepAt(input);
  if (deepAt !== null) return { ok: false, issues: [coded(deepAt, tooDeepMessage)] };
  const parsed = planSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const issues = checkPlan(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, plan: parsed.data };
};
