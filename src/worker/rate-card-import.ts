/**
 * The rate-card calls of the worker API: read a Meta rate-card CSV (src/import/rate-cards/meta-csv.ts) and put the
 * card into a plan draft as a dated card of a `rate-card` charge (an existing one, or a new one on a whatsapp-pmp
 * meter, created as `whatsapp` when the plan has none). The plan is returned as JSON; the editor validates it as usual.
 */
import { rateCardCharge, withCards } from '../engine/rate-cards/build-charge';
import { readMetaRateCard } from '../import/rate-cards/meta-csv';
import { toFailure } from './failure';
import type { RateCardTarget, WorkerApi } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const freeName = (taken: (name: string) => boolean, base: string): string => {
  if (!taken(base)) return base;
  let n = 2;
  while (taken(`${base}-${n}`)) n++;
  return `${base}-${n}`;
};

const invalid = (message: string) => ({ ok: false as const, error: { code: 'invalid-plan' as const, message } });

/** `plan` with `card` in force from `target.effectiveFrom` in the chosen charge (or a new one). */
export const addRateCardToPlan = (plan: unknown, card: Parameters<WorkerApi['addRateCard']>[1], target: RateCardTarget) => {
  if (!isObj(plan)) return invalid('The plan is not a JSON object.');
  const cycle = isObj(plan.cycle) ? plan.cycle : {};
  const timeZone = typeof cycle.timeZone === 'string' ? cycle.timeZone : 'UTC';
  const meters: Obj = isObj(plan.meters) ? { ...plan.meters } : {};
  const charges: unknown[] = Array.isArray(plan.charges) ? [...plan.charges] : [];
  const cards = [{ effectiveFrom: target.effectiveFrom, card }];

  if (target.chargeId !== null) {
    const at = charges.findIndex((c) => isObj(c) && c.id === target.chargeId && c.model === 'rate-card');
    if (at < 0) return invalid(`The plan has no rate-card charge '${target.chargeId}'.`);
    const built = withCards(charges[at] as Parameters<typeof withCards>[0], cards, timeZone);
    if (!built.ok) return invalid(built.message);
    charges[at] = built.charge;
    return { ok: true as const, value: { ...plan, charges } as unknown };
  }

  let meter = Object.keys(meters).find((m) => isObj(meters[m]) && meters[m].type === 'whatsapp-pmp');
  if (meter === undefined) {
    meter = freeName((m) => m in meters, 'whatsapp');
    meters[meter] = { type: 'whatsapp-pmp' };
  }
  const id = freeName((x) => charges.some((c) => isObj(c) && c.id === x), 'meta-rate-card');
  const built = rateCardCharge({ id, label: 'Meta rate card', meter }, cards, timeZone);
  if (!built.ok) return invalid(built.message);
  return { ok: true as const, value: { ...plan, meters, charges: [...charges, built.charge] } as unknown };
};

export const createRateCardCalls = (): Pick<WorkerApi, 'readRateCard' | 'addRateCard'> => ({
  async readRateCard(text) {
    try {
      const { card, issues } = readMetaRateCard(typeof text === 'string' ? text : '');
      return { card, issues };
    } catch (error) {
      return { card: null, issues: [{ line: 1, column: null, message: toFailure(error).message }] };
    }
  },

  async addRateCard(plan, card, target) {
    try {
      return addRateCardToPlan(plan, card, target);
    } catch (error) {
      return { ok: false, error: toFailure(error) };
    }
  },
});
