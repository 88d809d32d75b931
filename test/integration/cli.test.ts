/**
 * `tarifa bill` end to end, spawning the CLI as users run it.
 *
 * Hand-computed figures for test/fixtures/generic-small.csv with the seat plan (base 199; extra seats 40 each over 5
 * unique agents; extra messages 5 per started 1,000 over 10,000 = sum of `quantity` of kind=message), UTC cycles:
 * - 26 data rows: 25 events + 1 duplicate id (s-003 again, quantity 5000: must not count).
 * - With --tz America/Sao_Paulo the naive row '2026-09-30 22:30:00' (Heitor, 1000 messages) is 2026-10-01T01:30Z.
 *   September: messages 2000×4 + 1500 + 1000 + 1000 + 500 + 300 + 200 + 1 (s-011, quantity defaults to 1)
 *   = 12,501 -> 2,501 billable -> 3 packages = 15.00; agents Ana, Bruno, Carla, Diego, Elisa, Felipe, Gabriela = 7
 *   -> 2 extra seats = 80.00; total 199 + 80 + 15 = 294.00.
 *   October: messages 4000 + 3000 + 2000 + 1 + 1000 (Heitor) = 10,001 -> 1 package = 5.00; agents Ana, Bruno,
 *   Heitor, Iara, Joao, Kaique = 6 -> 1 extra seat = 40.00; total 244.00. Grand total 538.00.
 * - With the default --tz UTC the naive row stays in September: 13,501 messages -> 4 packages = 20.00, 8 agents ->
 *   120.00, September 339.00; October 9,001 messages, 5 agents -> 199.00; grand total 538.00.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tarifa = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const small = 'test/fixtures/generic-small.csv';
const plan = 'test/fixtures/seat-plan.json';

const figures = (doc: { cycles: { start: string; lines: { charge: string; quantity: number; amount: string }[]; total: string }[]; total: string }) => ({
  cycles: doc.cycles.map((c) => ({ start: c.start, lines: c.lines.map((l) => [l.charge, l.quantity, l.amount]), total: c.total })),
  total: doc.total,
});

describe('tarifa bill', () => {
  it('prints one JSON document with the hand-computed figures (Sao Paulo time)', () => {
    const r = tarifa('bill', small, '--plan', plan, '--tz', 'America/Sao_Paulo', '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['plan', 'currency', 'import', 'cycles', 'total']);
    expect(doc.plan).toBe('Seat plan');
    expect(doc.currency).toBe('USD');
    expect(doc.import).toEqual({ preset: 'generic', rows: 25, rejected: 0, duplicates: 1 });
    expect(figures(doc)).toEqual({
      cycles: [
        { start: '2026-09-01T00:00:00.000Z', lines: [['base', 1, '199.00'], ['seats', 2, '80.00'], ['extra', 2501, '15.00']], total: '294.00' },
        { start: '2026-10-01T00:00:00.000Z', lines: [['base', 1, '199.00'], ['seats', 1, '40.00'], ['extra', 1, '5.00']], total: '244.00' },
      ],
      total: '538.00',
    });
    expect(doc.cycles[0]).toMatchObject({ end: '2026-10-01T00:00:00.000Z', subtotal: '294.00', discount: '0.00', tax: '0.00' });
    expect(doc.cycles[1].lines[0]).toMatchObject({ label: 'Base fee (5 seats, 10,000 messages)' });
    for (const c of doc.cycles) for (const l of c.lines) expect(typeof l.explanation).toBe('string');
    expect(r.stderr).toContain('1 duplicate event id');
  });

  it('reads naive times in UTC by default; several files are one dataset', () => {
    const r = tarifa('bill', small, 'test/fixtures/generic-bom-crlf.csv', '--plan', plan, '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    // generic-bom-crlf.csv repeats s-001..s-004: all four are duplicates of the first file's events.
    expect(doc.import).toEqual({ preset: 'generic', rows: 25, rejected: 0, duplicates: 5 });
    expect(figures(doc)).toEqual({
      cycles: [
        { start: '2026-09-01T00:00:00.000Z', lines: [['base', 1, '199.00'], ['seats', 3, '120.00'], ['extra', 3501, '20.00']], total: '339.00' },
        { start: '2026-10-01T00:00:00.000Z', lines: [['base', 1, '199.00'], ['seats', 0, '0.00'], ['extra', 0, '0.00']], total: '199.00' },
      ],
      total: '538.00',
    });
  });

  it('table and csv formats', () => {
    const table = tarifa('bill', small, '--plan', plan, '--tz', 'America/Sao_Paulo');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/Extra seats\s+2\s+80\.00/);
    expect(table.stdout).toContain('Total USD 538.00');
    const csv = tarifa('bill', small, '--plan', plan, '--tz', 'America/Sao_Paulo', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('cycle_start,cycle_end,charge,label,quantity,amount,explanation');
    expect(csv.stdout).toContain('2026-10-01T00:00:00.000Z,2026-11-01T00:00:00.000Z,,total,,244.00,');
  });

  it('reports rejected rows on stderr and keeps stdout one JSON document', () => {
    const r = tarifa('bill', 'test/fixtures/generic-broken-rows.csv', '--plan', plan, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).import).toEqual({ preset: 'generic', rows: 4, rejected: 4, duplicates: 0 });
    expect(r.stderr).toContain('tarifa: 4 rows rejected:');
    expect(r.stderr).toContain("test/fixtures/generic-broken-rows.csv: line 6: timestamp: cannot read '31/02/2026 10:00' as a date");
    expect(r.stderr).toContain('test/fixtures/generic-broken-rows.csv: line 10: row: expected 7 fields, found 3');
  });

  it('exit 1 on bad input, naming the file, line and field', () => {
    const empty = tarifa('bill', 'test/fixtures/empty.csv', '--plan', plan);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toBe('tarifa: test/fixtures/empty.csv: the file is empty\n');
    const noHeader = tarifa('bill', 'test/fixtures/no-header.csv', '--plan', plan);
    expect(noHeader.status).toBe(1);
    expect(noHeader.stderr).toContain("test/fixtures/no-header.csv: line 1: no recognisable header: expected a 'timestamp' column");
    const missing = tarifa('bill', 'test/fixtures/nope.csv', '--plan', plan);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('test/fixtures/nope.csv: cannot read the file (no such file)');
    const badPlan = tarifa('bill', small, '--plan', 'test/fixtures/bad-plan.json');
    expect(badPlan.status).toBe(1);
    expect(badPlan.stderr).toContain('test/fixtures/bad-plan.json: invalid plan');
    expect(badPlan.stderr).toMatch(/bad-plan\.json: charges\[1\]\.unitPrice: /);
    expect(badPlan.stdout).toBe('');
  });

  it('exit 2 on usage errors, with the usage text', () => {
    for (const args of [['bill', small], ['frobnicate'], ['bill', small, '--plan', plan, '--colour'], [],
      ['bill', small, '--plan', plan, '--format', 'xml'], ['bill', small, '--plan', plan, '--tz', 'Mars/Base']]) {
      const r = tarifa(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('Usage:');
    }
    expect(tarifa('bill', small).stderr).toContain('missing --plan');
    // simulate is implemented (test/integration/cli-simulate.test.ts); its usage errors exit 2 like the others.
    const simulate = tarifa('simulate', small);
    expect(simulate.status).toBe(2);
    expect(simulate.stderr).toContain('simulate: missing --plan');
  }, 120_000); // eight CLI start-ups in a row: a hang guard sized for a loaded 2-core machine, not a speed check
});
