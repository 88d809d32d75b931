import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import type { BillDocument } from '../../src/cli/format-bill';

/** The worked examples of the vendors' own documentation, as event files priced through `tarifa bill`. */
const DIR = 'test/fixtures/vendor-examples';

const bill = async (events: string, plan: string, ...more: string[]): Promise<{ status: number; out: string; err: string }> => {
  let out = '';
  let err = '';
  const status = await runCli(['bill', events, '--plan', plan, '--preset', 'generic', ...more], {
    stdout: (t) => { out += t; }, stderr: (t) => { err += t; },
  });
  return { status, out, err };
};

const billJson = async (events: string, plan: string): Promise<BillDocument> => {
  const { status, out, err } = await bill(`${DIR}/${events}`, `${DIR}/${plan}`, '--format', 'json');
  expect(err).toBe('');
  expect(status).toBe(0);
  return JSON.parse(out) as BillDocument;
};

const lines = (doc: BillDocument) =>
  doc.cycles.map((c) => c.lines.map((l) => [l.label, l.quantity, l.amount, l.vendorAmount]));

describe('vendor worked examples from event files', () => {
  it("Meta per-message: marketing h0 charged, text h3 free, utility h4 in the service window free, utility h30 charged", async () => {
    const doc = await billJson('meta-pmp.csv', 'meta-pmp.plan.json');
    expect(doc.import).toEqual({ preset: 'generic', rows: 5, rejected: 0, duplicates: 0 });
    expect(lines(doc)).toEqual([[
      ['Template messages (BR:marketing)', 1, '0.0625', '0.0625'],
      ['Template messages (BR:utility)', 1, '0.0068', '0.0068'],
    ]]);
    expect(doc.cycles.map((c) => [c.total, c.vendorTotal])).toEqual([['0.0693', '0.0693']]);
  });

  it('Meta conversation-based: marketing h0 + utility h4 = 2 conversations; utility h10 adds nothing', async () => {
    const doc = await billJson('meta-cbp.csv', 'meta-cbp.plan.json');
    expect(lines(doc)).toEqual([[
      ['Conversations (BR:marketing)', 1, '0.0625', undefined],
      ['Conversations (BR:utility)', 1, '0.0080', undefined],
    ]]);
    expect(doc.total).toBe('0.0705');
    // No prices in the file: no reconciliation keys at all.
    expect(JSON.stringify(doc)).not.toContain('vendor');
  });

  it('Genesys: one customer on two integrations is 2 conversations; a conversation spanning two months counts in each', async () => {
    const doc = await billJson('genesys-conversations.csv', 'genesys.plan.json');
    expect(doc.cycles.map((c) => [c.start, c.lines[0].quantity, c.total])).toEqual([
      ['2025-03-01T00:00:00.000Z', 3, '0.30'], // ana on whatsapp + ana on webchat + bruno (from 31 March)
      ['2025-04-01T00:00:00.000Z', 1, '0.10'], // bruno's conversation again (it continued into April)
    ]);
    expect(doc.total).toBe('0.40');
  });

  it('Twilio voice: a call of 1 min 20 s bills 2 minutes (call-time [60, 60]); the vendor charged the same', async () => {
    const doc = await billJson('twilio-voice.csv', 'twilio-voice.plan.json');
    expect(lines(doc)).toEqual([[['Voice minutes', 120, '0.0280', '0.0280']]]);
    expect(doc.cycles[0].vendorTotal).toBe('0.0280');
  });

  it('shows the vendor figures in the table and the CSV, and filters on the vendor price', async () => {
    const table = await bill(`${DIR}/twilio-voice.csv`, `${DIR}/twilio-voice.plan.json`);
    expect(table.out).toMatch(/Estimate\s+Vendor/);
    expect(table.out).toMatch(/Difference \(estimate − vendor\)\s+0\.0000/);
    const csv = await bill(`${DIR}/twilio-voice.csv`, `${DIR}/twilio-voice.plan.json`, '--format', 'csv');
    const [head, first] = csv.out.split('\n');
    expect(head).toBe('cycle_start,cycle_end,charge,label,quantity,amount,explanation,vendor_amount');
    expect(first.endsWith(',0.0280')).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'tarifa-vendor-'));
    const plan = JSON.parse(readFileSync(`${DIR}/twilio-voice.plan.json`, 'utf8'));
    plan.meters.answered = { type: 'count', where: { kind: 'call', price: { not: '0' } } };
    plan.charges.push({ id: 'answered', label: 'Priced calls', meter: 'answered', model: 'standard', unitPrice: '1' });
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const filtered = await bill(`${DIR}/twilio-voice.csv`, join(dir, 'plan.json'), '--format', 'json');
    expect(filtered.status).toBe(0);
    const doc = JSON.parse(filtered.out) as BillDocument;
    expect(lines(doc)[0][1]).toEqual(['Priced calls', 1, '1.0000', '0.0280']);

    plan.meters.answered.where.price = 0.028;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const bad = await bill(`${DIR}/twilio-voice.csv`, join(dir, 'plan.json'));
    expect(bad.status).toBe(1);
    expect(bad.err).toContain('meters.answered.where.price: must be a decimal string, not number 0.028 (write "0.028")');
  });
});
