/** Test helpers: parse a plan or rules or throw, and build events quickly. */
import type { Plan } from '../plan/types';
import { parsePlan } from '../plan/validate';
import { parseRules } from '../rules/parse-rules';
import type { Rules } from '../rules/types';
import type { EventInput } from '../testing/table-builder';

export const planOf = (input: Record<string, unknown>): Plan => {
  const r = parsePlan({ format: 'tarifa.plan/1', name: 'P', currency: 'BRL', cycle: { anchorDay: 1, timeZone: 'UTC' }, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.plan;
};

export const rulesOf = (input: Record<string, unknown>): Rules => {
  const r = parseRules({ format: 'tarifa.rules/1', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rules;
};

/** `n` events with the given fields, one second apart from `start`. */
export const repeat = (n: number, fields: Omit<EventInput, 'timestamp'>, start = '2025-03-01T10:00:00Z'): EventInput[] =>
  Array.from({ length: n }, (_, i) => ({ timestamp: Date.parse(start) + i * 1000, ...fields }));

/** Two centres by queue: sales (vendas) and support (suporte). */
export const TWO_CENTRES = {
  centres: [
    { id: 'sales', label: 'Sales' },
    { id: 'support', label: 'Support' },
  ],
  rules: [
    { centre: 'sales', where: { queue: 'vendas' } },
    { centre: 'support', where: { queue: 'suporte' } },
  ],
};
