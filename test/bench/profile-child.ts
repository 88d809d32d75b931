/** Profiled by profile.ts (bundled, unminified): importCsv of the given file into a no-op sink, timed. */
import { createReadStream } from 'node:fs';
import { importCsv } from '../../src/import/import-csv';

const path = process.argv[2];
const t0 = performance.now();
const summary = await importCsv(createReadStream(path), { preset: 'generic', timeZone: 'America/Sao_Paulo' }, { chunk: async () => undefined });
console.log(`importCsv (no-op sink, profiled): ${(performance.now() - t0).toFixed(0)} ms, ${summary.imported} events, ${summary.chunks} chunks`);
