import { describe, expect, it } from 'vitest';
import { parseRules } from '../engine/allocation';
import { centreIdFor, emptyModel, modelOfRules, parseAmount, rulesOfModel } from './split-model';

describe('split model', () => {
  const model = {
    ...emptyModel(),
    name: 'By queue',
    centres: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }],
    assignments: { vendas: 'sales', suporte: 'support', 'pós-venda': 'support' },
    patterns: [{ pattern: 'sales*', centre: 'sales' }],
    driver: 'conversations',
    unattributed: 'centre' as const,
    unattributedCentre: 'support',
  };

  it('writes a valid tarifa.rules/1 document: values per centre first, then patterns', () => {
    const json = rulesOfModel(model);
    expect(json).toEqual({
      format: 'tarifa.rules/1',
      name: 'By queue',
      centres: model.centres,
      rules: [
        { centre: 'sales', where: { queue: ['vendas'] } },
        { centre: 'support', where: { queue: ['suporte', 'pós-venda'] } },
        { centre: 'sales', where: { queue: 'sales*' } },
      ],
      driver: 'conversations',
      multiCentre: 'even',
      shared: { method: 'proportional' },
      unattributed: { method: 'centre', centre: 'support' },
    });
    expect(parseRules(json).ok).toBe(true);
  });

  it('reads back what it writes, and refuses rules it cannot show', () => {
    expect(modelOfRules(rulesOfModel(model))).toEqual(model);
    expect(modelOfRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [{ centre: 'a', where: { queue: 'x', team: 'y' } }] })).toBeNull();
    expect(modelOfRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [{ centre: 'a' }] })).toBeNull();
  });

  it('makes centre ids from labels, unique and never the reserved one', () => {
    expect(centreIdFor('Pós-venda', [])).toBe('pos-venda');
    expect(centreIdFor('Sales', ['sales'])).toBe('sales-2');
    expect(centreIdFor('Unattributed', [])).toBe('unattributed-centre');
  });

  it('reads typed amounts: one decimal point or comma, no thousands separators', () => {
    expect(parseAmount(' 1200.50 ')).toBe('1200.50');
    expect(parseAmount('1200,5')).toBe('1200.5');
    expect(parseAmount('.5')).toBe('0.5');
    for (const bad of ['', '1,200.50', '1.200,50', '-3', '12a', '1e3']) expect(parseAmount(bad), bad).toBeNull();
  });
});
