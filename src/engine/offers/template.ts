/**
 * An offer template as stored (`"format": "tarifa.template/1"`): for one contract kind and language, a subject and a
 * body with numbered placeholders (placeholders.ts). The defaults live in code (defaults.ts); a template the user
 * edits is stored under `templateId(kind, locale)`, and deleting it brings the default back.
 */
import { z } from 'zod';
import { issuesFromZod } from '../plan/issues';
import type { ContractKind } from '../profitability/types';

export const TEMPLATE_FORMAT = 'tarifa.template/1';
export const OFFER_LOCALES = ['en', 'pt-BR', 'es'] as const;
export type OfferLocale = (typeof OFFER_LOCALES)[number];
export const CONTRACT_KINDS: readonly ContractKind[] = ['flat', 'per-call', 'cost-cap'];

export type OfferTemplate = {
  format: 'tarifa.template/1';
  kind: ContractKind;
  locale: OfferLocale;
  subject: string;
  body: string;
};

export const templateSchema = z.strictObject({
  format: z.literal(TEMPLATE_FORMAT),
  kind: z.enum(['flat', 'per-call', 'cost-cap']),
  locale: z.enum(OFFER_LOCALES),
  subject: z.string().max(500),
  body: z.string().min(1).max(20_000),
});

export const templateId = (kind: ContractKind, locale: OfferLocale): string => `${kind}.${locale}`;

export const parseTemplate = (input: unknown): { ok: true; template: OfferTemplate } | { ok: false; issues: { path: string; message: string }[] } => {
  const parsed = templateSchema.safeParse(input, { reportInput: true });
  return parsed.success ? { ok: true, template: parsed.data } : { ok: false, issues: issuesFromZod(parsed.error) };
};
