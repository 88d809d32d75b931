/** Bench page: owns the worker and exposes one call per measurement on `window.bench` for page.evaluate. */
import * as Comlink from 'comlink';
import type { BenchPlan } from '../estimate-bench';
import type { BenchWorker } from './bench.worker';

const worker = new Worker(new URL('./bench.worker.ts', import.meta.url), { type: 'module' });
const remote = Comlink.wrap<BenchWorker>(worker);

const file = (): File => {
  const input = document.querySelector<HTMLInputElement>('#file');
  const f = input?.files?.[0];
  if (!f) throw new Error('No file set on #file');
  return f;
};

const bench = {
  ready: () => remote.ready(),
  rawPapa: (chunkSize?: number) => remote.rawPapa(file(), chunkSize),
  decodeOnly: () => remote.decodeOnly(file()),
  recordsOnly: () => remote.recordsOnly(file()),
  importTimed: (timeZone: string, withoutIds: boolean) => remote.importTimed(file(), timeZone, withoutIds),
  importNoStore: (timeZone: string) => remote.importNoStore(file(), timeZone),
  importTarifa: (timeZone: string) => remote.importTarifa(file(), timeZone),
  estimate: (datasetId: string, plan: unknown) => remote.estimate(datasetId, plan),
  estimatePlans: (datasetId: string, plans: BenchPlan[], repeat: number) => remote.estimatePlans(datasetId, plans, repeat),
  heap: () => remote.heap(),
};

export type BenchPage = typeof bench;
(window as unknown as { bench: BenchPage }).bench = bench;
