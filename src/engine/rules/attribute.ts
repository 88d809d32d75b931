/**
 * Attribution: which cost centre each event belongs to. Rules are tried in order and the first whose `where` matches
 * attributes the event; an event no rule matches is unattributed (-1). Each rule's filter is compiled once (text
 * fields decided per dictionary entry), then one pass over the events. The column is cached per table, rules object
 * and time zone (hour/weekday filters read the plan's zone), so allocating again after a plan change reuses it.
 */
import type { EventTable } from '../events';
import { fieldSource, type FieldSource, type KeyField, type TextColumn } from '../fields/field-source';
import { compileFilter } from '../filters';
import type { Rules } from './types';

/** Centre code of an event that matched no rule. */
export const UNATTRIBUTED = -1;

/** Field name under which `centreSource` exposes the centre column to meters (`by`) and key coders. */
export const CENTRE_FIELD = 'centre' as KeyField;

const cache = new WeakMap<EventTable, WeakMap<Rules, Map<string, Int32Array>>>();

/**
 * Per event, the index in `rules.centres` of its centre, or UNATTRIBUTED. `source` gives the fields in the plan's
 * time zone (default: the table in UTC).
 */
export const centreColumn = (table: EventTable, rules: Rules, source: FieldSource = fieldSource(table)): Int32Array => {
  let byRules = cache.get(table);
  if (!byRules) cache.set(table, (byRules = new WeakMap()));
  let byZone = byRules.get(rules);
  if (!byZone) byRules.set(rules, (byZone = new Map()));
  const cached = byZone.get(source.timeZone);
  if (cached) return cached;

  const n = table.columns.length;
  const index = new Map(rules.centres.map((c, k) => [c.id, k]));
  const compiled = rules.rules.map((r) => ({ centre: index.get(r.centre) ?? UNATTRIBUTED, filter: compileFilter(r.where, table, source) }));
  const out = new Int32Array(n).fill(UNATTRIBUTED);
  const m = compiled.length;
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < m; r++) {
      const rule = compiled[r];
      if (rule.filter.always || rule.filter.test(i)) {
        out[i] = rule.centre;
        break;
      }
    }
  }
  byZone.set(source.timeZone, out);
  return out;
};

/** The centre column as text: code 0 ('') = unattributed, code k + 1 = centre k (its dictionary entry is "k"). */
export const centreText = (column: Int32Array, centreCount: number): TextColumn => {
  const codes = new Uint32Array(column.length);
  for (let i = 0; i < column.length; i++) codes[i] = column[i] + 1;
  return { codes, dict: ['', ...Array.from({ length: centreCount }, (_, k) => String(k))] };
};

/** Centre index from a `centreText` label ('' = UNATTRIBUTED). */
export const centreOfLabel = (label: string): number => (label === '' ? UNATTRIBUTED : Number(label));

/** `base` plus a derived `centre` text field (CENTRE_FIELD), for measuring meters with `by` extended by centre. */
export const centreSource = (base: FieldSource, centre: TextColumn): FieldSource => {
  const inner = base.text;
  return { ...base, text: (field) => (field === CENTRE_FIELD ? centre : inner(field)) };
};
