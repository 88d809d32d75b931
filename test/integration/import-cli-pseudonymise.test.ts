/** `--pseudonymise` in the CLI: a random key per run; the same figures as a raw run, no contact as written in memory. */
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/args';
import { loadUsage } from '../../src/cli/load-usage';
import { runCli } from '../../src/cli/run';
import { USAGE } from '../../src/cli/usage';
import { randomPseudonymKey } from '../../src/import/pseudonym';

const root = new URL('../../', import.meta.url).pathname;
const small = `${root}test/fixtures/generic-small.csv`;
const contacts = `${root}test/fixtures/generic-contacts-bodies.csv`;
const plan = `${root}test/fixtures/seat-plan.json`;

const cli = async (...args: string[]) => {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { status, stdout, stderr };
};

describe('tarifa --pseudonymise', () => {
  it('is off by default, taken by bill and inspect, and explained in the usage text', () => {
    const bill = parseCliArgs(['bill', small, '--plan', plan]);
    expect(bill.ok && 'args' in bill && bill.args.pseudonymise).toBe(false);
    const on = parseCliArgs(['bill', small, '--plan', plan, '--pseudonymise']);
    expect(on.ok && 'args' in on && on.args.pseudonymise).toBe(true);
    const inspect = parseCliArgs(['inspect', small, '--pseudonymise']);
    expect(inspect.ok && 'args' in inspect && inspect.args.pseudonymise).toBe(true);
    expect(USAGE).toMatch(/--pseudonymise\s+replace contacts .* random\s+key made for this run/s);
  });

  it('prints the same bill and inspection as a raw run', async () => {
    for (const args of [['bill', small, '--plan', plan, '--format', 'json'], ['inspect', contacts, '--format', 'json']]) {
      const raw = await cli(...args);
      const hidden = await cli(...args, '--pseudonymise');
      expect(raw.status).toBe(0);
      expect(hidden).toEqual(raw);
    }
  });

  it('loads pseudonyms, not contacts, with the same number of distinct contacts', async () => {
    const raw = await loadUsage([contacts], 'auto', 'UTC');
    const hidden = await loadUsage([contacts], 'auto', 'UTC', { pseudonymKey: randomPseudonymKey() });
    expect(raw.table.dicts.contact).toContain('+5511987650001');
    expect(hidden.table.dicts.contact.slice(1).every((c) => /^c_[\w-]{22}$/.test(c))).toBe(true);
    // The fixture writes 3 contacts in several notations: raw keeps 10 texts, pseudonyms merge them into 6.
    expect(raw.table.dicts.contact.length - 1).toBe(10);
    expect(hidden.table.dicts.contact.length - 1).toBe(6);
  });
});
