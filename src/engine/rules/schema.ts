/**
 * Zod schema of the rules file (spec section 3): the shape, strict (unknown fields are issues naming them).
 * `where` is only required to be an object here; its fields and values are checked like a plan meter's filter
 * (parse-rules.ts), and cross-field rules (ids unique, centres exist, weights) live there too.
 */
import { z } from 'zod';
import { isDecimalString } from '../money';
import { MULTI_CENTRE_POLICIES } from './types';

const name = z.string().min(1);
const weight = z.union([
  z.number().min(0),
  z
    .string()
    .refine(isDecimalString, { message: 'must be a number or a decimal string such as "2.5"' })
    .refine((s) => !s.startsWith('-'), { message: 'must not be negative' }),
]);

const centre = z.strictObject({ id: name, label: name.optional() });
const rule = z.strictObject({ centre: name, where: z.record(z.string(), z.unknown()).optional() });

const shared = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('proportional') }),
  z.strictObject({ method: z.literal('even') }),
  z.strictObject({ method: z.literal('fixed'), weights: z.record(name, weight) }),
]);

const unattributed = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('proportional') }),
  z.strictObject({ method: z.literal('centre'), centre: name }),
  z.strictObject({ method: z.literal('separate') }),
]);

export const rulesSchema = z.strictObject({
  format: z.literal('tarifa.rules/1'),
  name: z.string().optional(),
  description: z.string().optional(),
  centres: z.array(centre).min(1),
  rules: z.array(rule),
  driver: name.optional(),
  multiCentre: z.enum(MULTI_CENTRE_POLICIES).default('even'),
  shared: shared.default({ method: 'proportional' }),
  unattributed: unattributed.default({ method: 'proportional' }),
});

export type RawRules = z.output<typeof rulesSchema>;
