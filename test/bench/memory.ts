/**
 * Memory sampling for the benchmark (Linux /proc only).
 *
 * - Node: `process.memoryUsage.rss()` sampled every ~100 ms, plus the kernel's high-water mark (`maxRSS`).
 * - Chromium: every process in the browser tree (descendants of this Node process whose name starts with "chrom"),
 *   VmRSS summed from /proc/<pid>/status. Summed RSS counts shared pages (libraries, shared memory) once per process,
 *   so it over-states; PSS from /proc/<pid>/smaps_rollup splits shared pages fairly and is printed alongside.
 */
import { readdirSync, readFileSync } from 'node:fs';

const MB = 1024 * 1024;

const readText = (path: string): string | undefined => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process exited between listing and reading
  }
};

const kbField = (text: string | undefined, field: string): number => {
  if (!text) return 0;
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) * 1024 : 0;
};

/** Pids of the Chromium processes started (directly or not) by this Node process. */
export const chromiumPids = (root = process.pid): number[] => {
  const children = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readText(`/proc/${entry}/stat`);
    if (!stat) continue;
    // "pid (comm) state ppid ...": comm may contain spaces or parentheses, so split at the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    const pid = Number(entry);
    names.set(pid, comm);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const found: number[] = [];
  const stack = [...(children.get(root) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (/^chrom/i.test(names.get(pid) ?? '')) found.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
};

export type TreeMemory = { rss: number; pss: number; processes: number };

export const treeMemory = (pids: readonly number[], withPss: boolean): TreeMemory => {
  let rss = 0;
  let pss = 0;
  let processes = 0;
  for (const pid of pids) {
    const status = readText(`/proc/${pid}/status`);
    if (!status) continue;
    processes++;
    rss += kbField(status, 'VmRSS');
    if (withPss) pss += kbField(readText(`/proc/${pid}/smaps_rollup`), 'Pss');
  }
  return { rss, pss, processes };
};

export type MemoryPeak = { rssMB: number; pssMB: number; processes: number; samples: number };

/** Samples the Chromium tree every `intervalMs` until stopped; returns the peaks seen. */
export const sampleChromium = (intervalMs = 100) => {
  let peakRss = 0;
  let peakPss = 0;
  let peakProcesses = 0;
  let samples = 0;
  let pids = chromiumPids();
  let tick = 0;
  const sample = () => {
    // The tree changes rarely (a renderer or utility process may start); rescan it once a second.
    if (tick++ % 10 === 0) pids = chromiumPids();
    const m = treeMemory(pids, true);
    samples++;
    peakRss = Math.max(peakRss, m.rss);
    peakPss = Math.max(peakPss, m.pss);
    peakProcesses = Math.max(peakProcesses, m.processes);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): MemoryPeak {
      clearInterval(timer);
      sample();
      return { rssMB: peakRss / MB, pssMB: peakPss / MB, processes: peakProcesses, samples };
    },
  };
};

/** Samples this Node process's RSS every `intervalMs` (timers fire between parser chunks) until stopped. */
export const sampleNode = (intervalMs = 100) => {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      return peak / MB;
    },
  };
};

/** The kernel's high-water mark of this process's RSS, in MB. */
export const nodeMaxRssMB = (): number => (process.resourceUsage().maxRSS * 1024) / MB;
