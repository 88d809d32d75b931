/**
 * Voice work per client and period, in one pass over the events: billable seconds of handled calls and the count of
 * handled inbound calls (see PeriodUsage). Periods are computed once with luxon, events bucketed by binary search.
 */
import type { EventTable } from '../events';
import { fieldSource } from '../fields/field-source';
import { centreColumn, UNATTRIBUTED } from '../rules/attribute';
import { bucketByCycle, cycleBoundaries } from '../time/cycles';
import type { ClientsBy, ClientUsage, Period, PeriodSpec, UsageResult } from './types';

const codeOf = (dict: readonly string[], value: string): number => dict.indexOf(value);

const DAY_MS = 86_400_000;

/**
 * The periods covering [minTs, maxTs] (calendar months are billing cycles anchored on day 1). A period is `partial`
 * when the data starts more than a day after its start or ends more than a day before its end.
 */
export const periodsOf = (minTs: number, maxTs: number, spec: PeriodSpec): Period[] => {
  const anchorDay = spec.kind === 'month' ? 1 : spec.anchorDay;
  const b = cycleBoundaries(minTs, maxTs, { anchorDay, timeZone: spec.timeZone });
  return b.slice(0, -1).map((start, k) => {
    const end = b[k + 1];
    return { start, end, partial: minTs - start > DAY_MS || end - maxTs > DAY_MS };
  });
};

type Grouping = { clientOf: (i: number) => number; keys: { key: string; label: string }[] };

const groupingOf = (table: EventTable, by: ClientsBy, timeZone: string): Grouping => {
  if (by.kind === 'field') {
    const codes = table.columns.strings[by.field];
    const keys = table.dicts[by.field].map((v) => ({ key: v, label: v }));
    return { clientOf: (i) => codes[i], keys };
  }
  const column = centreColumn(table, by.rules, fieldSource(table, timeZone));
  const n = by.rules.centres.length;
  // Index n holds the unattributed events (key '').
  const keys = [...by.rules.centres.map((c) => ({ key: c.id, label: c.label })), { key: '', label: '' }];
  return { clientOf: (i) => (column[i] === UNATTRIBUTED ? n : column[i]), keys };
};

/** Handled calls per client and period; clients with no handled call are left out. */
export const clientUsage = (table: EventTable, by: ClientsBy, spec: PeriodSpec): UsageResult => {
  const { columns, dicts } = table;
  const n = columns.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const ts = columns.timestamp[i];
    if (ts < min) min = ts;
    if (ts > max) max = ts;
  }
  const periods = n > 0 ? periodsOf(min, max, spec) : [];
  const p = periods.length;
  const { clientOf, keys } = groupingOf(table, by, spec.timeZone);
  const seconds = new Float64Array(keys.length * p);
  const calls = new Float64Array(keys.length * p);
  const callCode = codeOf(dicts.kind, 'call');
  const inboundCode = codeOf(dicts.direction, 'inbound');
  if (callCode > 0 && p > 0) {
    const bounds = [...periods.map((x) => x.start), periods[p - 1].end];
    const period = bucketByCycle(columns.timestamp, n, bounds);
    const kind = columns.strings.kind;
    const direction = columns.strings.direction;
    const duration = columns.duration;
    for (let i = 0; i < n; i++) {
      if (kind[i] !== callCode) continue;
      const d = duration[i];
      if (!(d > 0)) continue;
      const k = period[i];
      if (k < 0) continue;
      const at = clientOf(i) * p + k;
      seconds[at] += d;
      if (direction[i] === inboundCode) calls[at]++;
    }
  }
  const clients: ClientUsage[] = [];
  keys.forEach(({ key, label }, c) => {
    let any = false;
    for (let k = 0; k < p; k++) if (seconds[c * p + k] > 0) any = true;
    if (!any) return;
    clients.push({ key, label, periods: periods.map((_, k) => ({ seconds: seconds[c * p + k], calls: calls[c * p + k] })) });
  });
  clients.sort((a, b) => (a.key === '') !== (b.key === '') ? (a.key === '' ? 1 : -1) : a.label.localeCompare(b.label));
  return { timeZone: spec.timeZone, periods, clients };
};
