import { describe, expect, it } from 'vitest';
import { parseRules } from '../engine/allocation';
import { centreIdFor, emptyModel, modelOfRules, parseAmount, rulesOfModel } from './split-model';

describe('split model', () => {
  const model = {
    ...emptyModel(),
    name: 'By queue',
    centres: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }],
    assignments: { queue: { vendas: 'sales', suporte: 'support', 'pós-venda': 'support' } },
    patterns: [{ field: 'queue', pattern: 'sales*', centre: 'sales' }],
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

  it('reads back what it writes, and refuses only fixed weights', () => {
    expect(modelOfRules(rulesOfModel(model))).toEqual(model);
    expect(modelOfRules({ format: 'tarifa.rules/1', centres: [{ id: 'a' }], rules: [], shared: { method: 'fixed', weights: { a: 1 } } })).toBeNull();
  });

  it('rules on several fields: values per field in the order used, the empty value, combined rules first, catch-alls last', () => {
    const m = {
      ...model,
      field: 'team',
      assignments: { queue: { Sales: 'sales', '': 'support' }, team: { Bots: 'sales' } },
      patterns: [{ field: 'team', pattern: 'sup*', centre: 'support' }],
      combined: [{ centre: 'support', where: {} }, { centre: 'sales', where: { queue: 'Support', 'col:Region': ['North'] } }],
      unattributed: 'proportional' as const, unattributedCentre: null, driver: null,
    };
    const json = rulesOfModel(m);
    expect(json.rules).toEqual([
      { centre: 'sales', where: { queue: 'Support', 'col:Region': ['North'] } },
      { centre: 'sales', where: { queue: ['Sales'] } },
      { centre: 'support', where: { queue: [''] } },
      { centre: 'sales', where: { team: ['Bots'] } },
      { centre: 'support', where: { team: 'sup*' } },
      { centre: 'support' },
    ]);
    const parsed = parseRules(json);
    expect(parsed.ok).toBe(true);
    expect(modelOfRules(json)).toEqual({ ...m, field: 'queue', combined: [m.combined[1], m.combined[0]] });
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
