import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

// The Blip seed case (notes/domain.md): one conversation per contact; 300 reached the vendas queue, 600 suporte,
// 100 no queue. The plan bills R$60 flat + R$1.20 per conversation (1,000 x 1.20 = 1,200.00; total 1,260.00).
const usage = 'test/fixtures/split/blip-usage.csv';
const plan = 'test/fixtures/split/blip-plan.json';
const rules = 'test/fixtures/split/blip-rules.json';

const run = async (...args: string[]) => {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  return { status, stdout, stderr };
};

const tmpJson = (name: string, value: unknown): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'tarifa-split-')), name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};

const blipRules = {
  format: 'tarifa.rules/1',
  centres: [{ id: 'sales', label: 'Sales' }, { id: 'support', label: 'Support' }],
  rules: [{ centre: 'sales', where: { queue: 'vendas' } }, { centre: 'support', where: { queue: 'suporte' } }],
  driver: 'conversations',
};

describe('tarifa split', () => {
  it('splits the R$1,200 invoice 400.00 / 800.00 (300 and 600 conversations, the 100 unattributed in proportion)', async () => {
    const r = await run('split', usage, '--plan', plan, '--rules', rules, '--invoice-total', '1200', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      currency: 'BRL',
      total: '1200.00',
      basis: 'invoice',
      centres: [
        { id: 'sales', label: 'Sales', amount: '400.00', ratio: '0.333333' },
        { id: 'support', label: 'Support', amount: '800.00', ratio: '0.666667' },
      ],
    });
  });

  it('keeps unattributed cost separate as a centre with id "unattributed": 360.00 / 720.00 / 120.00', async () => {
    const separate = tmpJson('rules.json', { ...blipRules, unattributed: { method: 'separate' } });
    const r = await run('split', usage, '--plan', plan, '--rules', separate, '--invoice-total', '1200.00', '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).centres.map((c: { id: string; amount: string }) => [c.id, c.amount])).toEqual([
      ['sales', '360.00'], ['support', '720.00'], ['unattributed', '120.00'],
    ]);
  });

  it('splits the estimate: conversations 400.00 / 800.00, the R$60 flat fee 20.00 / 40.00 in proportion', async () => {
    const r = await run('split', usage, '--plan', plan, '--rules', rules, '--format', 'json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      currency: 'BRL',
      total: '1260.00',
      basis: 'estimate',
      centres: [
        { id: 'sales', label: 'Sales', amount: '420.00', ratio: '0.333333' },
        { id: 'support', label: 'Support', amount: '840.00', ratio: '0.666667' },
      ],
    });
  });

  it('prints the allocation CSV (one row per cycle, line and centre) and a readable table', async () => {
    const csv = await run('split', usage, '--plan', plan, '--rules', rules, '--format', 'csv');
    expect(csv.status).toBe(0);
    const rows = csv.stdout.trimEnd().split('\n');
    expect(rows[0]).toBe('cycle_start,cycle_end,centre,centre_label,charge,line,key,kind,amount,ratio,driver,driver_quantity,method');
    expect(rows).toHaveLength(5);
    expect(rows[3]).toMatch(/^2026-09-01T00:00:00.000Z,2026-10-01T00:00:00.000Z,sales,Sales,conv,Conversations,,usage,400.00,0.333333,conversations,300,/);
    const cents = rows.slice(1).reduce((s, row) => s + Math.round(Number(row.split(',')[8]) * 100), 0);
    expect(cents).toBe(126_000);

    const table = await run('split', usage, '--plan', plan, '--rules', rules, '--invoice-total', '1200');
    expect(table.status).toBe(0);
    expect(table.stdout).toContain('Split of the invoice total split by conversations: BRL 1200.00');
    expect(table.stdout).toMatch(/Sales\s+400\.00\s+33\.33 %\s+300/);
    expect(table.stdout).toContain('100 events matched no rule');
  });

  it('exit 1 naming the rules file and the path of each issue', async () => {
    const bad = tmpJson('bad-rules.json', {
      format: 'tarifa.rules/1',
      centres: [{ id: 'sales' }],
      rules: [{ centre: 'sales', where: { queue: 'vendas' } }, { centre: 'ops', where: { queue: 'x' } }],
      colour: 'red',
    });
    const r = await run('split', usage, '--plan', plan, '--rules', bad, '--format', 'json');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${bad}: invalid rules`);
    expect(r.stderr).toMatch(/bad-rules\.json: (colour|\(rules\)): /);
  });

  it('exit 1 when the rules do not fit the plan: an invoice total needs a driver meter of the plan', async () => {
    const noDriver = tmpJson('rules.json', { ...blipRules, driver: undefined });
    const r = await run('split', usage, '--plan', plan, '--rules', noDriver, '--invoice-total', '1200');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${noDriver}: driver: is required to split an invoice total (meters: conversations)`);
    const wrong = tmpJson('rules.json', { ...blipRules, driver: 'messages' });
    const w = await run('split', usage, '--plan', plan, '--rules', wrong);
    expect(w.status).toBe(1);
    expect(w.stderr).toContain(`${wrong}: driver: unknown meter 'messages'`);
  });

  it('exit 1 naming the plan file for a bad plan, and a file that is not JSON', async () => {
    const r = await run('split', usage, '--plan', 'test/fixtures/bad-plan.json', '--rules', rules);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad-plan\.json: charges\[1\]\.unitPrice: /);
    const notJson = tmpJson('rules.json', '{ nope');
    const j = await run('split', usage, '--plan', plan, '--rules', notJson);
    expect(j.status).toBe(1);
    expect(j.stderr).toContain(`${notJson}: not valid JSON`);
  });

  it('exit 2 on usage errors', async () => {
    for (const args of [
      ['split', usage, '--plan', plan],
      ['split', '--plan', plan, '--rules', rules],
      ['split', usage, '--rules', rules],
      ['split', usage, '--plan', plan, '--rules', rules, '--invoice-total', '12,00'],
      ['split', usage, '--plan', plan, '--rules', rules, '--format', 'xml'],
      ['split', usage, '--plan', plan, '--rules', rules, '--scale', '2'],
    ]) {
      const r = await run(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain('Usage:');
    }
    expect((await run('split', usage, '--plan', plan)).stderr).toContain('missing --rules');
    expect((await run('bill', usage, '--plan', plan, '--rules', rules)).stderr).toContain("'bill' does not take --rules");
  });
});
