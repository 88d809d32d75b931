/**
 * `npm run bench` [-- --events N] [--repeat N] [--estimate-repeat N] [--time-zone Zone] [--skip-node] [--skip-browser] [--no-breakdown] [--skip-steps]
 * `npm run bench -- --scale` [--events N]: the scale run (issue #3): 10,000,000 events (~1.15 GB) by default, Chromium
 *   only, once: raw PapaParse (baseline), Tarifa's importFile into IndexedDB (rows/s, MB/s, peak RSS/PSS of the
 *   Chromium processes), then an estimate cold (load from IndexedDB) and warm on the stored dataset: it stays queryable.
 *
 * One run, on one generated file (default 1,000,000 events of generic CSV, ~120 MB):
 *   Node:     raw PapaParse stream parse (baseline) and importCsv into a no-op sink (parse + normalise);
 *   Chromium: raw PapaParse of the File in a worker (baseline), importCsv with no storage, Tarifa's
 *             createApi().importFile (parse + normalise + IndexedDB), estimate cold (load + price) and warm (price).
 *   Both:     estimatePlan on the table in memory (Node: built by importCsv from the file; Chromium: the stored
 *             dataset, loaded once) for the seat, WhatsApp per-message and Twilio SMS/voice (call-time) plans, best of
 *             --estimate-repeat (3), against a floor loop that only reads the columns those plans use (estimate-bench.ts).
 *   Steps:    the app's own steps in Chromium (import, estimate, split, simulate, and the median of 20 knob changes
 *             as in Node) with peak memory, and DuckDB's
 *             equivalent aggregation SQL on the same CSV as the reference for the estimate (scale-steps.ts; --skip-steps).
 * Prints figures, peak memory and the ratios import/baseline. A measurement, not a test: exits 0 even when the
 * target (import <= 2x raw Papa) is missed, but says so loudly.
 */
import { cpus, totalmem } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserResult } from './browser-bench';
import { ensureData } from './data';
import { nodeMaxRssMB } from './memory';
import { FLOOR_COLUMNS, type BenchPlan, type EstimateTimings } from './estimate-bench';
import { nodeEstimates, nodeImportNoStore, nodeRawPapa, type NodeRun } from './node-bench';
import { nodeSimulate, SIMULATE_CHANGES, type SimulateTimings } from './simulate-bench';
import { best, fmtBytes, fmtInt, fmtMB, fmtSec, RATIO_LABEL_WIDTH, ratioLine, table } from './report';

type Args = {
  events: number; repeat: number; estimateRepeat: number; timeZone: string; node: boolean; browser: boolean; breakdown: boolean;
  /** --scale: the 10M-event import in Chromium only (see the header). */
  scale: boolean;
  /** The app's steps in Chromium and DuckDB on the same CSV (scale-steps.ts); --skip-steps leaves them out. */
  steps: boolean;
};

const parseArgs = (argv: string[]): Args => {
  const args: Args = { events: 1_000_000, repeat: 2, estimateRepeat: 3, timeZone: 'America/Sao_Paulo', node: true, browser: true, breakdown: true, scale: false, steps: true };
  let eventsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--scale') args.scale = true;
    else if (a.startsWith('--events') && (eventsGiven = true)) args.events = Number(value().replace(/[_,]/g, '').replace(/k$/i, '000').replace(/m$/i, '000000'));
    else if (a.startsWith('--repeat')) args.repeat = Number(value());
    else if (a.startsWith('--estimate-repeat')) args.estimateRepeat = Number(value());
    else if (a.startsWith('--time-zone')) args.timeZone = value();
    else if (a === '--skip-node') args.node = false;
    else if (a === '--skip-browser') args.browser = false;
    else if (a === '--no-breakdown') args.breakdown = false;
    else if (a === '--skip-steps') args.steps = false;
    else if (a === '--help' || a === '-h') {
      console.log('npm run bench -- [--events N (default 1000000)] [--repeat N (default 2)] [--estimate-repeat N (default 3)] [--time-zone Zone] [--skip-node] [--skip-browser] [--no-breakdown] [--skip-steps]');
      console.log('npm run bench -- --scale [--events N (default 10000000)]   Chromium only: import once, then estimate cold and warm');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (args.scale) Object.assign(args, { events: eventsGiven ? args.events : 10_000_000, repeat: 1, node: false, browser: true, breakdown: false });
  if (!Number.isInteger(args.events) || args.events < 1) throw new Error('--events must be a positive integer');
  if (!Number.isInteger(args.repeat) || args.repeat < 1) throw new Error('--repeat must be a positive integer');
  if (!Number.isInteger(args.estimateRepeat) || args.estimateRepeat < 1) throw new Error('--estimate-repeat must be a positive integer');
  return args;
};

const log = (line: string): void => console.log(line);

/** Plans timed by the estimate step (public/plans/*.json, read as they are: the bench never edits them). */
const PLAN_FILES: { id: string; file: string }[] = [
  { id: 'seat', file: 'seat-plan.json' },
  { id: 'whatsapp-per-message', file: 'whatsapp-per-message.json' },
  { id: 'twilio-sms-voice (call-time)', file: 'twilio-sms-voice.json' },
];
const loadPlans = (): BenchPlan[] => PLAN_FILES.map(({ id, file }) => ({
  id,
  file: `public/plans/${file}`,
  json: JSON.parse(readFileSync(fileURLToPath(new URL(`../../public/plans/${file}`, import.meta.url)), 'utf8')) as unknown,
}));

const main = async (): Promise<void> => {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  log(`Tarifa benchmark: ${fmtInt(args.events)} events, best of ${args.repeat} (estimates: best of ${args.estimateRepeat}), time zone ${args.timeZone}`);
  const plans = loadPlans();
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ${fmtBytes(totalmem())} RAM, Node ${process.version}`);

  log('\n[1/3] data');
  const data = await ensureData(args.events);
  const mb = data.bytes / 1024 / 1024;
  log(`  ${data.path}: ${fmtBytes(data.bytes)} (${data.bytes.toLocaleString('en-US')} bytes), ${fmtInt(data.lines - 1)} data rows, `
    + (data.reused ? 'reused' : `generated in ${fmtSec(data.ms)}`));

  const rawNode: NodeRun[] = [];
  const noStoreNode: (NodeRun & { imported: number })[] = [];
  let nodeEst: Awaited<ReturnType<typeof nodeEstimates>> | null = null;
  let nodeSim: SimulateTimings | null = null;
  const logTimings = (t: EstimateTimings): void => {
    log(`    floor: ${t.floor.runs.map((ms) => ms.toFixed(1)).join(' ')} ms (checksum ${t.floor.checksum.toExponential(6)})`);
    for (const p of t.plans) log(`    ${p.id}: ${p.runs.map((ms) => ms.toFixed(1)).join(' ')} ms${p.ok ? '' : `  FAILED: ${p.error}`}`);
  };
  if (args.node) {
    log('\n[2/3] Node');
    for (let r = 0; r < args.repeat; r++) {
      const run = await nodeRawPapa(data.path);
      log(`  node raw Papa #${r + 1}: ${fmtSec(run.ms)}, ${fmtInt(run.rows)} rows`);
      rawNode.push(run);
    }
    for (let r = 0; r < args.repeat; r++) {
      const run = await nodeImportNoStore(data.path, args.timeZone);
      log(`  node importCsv, no-op sink #${r + 1}: ${fmtSec(run.ms)}, ${fmtInt(run.imported)} events, ${run.chunks} chunks`);
      noStoreNode.push(run);
    }
    nodeEst = await nodeEstimates(data.path, args.timeZone, plans, args.estimateRepeat);
    log(`  node table for estimates (importCsv -> tableFromChunks): ${fmtSec(nodeEst.buildMs)}, ${fmtInt(nodeEst.events)} events; then in memory:`);
    logTimings(nodeEst);
    // Simulate (issue #6): the page's default plans, re-priced after each of 20 growth-knob changes.
    const simPlans = plans.filter((p) => p.id === 'seat' || p.id === 'whatsapp-per-message');
    nodeSim = await nodeSimulate(data.path, args.timeZone, simPlans);
    log(`  node simulate after a knob change (${nodeSim.plans.join(' + ')}, curve + 24-month TCO), ${SIMULATE_CHANGES} changes: `
      + `${nodeSim.runs.map((ms) => ms.toFixed(0)).join(' ')} ms; ${fmtInt(nodeSim.simulated[0])} .. ${fmtInt(nodeSim.simulated[1])} simulated events; totals ${nodeSim.totals.join(' / ')}`);
  }

  let browser: BrowserResult | null = null;
  if (args.browser) {
    log('\n[3/3] headless Chromium');
    const plan = JSON.parse(readFileSync(fileURLToPath(new URL('../../public/plans/seat-plan.json', import.meta.url)), 'utf8')) as unknown;
    // Loaded only now: Vite and Playwright add ~250 MB to this process, which would blur the Node steps' peak RSS.
    const { runBrowser } = await import('./browser-bench');
    browser = await runBrowser({ csvPath: data.path, timeZone: args.timeZone, plan, repeat: args.repeat, plans,
      estimateRepeat: args.estimateRepeat, breakdown: args.breakdown, scale: args.scale, log });
  }

  if (args.steps) {
    log('\n[steps] the app in headless Chromium, step by step, and DuckDB on the same CSV');
    const { runScaleBench } = await import('./scale-steps');
    await runScaleBench({ csvPath: data.path, events: data.lines - 1, timeZone: args.timeZone, repeat: args.repeat, log });
  }

  // ---- report ---------------------------------------------------------------------------------------------------
  const rows: string[][] = [];
  const rate = (ms: number, n: number) => [`${fmtInt(Math.round(n / (ms / 1000)))}/s`, `${(mb / (ms / 1000)).toFixed(1)}`];
  const nodeRaw = best(rawNode);
  const nodeNoStore = best(noStoreNode);
  if (nodeRaw) rows.push(['Node', 'raw Papa.parse stream (baseline)', fmtSec(nodeRaw.ms), ...rate(nodeRaw.ms, nodeRaw.rows), `RSS ${fmtMB(nodeRaw.peakRssMB)}`]);
  if (nodeNoStore) rows.push(['Node', 'importCsv -> no-op sink (parse+normalise)', fmtSec(nodeNoStore.ms), ...rate(nodeNoStore.ms, nodeNoStore.imported), `RSS ${fmtMB(nodeNoStore.peakRssMB)}`]);
  const bEst = browser?.estimatePlans?.ok ? browser.estimatePlans : null;
  // Estimate timings: sub-second, so printed in ms with one decimal; rows/s = events priced per second.
  const fmtMs = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(1)} ms` : 'FAILED');
  const evRate = (ms: number, n: number) => (Number.isFinite(ms) && ms > 0 ? `${fmtInt(n / (ms / 1000))}/s` : '');
  const estimateRows = (where: string, t: EstimateTimings): void => {
    rows.push([where, `estimate floor: one loop reading ${FLOOR_COLUMNS.length} columns`, fmtMs(t.floor.ms), evRate(t.floor.ms, t.events), '', '1.00x', '']);
    for (const p of t.plans) {
      rows.push([where, `estimatePlan in memory, ${p.id} plan`, fmtMs(p.ms), p.ok ? evRate(p.ms, t.events) : '', '',
        p.ok ? `${(p.ms / t.floor.ms).toFixed(2)}x` : 'FAILED', p.ok ? '' : 'see below']);
    }
  };
  if (nodeEst) {
    rows.push(['Node', 'table for estimates (importCsv -> tableFromChunks)', fmtSec(nodeEst.buildMs), evRate(nodeEst.buildMs, nodeEst.events), '', `RSS ${fmtMB(nodeEst.peakRssMB)}`]);
    estimateRows('Node', nodeEst);
  }
  if (nodeSim) {
    rows.push(['Node', `simulate: re-price ${fmtInt(nodeSim.events)} events after a knob change (median of ${nodeSim.runs.length})`, fmtMs(nodeSim.medianMs),
      evRate(nodeSim.medianMs, nodeSim.events), '', '', `min ${fmtMs(Math.min(...nodeSim.runs))}, max ${fmtMs(Math.max(...nodeSim.runs))}`]);
  }
  const bRaw = browser ? best(browser.rawPapa) : undefined;
  const bNoStore = browser ? best(browser.noStore) : undefined;
  const okTarifa = browser ? browser.tarifa.filter((t) => t.ok) : [];
  const bTarifa = best(okTarifa);
  const chromeMem = (m: { memory: { rssMB: number; pssMB: number } }, heap?: number | null) =>
    `Chromium RSS ${fmtMB(m.memory.rssMB)} / PSS ${fmtMB(m.memory.pssMB)}${heap != null ? `; worker heap ${fmtMB(heap)}` : ''}`;
  if (browser) rows.push(['Chromium', 'idle (page + worker loaded)', '', '', '', chromeMem({ memory: browser.idle })]);
  if (bRaw) rows.push(['Chromium', 'raw Papa.parse(File) in worker (baseline)', fmtSec(bRaw.ms), ...rate(bRaw.ms, bRaw.rows), chromeMem(bRaw, bRaw.heapPeakMB)]);
  if (bNoStore) rows.push(['Chromium', 'importCsv -> no storage (parse+normalise)', fmtSec(bNoStore.ms), ...rate(bNoStore.ms, bNoStore.imported), chromeMem(bNoStore, bNoStore.heapPeakMB)]);
  if (bTarifa && bTarifa.ok) rows.push(['Chromium', 'Tarifa importFile (parse+normalise+IndexedDB)', fmtSec(bTarifa.ms), ...rate(bTarifa.ms, bTarifa.imported), chromeMem(bTarifa, bTarifa.heapPeakMB)]);
  const cold = browser?.estimateCold;
  const warm = browser?.estimateWarm;
  if (cold) rows.push(['Chromium', 'estimate, cold (IndexedDB load + price)', fmtSec(cold.ms), '', '', chromeMem(cold, cold.heapPeakMB)]);
  if (warm) rows.push(['Chromium', 'estimate, warm (price only)', fmtSec(warm.ms), '', '', chromeMem(warm, warm.heapPeakMB)]);
  if (bEst && browser?.estimatePlans) {
    rows.push(['Chromium', 'load stored dataset into worker memory', fmtSec(bEst.loadMs), '', '', chromeMem(browser.estimatePlans, bEst.heapPeakMB)]);
    estimateRows('Chromium', bEst);
  }

  log(`\n==== Results: ${fmtInt(args.events)} events, ${fmtBytes(data.bytes)} CSV (times: best of ${args.repeat}; estimates: best of ${args.estimateRepeat}) ====`);
  // 'vs floor': estimate time / floor time, same side, same run (see the ratio lines).
  log(table(['where', 'step', 'time', 'rows/s', 'MB/s', 'vs floor', 'peak memory'], rows.map((r) => (r.length === 6 ? [...r.slice(0, 5), '', r[5]] : r))));

  if (bTarifa && bTarifa.ok) {
    log(`\nimported: ${fmtInt(bTarifa.imported)} events of ${fmtInt(bTarifa.rowsRead)} rows read (${fmtInt(bTarifa.rejected)} rejected, `
      + `${fmtInt(bTarifa.duplicates)} duplicates) in ${bTarifa.chunks} chunks; ${bTarifa.progressCalls} progress updates`);
  }
  for (const t of browser?.tarifa ?? []) if (!t.ok) log(`!! Tarifa import FAILED: ${t.code}: ${t.error}`);
  if (cold) log(`estimate: ${cold.ok ? cold.summary : `FAILED ${cold.error}`}`);
  if (browser?.estimatePlans && !browser.estimatePlans.ok) log(`!! Chromium plan timings FAILED: ${browser.estimatePlans.error}`);
  const estimates = [...(nodeEst ? [['Node', nodeEst] as const] : []), ...(bEst ? [['Chromium', bEst] as const] : [])];
  if (estimates.length > 0) {
    const [, first] = estimates[0];
    log(`estimate sample coverage (${estimates[0][0]} table): ${first.coverage}`);
    log(`estimate floor columns: ${FLOOR_COLUMNS.join(', ')}`);
    for (const [i, p] of first.plans.entries()) {
      for (const [where, t] of estimates) {
        const q = t.plans[i];
        if (q.ok && where !== estimates[0][0] && p.ok && q.summary === p.summary) {
          log(`  ${where} ${q.id}: same figures`);
          continue;
        }
        log(q.ok ? `estimate ${where} ${q.id} (${q.file}): ${q.summary}`
          : `!! estimate FAILED ${where} plan ${q.id} (${q.file}): ${q.error}`);
      }
    }
  }
  log(`all runs (s): node raw ${rawNode.map((r) => (r.ms / 1000).toFixed(2)).join(' ')} | node importCsv ${noStoreNode.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`
    + (browser ? ` | browser raw ${browser.rawPapa.map((r) => (r.ms / 1000).toFixed(2)).join(' ')} | browser no-store ${browser.noStore.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}`
      + ` | browser import ${browser.tarifa.map((r) => (r.ms / 1000).toFixed(2)).join(' ')}` : ''));
  log(`peak memory: Node process max RSS ${fmtMB(nodeMaxRssMB())} over the whole run (includes generation and Playwright)`
    + (browser ? `; Chromium tree peak during import ${fmtMB(Math.max(...browser.tarifa.map((t) => t.memory.rssMB)))} RSS `
      + `/ ${fmtMB(Math.max(...browser.tarifa.map((t) => t.memory.pssMB)))} PSS over ${Math.max(...browser.tarifa.map((t) => t.memory.processes))} processes` : ''));
  if (browser) log(`browser: ${browser.version}; harness build ${fmtSec(browser.buildMs)}`);

  log('\nratios (best vs best, same file, same run):');
  if (nodeRaw && nodeNoStore) log(ratioLine('Node     importCsv (parse+normalise) / raw Papa', nodeNoStore.ms / nodeRaw.ms));
  if (bRaw && bNoStore) log(ratioLine('Chromium importCsv, no storage / raw Papa', bNoStore.ms / bRaw.ms));
  if (bRaw && bTarifa && bTarifa.ok) {
    log(ratioLine('Chromium Tarifa importFile / raw Papa', bTarifa.ms / bRaw.ms));
    if (bNoStore && !browser?.breakdown) {
      const papa = bRaw.ms;
      const normalise = Math.max(0, bNoStore.ms - bRaw.ms);
      const store = Math.max(0, bTarifa.ms - bNoStore.ms);
      const pct = (x: number) => `${((100 * x) / bTarifa.ms).toFixed(0)}%`;
      log(`  where the import's time goes (by difference): Papa parse ~${fmtSec(papa)} (${pct(papa)}), `
        + `normalise + dictionary coding ~${fmtSec(normalise)} (${pct(normalise)}), IndexedDB writes ~${fmtSec(store)} (${pct(store)})`);
    }
  }
  for (const [where, t] of [['Node    ', nodeEst], ['Chromium', bEst]] as const) {
    if (!t) continue;
    for (const p of t.plans) {
      log(p.ok ? ratioLine(`${where} estimate ${p.id} / floor`, p.ms / t.floor.ms)
        : `  ${`${where} estimate ${p.id} / floor`.padEnd(RATIO_LABEL_WIDTH)} FAILED (${p.error.slice(0, 120)})`);
    }
  }
  if (nodeEst && bEst) {
    for (const [i, p] of bEst.plans.entries()) {
      const q = nodeEst.plans[i];
      if (p.ok && q.ok) log(ratioLine(`Chromium / Node estimate ${p.id}`, p.ms / q.ms));
    }
  }
  const bd = browser?.breakdown;
  if (bd) {
    const t = bd.timed;
    // importCsv parses the next chunk while the sink stores one, so sink time overlaps parsing: the no-storage import
    // (best run) stands for parse + normalise, and storage adds what the import took beyond it.
    const parseNormalise = bNoStore ? Math.min(bNoStore.ms, t.ms) : t.ms - t.storeMs;
    const stage = (label: string, ms: number, note = '') => `  ${label.padEnd(68)} ${fmtSec(ms).padStart(9)}${note}`;
    log('\nimport breakdown in the Chromium worker (single runs, measured stage by stage):');
    log(stage('read + UTF-8 decode (textPieces)', bd.decode.ms));
    log(stage('+ Papa.Parser records (csvRecords)', bd.records.ms, `   -> Papa + line accounting ~${fmtSec(bd.records.ms - bd.decode.ms)}`));
    log(stage('+ normalise + dictionary coding (importCsv, no storage, best run)', parseNormalise, `   -> normalise ~${fmtSec(parseNormalise - bd.records.ms)}`));
    log(stage('+ IndexedDB (appendChunk + finishDataset, timed in the sink)', t.ms, `   -> adds ${fmtSec(t.ms - parseNormalise)}; sink calls in flight ${fmtSec(t.storeMs)} (overlapping parsing) over ${t.chunks} chunks, slowest ${fmtSec(t.storeMaxMs)}`));
    log(stage(`  same, chunks written without their ${fmtInt(t.idStrings)} id strings`, bd.timedWithoutIds.ms, `   -> sink calls in flight ${fmtSec(bd.timedWithoutIds.storeMs)}`));
    log(stage(`raw Papa.parse with Papa's default ${bd.rawPapaDefault.chunkSize / 1024 / 1024} MB file chunks (reference)`, bd.rawPapaDefault.ms,
      bRaw ? `   (baseline above uses ${(bRaw.chunkSize / 1024).toFixed(0)} KB chunks = importCsv's PIECE_SIZE)` : ''));
  }

  log(`\ntotal bench time ${fmtSec(performance.now() - started)}`);
  if (bRaw && bTarifa && bTarifa.ok) {
    const r = bTarifa.ms / bRaw.ms;
    const pass = r <= 2;
    const line = `import/baseline = ${r.toFixed(2)} (target <= 2): ${pass ? 'OK' : 'MISSED'}  [Chromium importFile ${fmtSec(bTarifa.ms)} vs raw Papa ${fmtSec(bRaw.ms)}, ${fmtInt(args.events)} events]`;
    log(pass ? line : `\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n!! ${line}\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`);
  } else if (nodeRaw && nodeNoStore) {
    log(`import/baseline (Node, no storage) = ${(nodeNoStore.ms / nodeRaw.ms).toFixed(2)} (target <= 2; the browser import was not measured)`);
  } else {
    log('!! import/baseline: not measured');
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
