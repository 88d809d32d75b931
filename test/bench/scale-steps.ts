/**
 * Scale steps in the real app: the production build (vite.config.ts) served on 127.0.0.1 and opened in headless
 * Debian Chromium with an on-disk profile, at `/?debug`, whose hidden hook hands the page's worker client API
 * (src/ui/main.tsx). Each step is one call of the app's own worker, as the UI makes it, timed in the page:
 *   import (importFile: parse + normalise + pseudonymise + IndexedDB), estimate cold (IndexedDB load + price, seat
 *   plan), estimate warm (seat plan; then the Twilio SMS/voice plan), split (src/worker/split.ts: the seat plan's
 *   estimate allocated over cost centres by queue), simulate (knobs: +20% scale, 3% monthly growth; seat and Twilio
 *   plans; no multiplier curve), and a knob change (the median of 20 growth changes with the curve and TCO, as in the
 *   Node bench).
 * The Chromium process tree's memory is sampled during every step (peak RSS and PSS); a crashed tab is reported.
 * Then DuckDB runs the equivalent aggregation on the same CSV (duckdb-bench.ts), its figures are checked against
 * Tarifa's meter usage, and the ratios are printed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Estimate } from '../../src/engine/estimate/types';
import { compareCycles, formatCycles, runDuckdb, tarifaCycles, type DuckRun } from './duckdb-bench';
import { sampleChromium, type MemoryPeak } from './memory';
import { SIMULATE_CHANGES } from './simulate-bench';
import { fmtInt, fmtMB, fmtSec, ratioLine, table } from './report';
import { serveStatic } from './serve';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
  headless: true,
};

const readPlan = (file: string): unknown => JSON.parse(readFileSync(join(ROOT, 'public/plans', file), 'utf8'));

export type StepName = 'import' | 'estimate cold' | 'estimate warm' | 'estimate warm, Twilio plan' | 'split' | 'simulate'
  | 'simulate, knob change (median)';
export type Step = { step: StepName; ms: number; ok: boolean; detail: string; memory: MemoryPeak };
export type ScaleResult = {
  steps: Step[];
  crashed: boolean;
  idle: MemoryPeak | null;
  seat: Estimate | null;
  twilio: Estimate | null;
  buildMs: number;
};

type Timed = { ms: number; ok: boolean; detail: string; value?: unknown };

/** Runs `body` (a page function over the debug hook) while sampling the browser's memory. */
const step = async (page: Page, name: StepName, body: (arg: unknown) => Promise<Timed>, arg: unknown): Promise<Step & { value?: unknown }> => {
  const sampler = sampleChromium(100);
  try {
    const r = await page.evaluate(body, arg);
    return { step: name, ms: r.ms, ok: r.ok, detail: r.detail, memory: sampler.stop(), value: r.value };
  } catch (error) {
    return { step: name, ms: NaN, ok: false, detail: `the page failed: ${(error as Error).message.split('\n')[0]}`, memory: sampler.stop() };
  }
};

/* The page functions below run in the browser: they may only use their argument and the page's globals. */
type Hook = {
  api: Record<string, (...a: unknown[]) => Promise<{ ok: boolean; value?: never; error?: { message: string } } & Record<string, unknown>>>;
  proxy: <F>(f: F) => F;
};

const importInPage = async (arg: unknown): Promise<Timed> => {
  const { timeZone } = arg as { timeZone: string };
  const hook = (window as unknown as { tarifaDebug: Hook }).tarifaDebug;
  const file = (document.getElementById('bench-file') as HTMLInputElement).files![0];
  const t0 = performance.now();
  const r = await hook.api.importFile(file, { timeZone, name: 'bench' }, 'bench-import', hook.proxy(() => undefined));
  const ms = performance.now() - t0;
  const v = r.value as unknown as { id: string; imported: number; rowsRead: number; rejected: number } | undefined;
  return r.ok && v ? { ms, ok: true, detail: `${v.imported} events of ${v.rowsRead} rows (${v.rejected} rejected)`, value: v.id }
    : { ms, ok: false, detail: r.error?.message ?? 'failed' };
};

const estimateInPage = async (arg: unknown): Promise<Timed> => {
  const { id, plan } = arg as { id: string; plan: unknown };
  const hook = (window as unknown as { tarifaDebug: Hook }).tarifaDebug;
  const t0 = performance.now();
  const r = await hook.api.estimate(id, plan);
  const ms = performance.now() - t0;
  const e = r.value as unknown as { total: string; currency: string; cycles: unknown[] } | undefined;
  return r.ok && e ? { ms, ok: true, detail: `${e.currency} ${e.total} over ${e.cycles.length} cycles`, value: e }
    : { ms, ok: false, detail: r.error?.message ?? 'failed' };
};

const splitInPage = async (arg: unknown): Promise<Timed> => {
  const { id, plan } = arg as { id: string; plan: unknown };
  const hook = (window as unknown as { tarifaDebug: Hook }).tarifaDebug;
  const values = await hook.api.rulesValues(id, 'queue', 2);
  const queues = values.ok ? (values.value as unknown as { values: { value: string }[] }).values.map((v) => v.value).filter((v) => v !== '') : [];
  const rules = {
    format: 'tarifa.rules/1', name: 'bench: by queue',
    centres: queues.map((q, i) => ({ id: `c${i}`, label: q })),
    rules: queues.map((q, i) => ({ centre: `c${i}`, where: { queue: q } })),
    multiCentre: 'even', shared: { method: 'proportional' }, unattributed: { method: 'proportional' },
  };
  const t0 = performance.now();
  const r = await hook.api.split(id, plan, rules, { kind: 'estimate' });
  const ms = performance.now() - t0;
  const a = r.value as unknown as { total: string; centres: { id: string }[]; unattributedEvents: { count: number } } | undefined;
  return r.ok && a ? { ms, ok: true, detail: `${a.total} over ${a.centres.length} centres (${queues.join(', ')}), ${a.unattributedEvents.count} unattributed events` }
    : { ms, ok: false, detail: r.error?.message ?? 'failed' };
};

const simulateInPage = async (arg: unknown): Promise<Timed> => {
  const { id, plans, timeZone } = arg as { id: string; plans: { key: string; name: string; json: unknown }[]; timeZone: string };
  const hook = (window as unknown as { tarifaDebug: Hook }).tarifaDebug;
  const knobs = { scale: '1.2', factors: [], growthPercent: '3', spikes: [], mix: [], extraAgents: 0, extraNumbers: 0 };
  const t0 = performance.now();
  const r = await hook.api.simulate(id, { plans, knobs, timeZone, curve: false });
  const ms = performance.now() - t0;
  const s = r.value as unknown as { events: { measured: number; simulated: number }; estimates: { total: string }[] } | undefined;
  return r.ok && s ? { ms, ok: true, detail: `${s.events.measured} -> ${s.events.simulated} events; totals ${s.estimates.map((e) => e.total).join(', ')}` }
    : { ms, ok: false, detail: r.error?.message ?? 'failed' };
};

/**
 * Issue #6's figure in the app: the Simulate page's default plans (seat, WhatsApp per message) with the curve and a
 * 24-month TCO, re-priced after each of `changes` growth-knob changes (1% .. changes %) after one warm-up call, as in
 * the Node bench (simulate-bench.ts). `ms` is the median round trip in the page (worker call, result cloned back);
 * the detail adds the median inside the worker and every run.
 */
const knobChangesInPage = async (arg: unknown): Promise<Timed> => {
  // No named inner functions here: tsx's __name helper does not exist in the page.
  const { id, plans, timeZone, changes } = arg as { id: string; plans: { key: string; name: string; json: unknown }[]; timeZone: string; changes: number };
  const hook = (window as unknown as { tarifaDebug: Hook }).tarifaDebug;
  const page: number[] = [];
  const worker: number[] = [];
  let totals = '';
  for (let k = 0; k <= changes; k++) { // 0: warm-up
    const knobs = { scale: '1', factors: [], growthPercent: String(k), spikes: [], mix: [], extraAgents: 0, extraNumbers: 0 };
    const t0 = performance.now();
    const r = await hook.api.simulate(id, { plans, timeZone, knobs, tco: { months: 24, terms: {} } });
    const ms = performance.now() - t0;
    const v = r.value as unknown as { ms: number; estimates: { total: string }[] } | undefined;
    if (!r.ok || !v) return { ms: NaN, ok: false, detail: `growth ${k}%: ${r.error?.message ?? 'failed'}` };
    if (k === 0) continue;
    page.push(ms);
    worker.push(v.ms);
    totals = v.estimates.map((e) => e.total).join(' / ');
  }
  const sorted = [[...page], [...worker]].map((xs) => xs.sort((a, b) => a - b));
  const mid = changes >> 1;
  const [pageMedian, workerMedian] = sorted.map((s) => (changes % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2));
  return { ms: pageMedian, ok: true, detail: `${changes} growth changes, curve + 24-month TCO: median ${workerMedian.toFixed(0)} ms in the worker; `
    + `round trips ${page.map((x) => x.toFixed(0)).join(' ')} ms; totals at ${changes}% ${totals}` };
};

export const runScaleSteps = async (o: { csvPath: string; timeZone: string; log: (line: string) => void }): Promise<ScaleResult> => {
  const workDir = mkdtempSync(join(tmpdir(), 'tarifa-scale-'));
  const outDir = join(workDir, 'dist');
  const t0 = performance.now();
  await build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const buildMs = performance.now() - t0;
  o.log(`  app built in ${fmtSec(buildMs)}`);
  const server = await serveStatic(outDir);
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), LAUNCH);
  const steps: Step[] = [];
  let crashed = false;
  let seat: Estimate | null = null;
  let twilio: Estimate | null = null;
  let idle: MemoryPeak | null;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('crash', () => {
      crashed = true;
      o.log('  !! the tab crashed');
    });
    page.on('pageerror', (e) => o.log(`  [page error] ${e.message}`));
    await page.goto(`${server.url}?debug`);
    await page.waitForFunction(() => 'tarifaDebug' in window);
    await page.evaluate(() => {
      const input = document.createElement('input');
      input.type = 'file';
      input.id = 'bench-file';
      input.hidden = true;
      document.body.append(input);
    });
    await page.setInputFiles('#bench-file', o.csvPath);
    await page.waitForTimeout(500);
    const idleSampler = sampleChromium(100);
    await page.waitForTimeout(300);
    idle = idleSampler.stop();

    const record = (s: Step & { value?: unknown }) => {
      steps.push({ step: s.step, ms: s.ms, ok: s.ok, detail: s.detail, memory: s.memory });
      o.log(`  ${s.step}: ${Number.isFinite(s.ms) ? fmtSec(s.ms) : '-'}${s.ok ? '' : ' FAILED'}: ${s.detail}; Chromium peak RSS ${fmtMB(s.memory.rssMB)} / PSS ${fmtMB(s.memory.pssMB)}`);
      return s;
    };
    const seatPlan = readPlan('seat-plan.json');
    const twilioPlan = readPlan('twilio-sms-voice.json');
    const imported = record(await step(page, 'import', importInPage, { timeZone: o.timeZone }));
    const id = imported.ok ? String(imported.value) : null;
    if (id !== null) {
      const cold = record(await step(page, 'estimate cold', estimateInPage, { id, plan: seatPlan }));
      seat = cold.ok ? (cold.value as Estimate) : null;
      let warm: (Step & { value?: unknown }) | null = null;
      for (let r = 0; r < 3; r++) {
        const run = await step(page, 'estimate warm', estimateInPage, { id, plan: seatPlan });
        if (warm === null || (run.ok && run.ms < warm.ms)) warm = run;
      }
      record(warm!);
      const tw = record(await step(page, 'estimate warm, Twilio plan', estimateInPage, { id, plan: twilioPlan }));
      twilio = tw.ok ? (tw.value as Estimate) : null;
      record(await step(page, 'split', splitInPage, { id, plan: seatPlan }));
      record(await step(page, 'simulate', simulateInPage, {
        id, timeZone: o.timeZone,
        plans: [{ key: 'seat', name: 'Seat plan', json: seatPlan }, { key: 'twilio', name: 'Twilio SMS and voice', json: twilioPlan }],
      }));
      record(await step(page, 'simulate, knob change (median)', knobChangesInPage, {
        id, timeZone: o.timeZone, changes: SIMULATE_CHANGES,
        plans: [{ key: 'seat', name: 'Seat plan', json: seatPlan }, { key: 'whatsapp', name: 'WhatsApp per message', json: readPlan('whatsapp-per-message.json') }],
      }));
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  return { steps, crashed, idle, seat, twilio, buildMs };
};

/** DuckDB on the same CSV (all cores, then one), then the app's steps in Chromium; prints both and the ratios. */
export const runScaleBench = async (o: { csvPath: string; events: number; timeZone: string; repeat: number; log: (line: string) => void }) => {
  const { log } = o;
  const duck: DuckRun[] = [];
  for (const threads of [...new Set([cpus().length, 1])]) {
    const run = await runDuckdb(o.csvPath, o.repeat, threads);
    log(`  DuckDB ${run.version}, ${threads} thread${threads === 1 ? '' : 's'}: read_csv + aggregate ${fmtSec(run.fromCsvMs)}; `
      + `load table ${fmtSec(run.loadMs)}; aggregate in memory ${fmtSec(run.inMemoryMs)}; Node RSS ${fmtMB(run.peakRssMB)}`);
    duck.push(run);
  }
  const scale = await runScaleSteps(o);

  const by = (name: StepName) => scale.steps.find((s) => s.step === name);
  const rows = scale.steps.map((s) => [s.step, Number.isFinite(s.ms) ? fmtSec(s.ms) : 'FAILED',
    s.ok && s.step === 'import' ? `${fmtInt(o.events / (s.ms / 1000))}/s` : '', fmtMB(s.memory.rssMB), fmtMB(s.memory.pssMB), s.ok ? '' : s.detail]);
  log(`\n==== Scale steps in the app (headless Chromium, ${fmtInt(o.events)} events) ====`);
  log(table(['step', 'time', 'events/s', 'peak RSS', 'peak PSS', 'problem'], rows));
  if (scale.idle) log(`idle app: Chromium RSS ${fmtMB(scale.idle.rssMB)} / PSS ${fmtMB(scale.idle.pssMB)}`);
  const peak = Math.max(...scale.steps.map((s) => s.memory.rssMB));
  const peakPss = Math.max(...scale.steps.map((s) => s.memory.pssMB));
  log(`peak over all steps: Chromium RSS ${fmtMB(peak)} / PSS ${fmtMB(peakPss)}; the tab ${scale.crashed ? 'CRASHED' : 'did not fail'}`);
  for (const s of scale.steps) log(`  ${s.step}: ${s.detail}`);

  log('\nDuckDB, the same meters (seat plan: messages, agents; Twilio plan: call seconds by whole minute) on the same CSV:');
  if (scale.seat && scale.twilio) {
    const mine = tarifaCycles(scale.seat, scale.twilio);
    const diff = compareCycles(mine, duck[0].cycles);
    log(diff.length === 0 ? `  same figures: ${formatCycles(mine)}` : `  !! the answers differ: ${diff.join('; ')}`);
  }
  const imp = by('import');
  const cold = by('estimate cold');
  const warm = by('estimate warm');
  const warmTwilio = by('estimate warm, Twilio plan');
  for (const d of duck) {
    const who = `DuckDB ${d.threads} thread${d.threads === 1 ? '' : 's'}`;
    if (imp?.ok && cold?.ok) log(ratioLine(`Tarifa import + cold estimate / ${who} read_csv + aggregate`, (imp.ms + cold.ms) / d.fromCsvMs));
    if (warm?.ok && warmTwilio?.ok) log(ratioLine(`Tarifa warm estimates (2 plans) / ${who} aggregate in memory`, (warm.ms + warmTwilio.ms) / d.inMemoryMs));
  }
  return { scale, duck };
};
