/**
 * The reference point for the estimate: DuckDB (@duckdb/node-api, a dev dependency for this benchmark only) running
 * the aggregation SQL equivalent to the meters of the seat plan (messages counted, distinct agents) and of the Twilio
 * SMS/voice plan's call-time meter (call seconds rounded up to whole minutes per call) per UTC calendar-month cycle,
 * on the same CSV file. (The Twilio plan's SMS meter sums a `segments` column the generated file does not have: 0 on
 * both sides, so it is left out.) Two timings, best of `repeat`:
 *   - from the CSV: read_csv + aggregate in one query (compare with Tarifa's import + cold estimate);
 *   - in memory: the aggregate on a table DuckDB already loaded (compare with Tarifa's warm estimate).
 * The figures are also compared with Tarifa's own meter usage per cycle, so the two answer the same question.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { Estimate } from '../../src/engine/estimate/types';
import { sampleNode } from './memory';

/** What both sides count per billing cycle (a UTC calendar month for both plans). */
export type CycleFigures = { cycle: string; events: number; messages: number; agents: number; callSeconds: number };

export type DuckRun = {
  version: string;
  threads: number;
  fromCsvMs: number;
  fromCsvRuns: number[];
  loadMs: number;
  inMemoryMs: number;
  inMemoryRuns: number[];
  cycles: CycleFigures[];
  peakRssMB: number;
};

/** The generic CSV's columns with their types (no sniffing: the timing is the query, not detection). */
const COLUMNS = {
  timestamp: 'TIMESTAMPTZ', id: 'VARCHAR', kind: 'VARCHAR', direction: 'VARCHAR', contact: 'VARCHAR', channel: 'VARCHAR',
  template: 'VARCHAR', category: 'VARCHAR', country: 'VARCHAR', queue: 'VARCHAR', agent: 'VARCHAR', duration: 'DOUBLE',
  status: 'VARCHAR',
};

const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const readCsv = (path: string): string =>
  `read_csv(${sqlString(path)}, header = true, auto_detect = false, delim = ',', quote = '"', columns = {${
    Object.entries(COLUMNS).map(([name, type]) => `${sqlString(name)}: ${sqlString(type)}`).join(', ')}})`;

/**
 * Per cycle: events; messages (seat plan `messages`: kind = message); distinct non-empty agents (seat plan `agents`);
 * call seconds rounded up to whole minutes per call (Twilio plan `callSeconds`: call-time, increments [60, 60]).
 * The month is taken on the UTC wall time as a plain TIMESTAMP (make_timestamp of the epoch): date_trunc on a
 * TIMESTAMPTZ goes through ICU per row and is 2-3x slower, which would flatter Tarifa.
 */
const aggregate = (from: string): string => `
  SELECT strftime(date_trunc('month', make_timestamp(epoch_us(timestamp))), '%Y-%m') AS cycle,
    count(*) AS events,
    count(*) FILTER (WHERE kind = 'message') AS messages,
    count(DISTINCT agent) FILTER (WHERE agent IS NOT NULL AND agent <> '') AS agents,
    coalesce(sum(CASE WHEN duration > 0 THEN ceil(duration / 60) * 60 ELSE 0 END) FILTER (WHERE kind = 'call'), 0) AS call_seconds
  FROM ${from} GROUP BY 1 ORDER BY 1`;

const time = async <T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
};

export const runDuckdb = async (csvPath: string, repeat: number, threads: number): Promise<DuckRun> => {
  const memory = sampleNode();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    const version = String((await connection.runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v);
    const query = async (sql: string): Promise<CycleFigures[]> =>
      (await connection.runAndReadAll(sql)).getRowObjects().map((r) => ({
        cycle: String(r.cycle), events: Number(r.events), messages: Number(r.messages), agents: Number(r.agents),
        callSeconds: Number(r.call_seconds),
      }));
    const fromCsvRuns: number[] = [];
    let cycles: CycleFigures[] = [];
    for (let r = 0; r < repeat; r++) {
      const run = await time(() => query(aggregate(readCsv(csvPath))));
      fromCsvRuns.push(run.ms);
      cycles = run.value;
    }
    const load = await time(() => connection.run(`CREATE TABLE events AS SELECT * FROM ${readCsv(csvPath)}`));
    const inMemoryRuns: number[] = [];
    for (let r = 0; r < repeat; r++) inMemoryRuns.push((await time(() => query(aggregate('events')))).ms);
    return {
      version, threads, fromCsvMs: Math.min(...fromCsvRuns), fromCsvRuns, loadMs: load.ms,
      inMemoryMs: Math.min(...inMemoryRuns), inMemoryRuns, cycles, peakRssMB: memory.stop(),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
};

const usageOf = (e: Estimate, cycle: number, charge: string): number =>
  e.cycles[cycle].lines.find((l) => l.charge === charge)?.explanation.usage ?? 0;

/** Tarifa's meter usage per cycle, from the seat plan's and the Twilio plan's estimates of the same dataset. */
export const tarifaCycles = (seat: Estimate, twilio: Estimate): CycleFigures[] =>
  seat.cycles.map((c, i) => ({
    cycle: c.start.slice(0, 7),
    events: c.eventCount,
    messages: usageOf(seat, i, 'extra'),
    agents: usageOf(seat, i, 'seats'),
    callSeconds: usageOf(twilio, i, 'voice'),
  }));

/** Differences between the two answers, one line each; empty when they agree. */
export const compareCycles = (tarifa: readonly CycleFigures[], duck: readonly CycleFigures[]): string[] => {
  const out: string[] = [];
  const cycles = new Set([...tarifa.map((c) => c.cycle), ...duck.map((c) => c.cycle)]);
  for (const cycle of cycles) {
    const a = tarifa.find((c) => c.cycle === cycle);
    const b = duck.find((c) => c.cycle === cycle);
    if (!a || !b) {
      out.push(`${cycle}: only in ${a ? 'Tarifa' : 'DuckDB'}`);
      continue;
    }
    for (const k of ['events', 'messages', 'agents', 'callSeconds'] as const) {
      if (a[k] !== b[k]) out.push(`${cycle} ${k}: Tarifa ${a[k]}, DuckDB ${b[k]}`);
    }
  }
  return out;
};

export const formatCycles = (cycles: readonly CycleFigures[]): string =>
  cycles.map((c) => `${c.cycle}: ${c.events.toLocaleString('en-US')} events, ${c.messages.toLocaleString('en-US')} messages, `
    + `${c.agents} agents, ${c.callSeconds.toLocaleString('en-US')} call seconds`).join('; ');
