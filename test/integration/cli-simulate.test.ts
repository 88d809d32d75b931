/** `tarifa simulate` end to end (spec section 4), spawning the CLI as users run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../..', import.meta.url).pathname;
const tarifa = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

// 10 contacts, one message each in September and in October 2026.
const dir = mkdtempSync(join(tmpdir(), 'tarifa-simulate-'));
const usage = join(dir, 'usage.csv');
writeFileSync(usage, ['timestamp,id,kind,direction,contact,agent',
  ...['09', '10'].flatMap((m) => Array.from({ length: 10 }, (_, i) => `2026-${m}-${String(i + 10)}T12:00:00Z,${m}-${i},message,outbound,+55119000000${String(i).padStart(2, '0')},ana`)),
].join('\n'));
const planFile = (name: string, body: Record<string, unknown>) => {
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ format: 'tarifa.plan/1', name, currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' }, meters: {}, ...body }));
  return path;
};
const perMessage = planFile('Per message', {
  meters: { messages: { type: 'count', where: { kind: 'message' } } },
  charges: [{ id: 'msg', label: 'Messages', meter: 'messages', model: 'standard', unitPrice: '0.10' }],
});
const flat = planFile('Flat', { charges: [{ id: 'base', label: 'Base', model: 'flat', amount: '1.50' }] });

describe('tarifa simulate', () => {
  it('prints the spec JSON: totals per plan and cycle, the cheapest by name', () => {
    const r = tarifa('simulate', usage, '--plan', perMessage, '--plan', flat, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      currency: 'USD',
      plans: [
        { name: 'Per message', total: '2.00', cycles: [{ start: '2026-09-01T00:00:00.000Z', total: '1.00' }, { start: '2026-10-01T00:00:00.000Z', total: '1.00' }] },
        { name: 'Flat', total: '3.00', cycles: [{ start: '2026-09-01T00:00:00.000Z', total: '1.50' }, { start: '2026-10-01T00:00:00.000Z', total: '1.50' }] },
      ],
      cheapest: 'Per message',
    });
  });

  it('--scale 2 doubles the usage (whole contacts) and changes which plan is cheapest', () => {
    const r = tarifa('simulate', usage, '--plan', perMessage, '--plan', flat, '--scale', '2', '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { plans: { total: string }[]; cheapest: string };
    expect(doc.plans.map((p) => p.total)).toEqual(['4.00', '3.00']);
    expect(doc.cheapest).toBe('Flat');
  });

  it('prints CSV rows and a readable table with the cheapest marked', () => {
    const csv = tarifa('simulate', usage, '--plan', perMessage, '--plan', flat, '--format', 'csv');
    expect(csv.stdout.trim().split('\n')).toEqual([
      'plan,cycle_start,total,cheapest',
      'Per message,2026-09-01T00:00:00.000Z,1.00,1', 'Per message,2026-10-01T00:00:00.000Z,1.00,1', 'Per message,,2.00,1',
      'Flat,2026-09-01T00:00:00.000Z,1.50,0', 'Flat,2026-10-01T00:00:00.000Z,1.50,0', 'Flat,,3.00,0',
    ]);
    const table = tarifa('simulate', usage, '--plan', perMessage, '--plan', flat);
    expect(table.stdout).toMatch(/\n {2}Total +2\.00 \* +3\.00\n/);
    expect(table.stdout).toMatch(/\n {2}2026-09-01 +1\.00 \* +1\.50\n/);
    expect(table.stdout).toContain('Cheapest: Per message');
  });

  it('exits 1 naming the plan file and field of a bad plan, 2 on a bad --scale', () => {
    const bad = planFile('Bad', { charges: [{ id: 'x', label: 'X', model: 'standard', meter: 'nope', unitPrice: '1' }] });
    const r = tarifa('simulate', usage, '--plan', perMessage, '--plan', bad, '--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: charges[0].meter`);
    const s = tarifa('simulate', usage, '--plan', perMessage, '--scale', 'lots');
    expect(s.status).toBe(2);
    expect(s.stderr).toContain("--scale 'lots' is not a factor");
  });

  it('exits 1 when the plans bill in different currencies, naming the file', () => {
    const eur = planFile('Euro', { currency: 'EUR', charges: [{ id: 'base', label: 'Base', model: 'flat', amount: '1' }] });
    const r = tarifa('simulate', usage, '--plan', perMessage, '--plan', eur);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${eur}: plans[1] (Euro) bills in EUR`);
  });
});
