/**
 * The client contract file (`"format": "tarifa.contract/1"`): zod for the shape (strict: unknown fields are issues
 * naming them), then the rules zod cannot say: amounts are decimal strings, cost-cap categories increase and the
 * client's category exists. Issues come with paths such as `terms.categories[2]`.
 *
 * ```json
 * { "format": "tarifa.contract/1", "name": "Sales answering", "client": "Sales", "currency": "EUR",
 *   "referencePricePerMinute": "0.80", "tolerancePercent": "10",
 *   "terms": { "kind": "flat", "monthlyFee": "400.00" },
 *   "contact": { "name": "Maria", "email": "maria@example.com" } }
 * ```
 * Terms: `{ "kind": "flat", "monthlyFee" }`, `{ "kind": "per-call", "pricePerCall" }` or
 * `{ "kind": "cost-cap", "category": 1..7, "categories": [cap of category 1, …, up to 7 caps, increasing] }`.
 */
import { z } from 'zod';
import { Dec, isDecimalString } from '../money';
import { formatPath, issuesFromZod } from '../plan/issues';
import { coded } from '../issue-codes';
import type { Contract, ContractIssue, ParseContractResult } from './types';

export const CONTRACT_FORMAT = 'tarifa.contract/1';
export const MAX_CATEGORIES = 7;

const amount = z
  .string()
  .refine(isDecimalString, { message: 'must be a decimal string such as "400.00"' })
  .refine((s) => !s.startsWith('-'), { message: 'must not be negative' });

const positive = amount.refine((s) => !isDecimalString(s) || new Dec(s).gt(0), { message: 'must be more than 0' });

const terms = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('flat'), monthlyFee: amount }),
  z.strictObject({ kind: z.literal('per-call'), pricePerCall: amount }),
  z.strictObject({
    kind: z.literal('cost-cap'),
    category: z.number().int().min(1).max(MAX_CATEGORIES),
    categories: z.array(positive).min(1).max(MAX_CATEGORIES),
  }),
]);

export const contractSchema = z.strictObject({
  format: z.literal(CONTRACT_FORMAT),
  name: z.string().trim().min(1),
  client: z.string().min(1),
  currency: z.string().regex(/^[A-Z]{3}$/, { message: 'must be a three-letter currency code such as "EUR"' }),
  referencePricePerMinute: positive,
  tolerancePercent: amount,
  terms,
  contact: z
    .strictObject({
      name: z.string().optional(),
      email: z.string().regex(/^$|^[^\s@]+@[^\s@]+$/, { message: 'must be an e-mail address such as "ana@example.com"' }).optional(),
    })
    .optional(),
});

const crossChecks = (c: Contract): ContractIssue[] => {
  if (c.terms.kind !== 'cost-cap') return [];
  const issues: ContractIssue[] = [];
  const caps = c.terms.categories;
  for (let i = 1; i < caps.length; i++) {
    if (!new Dec(caps[i]).gt(new Dec(caps[i - 1]))) {
      issues.push(coded(formatPath(['terms', 'categories', i]), `must be more than category ${i}'s cap (${caps[i - 1]})`));
    }
  }
  if (c.terms.category > caps.length) {
    issues.push(coded('terms.category', `category ${c.terms.category} has no cap (${caps.length} ${caps.length === 1 ? 'category is' : 'categories are'} defined)`));
  }
  return issues;
};

/** Validates an untrusted contract document (parsed JSON). */
export const parseContract = (input: unknown): ParseContractResult => {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [coded('', 'a contract must be a JSON object')] };
  }
  const parsed = contractSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const contract = parsed.data as Contract;
  const issues = crossChecks(contract);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, contract };
};
