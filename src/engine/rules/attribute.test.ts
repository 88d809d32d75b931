import { describe, expect, it } from 'vitest';
import { fieldSource } from '../fields/field-source';
import { buildTable } from '../testing/table-builder';
import { centreColumn, UNATTRIBUTED } from './attribute';
import { parseRules } from './parse-rules';

const rulesOf = (input: Record<string, unknown>) => {
  const r = parseRules({ format: 'tarifa.rules/1', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.rules;
};

describe('centreColumn', () => {
  const table = buildTable([
    { timestamp: '2025-03-03T09:00:00Z', queue: 'vendas' },
    { timestamp: '2025-03-03T10:00:00Z', queue: 'sales-north', team: 'b' },
    { timestamp: '2025-03-03T23:30:00Z', queue: 'suporte' },
    { timestamp: '2025-03-03T11:00:00Z', queue: '' },
    { timestamp: '2025-03-03T12:00:00Z', queue: 'suporte', team: 'vip' },
  ]);
  const rules = rulesOf({
    centres: [{ id: 'sales' }, { id: 'support' }, { id: 'vip' }, { id: 'night' }],
    rules: [
      { centre: 'vip', where: { team: 'vip' } },
      { centre: 'night', where: { hour: [20, 6] } },
      { centre: 'sales', where: { queue: ['vendas', 'sales*'], team: { not: 'x' } } },
      { centre: 'support', where: { queue: 'suporte' } },
    ],
  });

  it('attributes each event to the first rule that matches (lists, wildcards, not, local hours), else -1', () => {
    expect([...centreColumn(table, rules)]).toEqual([0, 0, 3, UNATTRIBUTED, 2]);
    // 23:30 UTC is 20:30 in São Paulo, 00:30 in Berlin: night either way; 09:00 UTC is 06:00 in São Paulo.
    expect([...centreColumn(table, rules, fieldSource(table, 'America/Sao_Paulo'))]).toEqual([3, 0, 3, UNATTRIBUTED, 2]);
  });

  it('computes the column once per table, rules and time zone', () => {
    const a = centreColumn(table, rules);
    expect(centreColumn(table, rules)).toBe(a);
    expect(centreColumn(table, rules, fieldSource(table, 'Asia/Tokyo'))).not.toBe(a);
    expect(centreColumn(table, { ...rules })).not.toBe(a);
  });
});
