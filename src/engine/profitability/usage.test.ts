import { describe, expect, it } from 'vitest';
import { buildTable } from '../testing/table-builder';
import { parseRules } from '../rules/parse-rules';
import { clientUsage, periodsOf } from './usage';

const rows = [
  // September (São Paulo, UTC-3): Sales two inbound answered calls, one missed, one outbound; Support one.
  { timestamp: '2026-09-01T09:00:00-03:00', kind: 'call', direction: 'inbound', queue: 'Sales', duration: 120, status: 'answered' },
  { timestamp: '2026-09-02T09:00:00-03:00', kind: 'call', direction: 'inbound', queue: 'Sales', duration: 90, status: 'answered' },
  { timestamp: '2026-09-02T10:00:00-03:00', kind: 'call', direction: 'inbound', queue: 'Sales', duration: 0, status: 'no-answer' },
  { timestamp: '2026-09-03T10:00:00-03:00', kind: 'call', direction: 'outbound', queue: 'Sales', duration: 30 },
  { timestamp: '2026-09-03T11:00:00-03:00', kind: 'message', direction: 'inbound', queue: 'Sales' },
  { timestamp: '2026-09-15T11:00:00-03:00', kind: 'call', direction: 'inbound', queue: 'Support', duration: 600 },
  // 2026-09-30 22:30 local = 2026-10-01 01:30 UTC: still September in São Paulo.
  { timestamp: '2026-10-01T01:30:00Z', kind: 'call', direction: 'inbound', queue: 'Sales', duration: 60 },
  // October
  { timestamp: '2026-10-20T10:00:00-03:00', kind: 'call', direction: 'inbound', queue: 'Sales', duration: 45 },
  { timestamp: '2026-10-21T10:00:00-03:00', kind: 'call', direction: 'inbound', queue: '', duration: 30 },
];

describe('clientUsage', () => {
  it('sums billable seconds of handled calls and counts handled inbound calls per value and calendar month', () => {
    const r = clientUsage(buildTable(rows), { kind: 'field', field: 'queue' }, { kind: 'month', timeZone: 'America/Sao_Paulo' });
    expect(r.periods.map((p) => new Date(p.start).toISOString())).toEqual(['2026-09-01T03:00:00.000Z', '2026-10-01T03:00:00.000Z']);
    expect(r.clients).toEqual([
      { key: 'Sales', label: 'Sales', periods: [{ seconds: 300, calls: 3 }, { seconds: 45, calls: 1 }] },
      { key: 'Support', label: 'Support', periods: [{ seconds: 600, calls: 1 }, { seconds: 0, calls: 0 }] },
      { key: '', label: '', periods: [{ seconds: 0, calls: 0 }, { seconds: 30, calls: 1 }] },
    ]);
  });

  it('billing cycles from an anchor day', () => {
    const r = clientUsage(buildTable(rows), { kind: 'field', field: 'queue' }, { kind: 'cycle', anchorDay: 15, timeZone: 'America/Sao_Paulo' });
    // Aug 15 – Sep 15, Sep 15 – Oct 15, Oct 15 – Nov 15; the first and last only partly covered by the data.
    expect(r.periods.map((p) => [new Date(p.start).toISOString().slice(0, 10), p.partial])).toEqual([
      ['2026-08-15', true], ['2026-09-15', false], ['2026-10-15', true],
    ]);
    expect(r.clients.map((c) => [c.key, c.periods.map((p) => `${p.seconds}s/${p.calls}`)])).toEqual([
      ['Sales', ['240s/2', '60s/1', '45s/1']], ['Support', ['0s/0', '600s/1', '0s/0']], ['', ['0s/0', '0s/0', '30s/1']],
    ]);
  });

  it('clients as the centres of a rule set, the unattributed last', () => {
    const parsed = parseRules({
      format: 'tarifa.rules/1',
      centres: [{ id: 'acme', label: 'ACME' }, { id: 'beta', label: 'Beta' }],
      rules: [{ centre: 'acme', where: { queue: 'Sales' } }, { centre: 'beta', where: { queue: 'Support' } }],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const r = clientUsage(buildTable(rows), { kind: 'rules', rules: parsed.rules }, { kind: 'month', timeZone: 'America/Sao_Paulo' });
    expect(r.clients.map((c) => [c.key, c.label, c.periods.map((p) => p.seconds)])).toEqual([
      ['acme', 'ACME', [300, 45]], ['beta', 'Beta', [600, 0]], ['', '', [0, 30]],
    ]);
  });

  it('no calls: no clients', () => {
    const r = clientUsage(buildTable([{ timestamp: '2026-09-01T00:00:00Z', kind: 'message', queue: 'Sales' }]), { kind: 'field', field: 'queue' }, { kind: 'month', timeZone: 'UTC' });
    expect(r.clients).toEqual([]);
    expect(r.periods).toHaveLength(1);
  });
});

describe('periodsOf', () => {
  it('marks periods the data covers only in part', () => {
    const p = periodsOf(Date.parse('2026-09-10T00:00:00Z'), Date.parse('2026-10-31T12:00:00Z'), { kind: 'month', timeZone: 'UTC' });
    expect(p.map((x) => x.partial)).toEqual([true, false]);
  });
});
