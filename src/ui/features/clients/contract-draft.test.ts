import { describe, expect, it } from 'vitest';
import { parseContract } from '../../../engine/profitability/contract';
import { contractFileName, draftToJson, emptyDraft, jsonToDraft } from './contract-draft';

describe('contract draft', () => {
  it('a cost-cap draft keeps only its kind, drops trailing empty caps and round-trips', () => {
    const d = { ...emptyDraft('Sales'), name: 'Cap', currency: 'EUR', referencePricePerMinute: ' 0.80 ', kind: 'cost-cap' as const,
      monthlyFee: '300', category: 2, caps: ['100', '200', '300', '', '', '', ''], contactEmail: 'a@b.co' };
    const json = draftToJson(d);
    expect(json).toEqual({
      format: 'tarifa.contract/1', name: 'Cap', client: 'Sales', currency: 'EUR', referencePricePerMinute: '0.80', tolerancePercent: '10',
      terms: { kind: 'cost-cap', category: 2, categories: ['100', '200', '300'] }, contact: { email: 'a@b.co' },
    });
    expect(parseContract(json).ok).toBe(true);
    expect(draftToJson(jsonToDraft(json))).toEqual(json);
  });

  it('an empty new draft is not a valid contract (the worker names what is missing)', () => {
    const r = parseContract(draftToJson(emptyDraft('')));
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['name', 'client', 'referencePricePerMinute', 'terms.monthlyFee']);
  });

  it('file names', () => {
    expect(contractFileName('Sales – answering 2026')).toBe('sales-answering-2026.contract.json');
    expect(contractFileName('  ')).toBe('contract.contract.json');
  });
});
