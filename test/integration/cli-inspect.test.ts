/** `tarifa inspect` and `--preset` end to end, spawning the CLI as users run it. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const tarifa = (...args: string[]) => {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('tarifa inspect', () => {
  it('prints one JSON document: preset, encoding, dialect, mapping, accounting, rejects, range, counts', () => {
    const r = tarifa('inspect', 'test/fixtures/presets/generic-pt-windows1252.csv', '--tz', 'America/Sao_Paulo', '--format', 'json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      preset: 'generic', encoding: 'windows-1252', delimiter: ';', dateOrder: 'dmy',
      rows: { read: 5, imported: 3, rejected: 1, duplicates: 0, summary: 1 },
      rejects: [{ line: 7, reason: "timestamp: cannot read '31/09/2026 10:00' as a date" }],
      range: { first: '2026-09-01T11:30:00.000Z', last: '2026-10-02T12:00:00.000Z' },
      kinds: { message: 2, call: 1 }, channels: { Atendimento: 3 },
    });
    expect(doc.mapping[0]).toEqual({ column: 'Data', field: 'timestamp' });
  });

  it('text output, and --preset forcing a preset', () => {
    const r = tarifa('inspect', 'test/fixtures/presets/twilio-voice.csv', '--preset', 'twilio-voice');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('preset      twilio-voice (confidence 1)');
    expect(r.stdout).toContain('kinds       call 4');
  });

  it('a preset that does not fit is bad input (1); an unknown preset a usage error (2)', () => {
    const wrong = tarifa('inspect', 'test/fixtures/presets/twilio-voice.csv', '--preset', 'asterisk');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('twilio-voice.csv: line 1: no recognisable header');
    const unknown = tarifa('inspect', 'test/fixtures/presets/twilio-voice.csv', '--preset', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("unknown preset 'nope' (available: auto, generic, twilio-messaging");
  });
});
