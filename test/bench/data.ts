/**
 * The benchmark's input: generic-format CSV from src/import/sample.ts, streamed to test/bench/.data/ (gitignored).
 * A file is reused when its sidecar .json records the same generator options, the same generator source (hash of
 * sample.ts) and the file's current size; otherwise it is regenerated.
 */
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sampleCsvPieces, type SampleOptions } from '../../src/import/sample';

const SAMPLE_SOURCE = fileURLToPath(new URL('../../src/import/sample.ts', import.meta.url));
export const DATA_DIR = fileURLToPath(new URL('./.data/', import.meta.url));

type Meta = { options: Required<SampleOptions>; generator: string; bytes: number; lines: number };

const fileName = (events: number): string =>
  events === 1_000_000 ? 'events-1m.csv' : `events-${events}.csv`;

export type BenchData = { path: string; bytes: number; lines: number; reused: boolean; ms: number; options: Required<SampleOptions> };

export const ensureData = async (events: number): Promise<BenchData> => {
  mkdirSync(DATA_DIR, { recursive: true });
  const options: Required<SampleOptions> = { events, seed: 2026, start: '2026-09-01', months: 2 };
  const generator = createHash('sha256').update(readFileSync(SAMPLE_SOURCE)).digest('hex').slice(0, 16);
  const path = join(DATA_DIR, fileName(events));
  const metaPath = `${path}.json`;
  if (existsSync(path) && existsSync(metaPath)) {
    try {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
      if (JSON.stringify(meta.options) === JSON.stringify(options) && meta.generator === generator
        && statSync(path).size === meta.bytes) {
        return { path, bytes: meta.bytes, lines: meta.lines, reused: true, ms: 0, options };
      }
    } catch {
      // unreadable sidecar: regenerate
    }
  }
  const t0 = performance.now();
  const tmp = `${path}.tmp`;
  const out = createWriteStream(tmp, { highWaterMark: 4 * 1024 * 1024 });
  let bytes = 0;
  let lines = 0;
  for (const piece of sampleCsvPieces(options)) {
    bytes += Buffer.byteLength(piece);
    for (let i = piece.indexOf('\n'); i !== -1; i = piece.indexOf('\n', i + 1)) lines++;
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(tmp, path);
  const meta: Meta = { options, generator, bytes, lines };
  writeFileSync(metaPath, `${JSON.stringify(meta, null, 2)}\n`);
  return { path, bytes, lines, reused: false, ms: performance.now() - t0, options };
};
