import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';

describe('tarifa bill: a plan that cannot price the data', () => {
  it('exits 1 naming the plan file, the field and every key without a rate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tarifa-cli-'));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({
      format: 'tarifa.plan/1', name: 'By queue', currency: 'USD', cycle: { anchorDay: 1, timeZone: 'UTC' },
      meters: { messages: { type: 'count', where: { kind: 'message' }, by: ['queue'] } },
      charges: [{ id: 'msgs', label: 'Messages', meter: 'messages', model: 'rate-card', rates: { Sales: '0.01' } }],
    }));
    let out = '';
    let err = '';
    const status = await runCli(['bill', 'test/fixtures/generic-small.csv', '--plan', plan, '--format', 'json'], {
      stdout: (t) => { out += t; }, stderr: (t) => { err += t; },
    });
    expect(status).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`${plan}: the plan cannot price this data`);
    expect(err).toContain(`${plan}: charges[0].rates: no rate for key 'Support'`);
  });
});
