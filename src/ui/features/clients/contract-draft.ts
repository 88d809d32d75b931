/** The contract form's fields as typed, and the `tarifa.contract/1` document they make (validated by the worker). */
import { CONTRACT_FORMAT, MAX_CATEGORIES } from '../../../engine/profitability/contract';
import type { ContractKind } from '../../../engine/profitability/types';

export type ContractDraft = {
  name: string;
  client: string;
  currency: string;
  referencePricePerMinute: string;
  tolerancePercent: string;
  kind: ContractKind;
  monthlyFee: string;
  pricePerCall: string;
  category: number;
  caps: string[];
  contactName: string;
  contactEmail: string;
};

export const emptyDraft = (client: string): ContractDraft => ({
  name: '', client, currency: 'USD', referencePricePerMinute: '', tolerancePercent: '10', kind: 'flat',
  monthlyFee: '', pricePerCall: '', category: 1, caps: Array.from({ length: MAX_CATEGORIES }, () => ''), contactName: '', contactEmail: '',
});

/** The document to validate and store: only the fields of the chosen kind; trailing empty caps dropped. */
export const draftToJson = (d: ContractDraft): Record<string, unknown> => {
  const caps = [...d.caps];
  while (caps.length > 0 && caps[caps.length - 1].trim() === '') caps.pop();
  const terms = d.kind === 'flat'
    ? { kind: 'flat', monthlyFee: d.monthlyFee.trim() }
    : d.kind === 'per-call'
      ? { kind: 'per-call', pricePerCall: d.pricePerCall.trim() }
      : { kind: 'cost-cap', category: d.category, categories: caps.map((c) => c.trim()) };
  const contact = {
    ...(d.contactName.trim() ? { name: d.contactName.trim() } : {}),
    ...(d.contactEmail.trim() ? { email: d.contactEmail.trim() } : {}),
  };
  return {
    format: CONTRACT_FORMAT,
    name: d.name,
    client: d.client,
    currency: d.currency.trim(),
    referencePricePerMinute: d.referencePricePerMinute.trim(),
    tolerancePercent: d.tolerancePercent.trim(),
    terms,
    ...(Object.keys(contact).length > 0 ? { contact } : {}),
  };
};

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** A saved contract back into the form (it was valid when saved). */
export const jsonToDraft = (json: unknown): ContractDraft => {
  const o = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  const terms = (typeof o.terms === 'object' && o.terms !== null ? o.terms : {}) as Record<string, unknown>;
  const contact = (typeof o.contact === 'object' && o.contact !== null ? o.contact : {}) as Record<string, unknown>;
  const caps = Array.isArray(terms.categories) ? terms.categories.map(str) : [];
  const kind: ContractKind = terms.kind === 'per-call' || terms.kind === 'cost-cap' ? terms.kind : 'flat';
  return {
    name: str(o.name), client: str(o.client), currency: str(o.currency), referencePricePerMinute: str(o.referencePricePerMinute),
    tolerancePercent: str(o.tolerancePercent), kind, monthlyFee: str(terms.monthlyFee), pricePerCall: str(terms.pricePerCall),
    category: typeof terms.category === 'number' ? terms.category : 1,
    caps: Array.from({ length: MAX_CATEGORIES }, (_, i) => caps[i] ?? ''),
    contactName: str(contact.name), contactEmail: str(contact.email),
  };
};

/** A file name for the exported contract. */
export const contractFileName = (name: string): string =>
  `${name.trim().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'contract'}.contract.json`;
