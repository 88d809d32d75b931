/** `--preset ./my.preset.json`: a saved custom preset file read by the CLI, spawning it as users run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tarifa = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const HEADER = ['Início do atendimento', 'Direção', 'Canal', 'Fila', 'Contato', 'Valor (R$)'];
const preset = {
  format: 'tarifa.preset/1', name: 'BSP Atendimento', header: HEADER,
  columns: { timestamp: HEADER[0], direction: HEADER[1], channel: HEADER[2], queue: HEADER[3], contact: HEADER[4], price: HEADER[5] },
  values: { direction: { Entrada: 'inbound', 'Saída': 'outbound' } },
  dateFormat: 'dd/mm/yyyy', decimalMark: 'comma', timeZone: 'America/Sao_Paulo',
};
const dir = mkdtempSync(join(tmpdir(), 'tarifa-cli-mapping-'));
const write = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2));
  return path;
};

describe('tarifa --preset with a saved preset file', () => {
  it('reads a file no built-in preset knows with the saved mapping (inspect and bill, several files)', () => {
    const file = write('bsp.preset.json', preset);
    const r = tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv', '--preset', file, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      preset: 'BSP Atendimento', encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy',
      rows: { read: 6, imported: 4, rejected: 2, duplicates: 0, summary: 0 },
      rejects: [
        { line: 5, reason: "timestamp: cannot read '32/10/2026 10:05' as a date" },
        { line: 6, reason: "direction: 'Transferência' is not inbound or outbound" },
      ],
      range: { first: '2026-10-01T11:00:00.000Z', last: '2026-10-31T13:00:00.000Z' },
    });
    const bill = tarifa('bill', 'test/fixtures/mapping/bsp-2026-09.csv', 'test/fixtures/mapping/bsp-2026-10.csv',
      '--plan', 'test/fixtures/seat-plan.json', '--preset', file, '--format', 'json');
    expect(bill.status).toBe(0);
    expect(JSON.parse(bill.stdout).import).toEqual({ preset: 'BSP Atendimento', rows: 10, rejected: 2, duplicates: 0 });
    // Without the preset the file is not recognised.
    const auto = tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv');
    expect(auto.status).toBe(1);
    expect(auto.stderr).toContain('no recognisable header');
  });

  it('a bad preset file is bad input (1) naming the file and each issue by path; a missing one too', () => {
    const bad = write('bad.preset.json', { ...preset, columns: { ...preset.columns, timestamp: undefined, queue: 'Filas' }, dateFormat: 'dd.mm' });
    const r = tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv', '--preset', bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`tarifa: ${bad}: not a valid preset: dateFormat: must be one of 'auto', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy-mm-dd'\n`);
    const notJson = write('broken.preset.json', '{"format":');
    expect(tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv', '--preset', notJson).stderr).toContain(`${notJson}: not valid JSON`);
    const missing = tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv', '--preset', join(dir, 'nope.preset.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('nope.preset.json: cannot read the preset file (no such file)');
    const wrongFile = tarifa('inspect', 'test/fixtures/presets/twilio-voice.csv', '--preset', write('ok.preset.json', preset));
    expect(wrongFile.status).toBe(1);
    expect(wrongFile.stderr).toContain("twilio-voice.csv: line 1: the file does not fit the preset 'BSP Atendimento': missing 'Início do atendimento' (timestamp)");
    const name = tarifa('inspect', 'test/fixtures/mapping/bsp-2026-10.csv', '--preset', 'my-bsp');
    expect(name.status).toBe(2);
    expect(name.stderr).toContain("unknown preset 'my-bsp' (available: auto, generic,");
  });
});
