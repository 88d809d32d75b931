/**
 * Deterministic sample usage in the generic CSV format: WhatsApp conversations on one shared Brazilian business
 * number, answered by two queues (Sales, Support) of agents, plus inbound voice calls. Everything comes from a seeded
 * PRNG (mulberry32) and the options: no Math.random, no clock. Text is produced day by day (each day's events sorted
 * by time), so a million-event file can be streamed to disk without holding it in memory.
 *
 * The default (about 50,000 events, 2026-09-01 to 2026-10-31) gives each month roughly 25,000 messages and 10 active
 * agents: with the seat plan (base 199, extra seats 40 over 5, extra messages 5 per 1,000 over 10,000) each month shows
 * both overages.
 */

export type SampleOptions = {
  /** Approximate number of events (default 50,000). */
  events?: number;
  /** PRNG seed (default 2026). */
  seed?: number;
  /** First day, YYYY-MM-DD, in Brazil time (default '2026-09-01'). */
  start?: string;
  /** Calendar months covered (default 2). */
  months?: number;
};

export const SAMPLE_CHANNEL = '+55 11 4000-0000';
export const SAMPLE_HEADER = 'timestamp,id,kind,direction,contact,channel,template,category,country,queue,agent,duration,status';

const OFFSET = '-03:00';
/** 23:59:59 UTC in seconds after local midnight at OFFSET. */
const LAST_DAY_END = 86_399 - 3 * 3600;
const CONTACTS = 3000;
const AGENTS: Record<'Sales' | 'Support', string[]> = {
  Sales: ['Ana Souza', 'Bruno Lima', 'Carla Dias', 'Diego Alves'],
  Support: ['Elisa Rocha', 'Felipe Costa', 'Gabriela Nunes', 'Heitor Melo', 'Iara Pinto', 'Joao Ramos'],
};
const TEMPLATES = {
  marketing: ['promo_primavera', 'oferta_semanal', 'lancamento_produto'],
  utility: ['pedido_confirmado', 'pedido_enviado', 'lembrete_pagamento'],
  authentication: ['codigo_verificacao'],
} as const;
/** Relative activity by hour of day (Brazil time). */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1, 3, 7, 10, 11, 11, 8, 8, 10, 10, 9, 8, 6, 5, 4, 3, 2, 1.5];
/** Relative activity by weekday, Monday first. */
const WEEKDAY_WEIGHTS = [1, 1, 1, 1, 0.95, 0.45, 0.25];

export const mulberry32 = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

type SampleEvent = {
  at: number; // seconds since local midnight
  kind: 'message' | 'call';
  direction: 'inbound' | 'outbound';
  contact: string;
  template: string;
  category: string;
  queue: string;
  agent: string;
  duration: string;
  status: string;
};

const civilFromDays = (days: number): [number, number, number] => {
  const d = new Date(days * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
};

/** Generic-format CSV text, piece by piece: the header line, then one piece per day. */
export function* sampleCsvPieces(options: SampleOptions = {}): Generator<string> {
  const events = options.events ?? 50_000;
  const rand = mulberry32(options.seed ?? 2026);
  const [y, m, d] = (options.start ?? '2026-09-01').split('-').map(Number);
  const months = options.months ?? 2;
  const firstDay = Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
  const lastDay = Math.floor(Date.UTC(y, m - 1 + months, d) / 86_400_000);
  const weekday = (day: number): number => (new Date(day * 86_400_000).getUTCDay() + 6) % 7;
  let weightSum = 0;
  for (let day = firstDay; day < lastDay; day++) weightSum += WEEKDAY_WEIGHTS[weekday(day)];
  const hourTotal = HOUR_WEIGHTS.reduce((a, b) => a + b, 0);

  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chance = (p: number): boolean => rand() < p;
  const between = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const hourOfDay = (): number => {
    let r = rand() * hourTotal;
    for (let h = 0; h < 24; h++) if ((r -= HOUR_WEIGHTS[h]) < 0) return h;
    return 23;
  };
  // Some contacts write more often than others: the power skews picks towards low numbers.
  const contact = (): string => `+55119${pad(1 + Math.floor(rand() ** 1.15 * CONTACTS), 8)}`;
  const msg = (at: number, direction: SampleEvent['direction'], c: string, queue: string, agent: string, status: string,
    template = '', category = ''): SampleEvent =>
    ({ at, kind: 'message', direction, contact: c, template, category, queue, agent, duration: '', status });
  const outStatus = (failRate: number): string => (chance(failRate) ? 'failed' : chance(0.7) ? 'read' : 'delivered');

  /** One conversation starting at `at`, appended to `out`. */
  const conversation = (at: number, out: SampleEvent[]): void => {
    const c = contact();
    let t = at;
    const step = (): number => (t += between(20, 400));
    const queue: 'Sales' | 'Support' = chance(0.45) ? 'Sales' : 'Support';
    const agent = pick(AGENTS[queue]);
    const r = rand();
    const afterHours = at < 8 * 3600 || at >= 20 * 3600;
    if (r < 0.15 || (afterHours && r < 0.45)) {
      // Reached no queue: a message or two, an automatic reply, nobody picked it up.
      out.push(msg(t, 'inbound', c, '', '', 'received'));
      if (chance(0.5)) out.push(msg(step(), 'inbound', c, '', '', 'received'));
      out.push(msg(step(), 'outbound', c, '', '', outStatus(0.01)));
      return;
    }
    if (r < 0.19) {
      out.push(msg(t, 'outbound', c, '', '', outStatus(0.04), TEMPLATES.authentication[0], 'authentication'));
      return;
    }
    let replies: number;
    if (r < 0.45) {
      const category = queue === 'Sales' ? 'marketing' : 'utility';
      out.push(msg(t, 'outbound', c, queue, agent, outStatus(0.05), pick(TEMPLATES[category]), category));
      replies = chance(0.35) ? between(1, 6) : 0;
    } else {
      out.push(msg(t, 'inbound', c, queue, agent, 'received'));
      replies = between(1, 8);
    }
    for (let k = 0; k < replies; k++) {
      out.push(msg(step(), 'outbound', c, queue, agent, outStatus(0.02)));
      if (k < replies - 1 || chance(0.5)) out.push(msg(step(), 'inbound', c, queue, agent, 'received'));
    }
  };

  const call = (at: number): SampleEvent => {
    const queue = chance(0.4) ? 'Sales' : 'Support';
    const answered = chance(0.8);
    return {
      at, kind: 'call', direction: 'inbound', contact: contact(), template: '', category: '', queue,
      agent: answered ? pick(AGENTS[queue]) : '', duration: String(answered ? between(30, 900) : 0),
      status: answered ? 'answered' : 'no-answer',
    };
  };

  yield `${SAMPLE_HEADER}\n`;
  let id = 0;
  const idWidth = Math.max(7, String(Math.round(events * 1.1)).length);
  for (let day = firstDay; day < lastDay; day++) {
    const target = (events * WEEKDAY_WEIGHTS[weekday(day)]) / weightSum;
    const dayEvents: SampleEvent[] = [];
    const calls = Math.round(target * 0.006);
    for (let k = 0; k < calls; k++) dayEvents.push(call(between(8, 19) * 3600 + between(0, 3599)));
    while (dayEvents.length < target) conversation(hourOfDay() * 3600 + between(0, 3599), dayEvents);
    dayEvents.sort((a, b) => a.at - b.at);
    const [yy, mm, dd] = civilFromDays(day);
    const date = `${yy}-${pad(mm)}-${pad(dd)}`;
    const lines: string[] = [];
    // The sample ends at midnight UTC (21:00 in Brazil) on its last day, so it fills whole cycles of a UTC plan
    // (the default seat plan) instead of spilling a few hours into a third cycle.
    const lastAt = day === lastDay - 1 ? LAST_DAY_END : 86_399;
    for (const e of dayEvents) {
      if (e.at > lastAt) continue;
      const at = Math.min(e.at, 86_399); // conversations that run past midnight end at 23:59:59
      const time = `${pad(Math.floor(at / 3600))}:${pad(Math.floor(at / 60) % 60)}:${pad(at % 60)}`;
      const eid = `${e.kind === 'call' ? 'call' : 'wamid'}-${pad(++id, idWidth)}`;
      lines.push(`${date}T${time}${OFFSET},${eid},${e.kind},${e.direction},${e.contact},${SAMPLE_CHANNEL},${e.template},`
        + `${e.category},BR,${e.queue},${e.agent},${e.duration},${e.status}\n`);
    }
    yield lines.join('');
  }
}

/** The default sample (or one with `options`) as one string. */
export const sampleCsvText = (options: SampleOptions = {}): string => [...sampleCsvPieces(options)].join('');
