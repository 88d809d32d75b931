/**
 * Browser half of the benchmark: builds the harness in test/bench/browser with Vite's JS API, serves it on
 * 127.0.0.1, opens it in headless Debian Chromium (Playwright) with a fresh on-disk profile (so IndexedDB writes
 * really reach disk), sets the CSV on an <input type=file> by path and runs each measurement in the bench worker,
 * sampling the Chromium process tree's memory during each phase.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { BenchPage } from './browser/main';
import type { BenchPlan } from './estimate-bench';
import { sampleChromium, type MemoryPeak } from './memory';
import { serveStatic } from './serve';

const HERE = fileURLToPath(new URL('.', import.meta.url));

/** Launch settings from shared/notes/toolchain.md (Debian Chromium; Playwright cannot download browsers here). */
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-precise-memory-info'],
  headless: true,
};

export type BrowserOptions = {
  csvPath: string;
  timeZone: string;
  plan: unknown;
  repeat: number;
  /** Plans timed warm on the stored dataset (floor + each plan, best of `estimateRepeat`). */
  plans: BenchPlan[];
  estimateRepeat: number;
  /** Also run the stage-by-stage breakdown (decode, records, timed storage, storage without id strings). */
  breakdown: boolean;
  /**
   * The scale run: raw Papa and Tarifa's import once each, then estimate cold and warm (the dataset stays
   * queryable); no no-storage import and no per-plan timings (they would hold a second copy of the table).
   */
  scale?: boolean;
  log: (line: string) => void;
};

type Await<T> = Awaited<T>;
export type RawPapaRun = Await<ReturnType<BenchPage['rawPapa']>> & { memory: MemoryPeak };
export type NoStoreRun = Await<ReturnType<BenchPage['importNoStore']>> & { memory: MemoryPeak };
export type TarifaRun = Await<ReturnType<BenchPage['importTarifa']>> & { memory: MemoryPeak };
export type EstimateRun = Await<ReturnType<BenchPage['estimate']>> & { memory: MemoryPeak };
export type EstimatePlansRun = Await<ReturnType<BenchPage['estimatePlans']>> & { memory: MemoryPeak };

export type Breakdown = {
  rawPapaDefault: Await<ReturnType<BenchPage['rawPapa']>>;
  decode: Await<ReturnType<BenchPage['decodeOnly']>>;
  records: Await<ReturnType<BenchPage['recordsOnly']>>;
  timed: Await<ReturnType<BenchPage['importTimed']>>;
  timedWithoutIds: Await<ReturnType<BenchPage['importTimed']>>;
};

export type BrowserResult = {
  version: string;
  idle: MemoryPeak;
  rawPapa: RawPapaRun[];
  noStore: NoStoreRun[];
  tarifa: TarifaRun[];
  estimateCold: EstimateRun | null;
  estimateWarm: EstimateRun | null;
  estimatePlans: EstimatePlansRun | null;
  buildMs: number;
  breakdown: Breakdown | null;
};

const benchOf = (page: Page) => ({
  call: <K extends keyof BenchPage>(name: K, ...args: Parameters<BenchPage[K]>) =>
    page.evaluate(([n, a]) => {
      const bench = (window as unknown as { bench: Record<string, (...x: unknown[]) => unknown> }).bench;
      return bench[n as string](...(a as unknown[]));
    }, [name, args] as const) as Promise<Awaited<ReturnType<BenchPage[K]>>>,
});

/** Runs `fn` while sampling the Chromium tree's memory. */
const measured = async <T extends object>(fn: () => Promise<T>): Promise<T & { memory: MemoryPeak }> => {
  const sampler = sampleChromium(100);
  try {
    const value = await fn();
    return { ...value, memory: sampler.stop() };
  } catch (error) {
    sampler.stop();
    throw error;
  }
};

/**
 * The bundle and the Chromium profile live in the system temp dir, not in the repository: `eslint .` would lint a
 * bundle under test/bench/.data/ (the flat config does not read .gitignore).
 */
export const buildHarness = async (workDir: string): Promise<{ outDir: string; ms: number }> => {
  const outDir = join(workDir, 'dist');
  const t0 = performance.now();
  await build({
    root: join(HERE, 'browser'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    publicDir: false,
    define: { __APP_VERSION__: JSON.stringify('bench') },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', sourcemap: false, reportCompressedSize: false },
  });
  return { outDir, ms: performance.now() - t0 };
};

export const runBrowser = async (o: BrowserOptions): Promise<BrowserResult> => {
  const workDir = mkdtempSync(join(tmpdir(), 'tarifa-bench-'));
  const { outDir, ms: buildMs } = await buildHarness(workDir);
  o.log(`  harness built in ${(buildMs / 1000).toFixed(1)} s`);
  const server = await serveStatic(outDir);
  const profile = join(workDir, 'chromium-profile');
  const context = await chromium.launchPersistentContext(profile, LAUNCH);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => o.log(`  [page error] ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') o.log(`  [console.${m.type()}] ${m.text()}`);
    });
    await page.goto(server.url);
    await page.waitForFunction(() => 'bench' in window);
    await page.setInputFiles('#file', o.csvPath);
    const bench = benchOf(page);
    await bench.call('ready');
    const version = context.browser()?.version() ?? (await page.evaluate(() => navigator.userAgent));
    // Let start-up settle before the idle reading.
    await page.waitForTimeout(500);
    const idleSampler = sampleChromium(100);
    await page.waitForTimeout(300);
    const idle = idleSampler.stop();

    const rawPapa: RawPapaRun[] = [];
    const noStore: NoStoreRun[] = [];
    const tarifa: TarifaRun[] = [];
    for (let r = 0; r < o.repeat; r++) {
      const raw = await measured(() => bench.call('rawPapa'));
      o.log(`  browser raw Papa #${r + 1}: ${(raw.ms / 1000).toFixed(2)} s, ${raw.rows} rows`);
      rawPapa.push(raw);
    }
    for (let r = 0; r < (o.scale ? 0 : o.repeat); r++) {
      const run = await measured(() => bench.call('importNoStore', o.timeZone));
      o.log(`  browser importCsv, no storage #${r + 1}: ${(run.ms / 1000).toFixed(2)} s, ${run.imported} events`);
      noStore.push(run);
    }
    for (let r = 0; r < o.repeat; r++) {
      // Each repeat starts from an empty database, so each stores the same dataset into the same state.
      if (r > 0) await bench.call('ready');
      const run = await measured(() => bench.call('importTarifa', o.timeZone));
      o.log(`  browser Tarifa import #${r + 1}: ${(run.ms / 1000).toFixed(2)} s${run.ok ? `, ${run.imported} events, ${run.chunks} chunks` : `, FAILED: ${run.error}`}`);
      tarifa.push(run);
    }
    const last = tarifa[tarifa.length - 1];
    let estimateCold: EstimateRun | null = null;
    let estimateWarm: EstimateRun | null = null;
    let estimatePlans: EstimatePlansRun | null = null;
    if (last?.ok) {
      // importFile does not fill the worker's table cache, so the first estimate really loads from IndexedDB.
      estimateCold = await measured(() => bench.call('estimate', last.datasetId, o.plan));
      o.log(`  browser estimate cold: ${(estimateCold.ms / 1000).toFixed(3)} s ${estimateCold.ok ? estimateCold.summary : estimateCold.error}`);
      estimateWarm = await measured(() => bench.call('estimate', last.datasetId, o.plan));
      o.log(`  browser estimate warm: ${(estimateWarm.ms / 1000).toFixed(3)} s`);
      if (!o.scale) estimatePlans = await measured(() => bench.call('estimatePlans', last.datasetId, o.plans, o.estimateRepeat));
      if (!estimatePlans) o.log('  (scale run: per-plan timings skipped)');
      else if (!estimatePlans.ok) o.log(`  !! browser plan timings: ${estimatePlans.error}`);
      else {
        const p = estimatePlans;
        o.log(`  browser plan timings: table loaded from IndexedDB in ${(p.loadMs / 1000).toFixed(2)} s (${p.events} events), then in memory:`);
        o.log(`    floor (read ${p.floor.runs.length}x): ${p.floor.runs.map((ms) => ms.toFixed(1)).join(' ')} ms`);
        for (const t of p.plans) {
          o.log(`    ${t.id}: ${t.runs.map((ms) => ms.toFixed(1)).join(' ')} ms${t.ok ? '' : `  FAILED: ${t.error}`}`);
        }
      }
    }
    let breakdown: Breakdown | null = null;
    if (o.breakdown) {
      const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
      const rawPapaDefault = await bench.call('rawPapa', 0);
      o.log(`  breakdown: raw Papa with Papa's default ${rawPapaDefault.chunkSize / 1024 / 1024} MB chunks: ${sec(rawPapaDefault.ms)}`);
      const decode = await bench.call('decodeOnly');
      o.log(`  breakdown: read + decode text only (textPieces): ${sec(decode.ms)}`);
      const records = await bench.call('recordsOnly');
      o.log(`  breakdown: read + decode + Papa.Parser records (csvRecords): ${sec(records.ms)}`);
      const timed = await bench.call('importTimed', o.timeZone, false);
      o.log(`  breakdown: import with timed storage: ${sec(timed.ms)}, of which appendChunk/finish ${sec(timed.storeMs)} (slowest chunk ${sec(timed.storeMaxMs)})`);
      const timedWithoutIds = await bench.call('importTimed', o.timeZone, true);
      o.log(`  breakdown: same, chunks written without their ${timedWithoutIds.idStrings} id strings: ${sec(timedWithoutIds.ms)}, storage ${sec(timedWithoutIds.storeMs)}`);
      breakdown = { rawPapaDefault, decode, records, timed, timedWithoutIds };
    }
    return { version, idle, rawPapa, noStore, tarifa, estimateCold, estimateWarm, estimatePlans, buildMs, breakdown };
  } finally {
    await context.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
};
