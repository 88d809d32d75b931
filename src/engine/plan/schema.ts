/**
 * Zod schema of the plan file: the full shape of spec section 2, strict (unknown fields are issues naming them).
 * Cross-field rules (ids unique, meters exist, tiers increasing, what this version supports) live in `validate.ts`.
 */
import { z } from 'zod';
import { isDecimalString, ROUNDING_MODES } from '../money';
import type { Charge, Filter, FilterValue, Meter, Plan } from './types';

const decimal = z.string().refine(isDecimalString, { message: 'must be a decimal string such as "12.50"' });
const nonNegativeDecimal = decimal.refine((s) => !s.startsWith('-'), { message: 'must not be negative' });
const percent = nonNegativeDecimal.refine((s) => Number(s) <= 100, { message: 'must be at most 100' });
const count = z.number().min(0);
const name = z.string().min(1);

const filterScalar = z.union([z.string(), z.number(), z.boolean()]);
const filterValue: z.ZodType<FilterValue> = z.lazy(() =>
  z.union([filterScalar, z.array(filterScalar).min(1), z.strictObject({ not: filterValue })]),
);
const filter: z.ZodType<Filter> = z.record(z.string(), filterValue);
const fieldList = z.array(z.string().min(1)).min(1);

const meterBase = { where: filter.optional(), by: fieldList.optional() };
const meter = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('count'), ...meterBase }),
  z.strictObject({ type: z.literal('sum'), field: z.string().min(1), ...meterBase }),
  z.strictObject({ type: z.literal('unique'), of: fieldList, ...meterBase }),
  z.strictObject({
    type: z.literal('call-time'),
    increments: z.tuple([z.number().int().positive(), z.number().int().positive()]),
    ...meterBase,
  }),
  z.strictObject({ type: z.literal('whatsapp-pmp'), rules: z.enum(['2025-07', '2026-10', 'by-date']).optional(), ...meterBase }),
  z.strictObject({ type: z.literal('whatsapp-cbp'), freeServiceConversations: count.optional(), ...meterBase }),
]);

const chargeBase = {
  id: name,
  label: name,
  meter: name.optional(),
  quantity: count.optional(),
  freeUnits: count.optional(),
};
const tier = z.strictObject({
  upTo: z.number().positive().nullable(),
  unitPrice: nonNegativeDecimal,
  flatFee: nonNegativeDecimal.optional(),
});
const rates = z.record(z.string(), nonNegativeDecimal);
const datedCard = z.strictObject({
  effectiveFrom: z.string().min(1),
  rates,
  default: nonNegativeDecimal.optional(),
  currency: name.optional(),
});
const charge = z.discriminatedUnion('model', [
  z.strictObject({ model: z.literal('flat'), amount: decimal, once: z.boolean().optional(), ...chargeBase }),
  z.strictObject({
    model: z.literal('standard'),
    unitPrice: nonNegativeDecimal,
    per: z.number().positive().optional(),
    ...chargeBase,
  }),
  z.strictObject({
    model: z.literal('package'),
    packageSize: z.number().positive(),
    packagePrice: nonNegativeDecimal,
    ...chargeBase,
  }),
  z.strictObject({ model: z.literal('graduated'), tiers: z.array(tier).min(1), ...chargeBase }),
  z.strictObject({ model: z.literal('volume'), tiers: z.array(tier).min(1), ...chargeBase }),
  z.strictObject({
    model: z.literal('rate-card'),
    rates: rates.optional(),
    cards: z.array(datedCard).min(1).optional(),
    ...chargeBase,
  }),
]);

const cap = z.strictObject({
  amount: nonNegativeDecimal,
  tolerancePercent: nonNegativeDecimal.optional(),
  charges: z.array(name).min(1),
});

export const planSchema = z.strictObject({
  format: z.literal('tarifa.plan/1'),
  name,
  description: z.string().optional(),
  currency: name,
  cycle: z.strictObject({ anchorDay: z.number().int().min(1).max(28), timeZone: name }),
  rounding: z
    .strictObject({
      decimals: z.number().int().min(0).max(10).default(2),
      mode: z.enum(ROUNDING_MODES).default('half-up'),
    })
    .default({ decimals: 2, mode: 'half-up' }),
  meters: z.record(name, meter),
  charges: z.array(charge),
  minimumSpend: nonNegativeDecimal.default('0'),
  cap: cap.nullable().default(null),
  discountPercent: percent.default('0'),
  taxPercent: nonNegativeDecimal.default('0'),
});

// Compile-time guard: the schema's output is exactly the hand-written types other layers code against.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesTypes: [
  Same<z.output<typeof planSchema>, Plan>,
  Same<z.output<typeof meter>, Meter>,
  Same<z.output<typeof charge>, Charge>,
] = [true, true, true];
void schemaMatchesTypes;
