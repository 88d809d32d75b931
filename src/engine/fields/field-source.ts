/**
 * Where meters, filters and key coders read a field's values: the stored text columns of the table, plus the derived
 * dimensions of spec section 1: `market` (markets/market.ts) and the local `hour` and `weekday` in the plan's time zone
 * (time/local-clock.ts). Derived columns are computed on first use, once per table (and zone), and cached with the
 * table, so re-pricing a plan does not recompute them.
 * As text (for `by`, `of`, rate keys) hour reads "0".."23" and weekday "1".."7"; in filters both are numbers.
 */
import { STRING_FIELDS, type EventTable, type StringField } from '../events';
import { marketColumn, type TextColumn } from '../markets/market';
import { localClock, type LocalClock } from '../time/local-clock';

export type { TextColumn } from '../markets/market';

export const DERIVED_FIELDS = ['market', 'hour', 'weekday'] as const;
export type DerivedField = (typeof DERIVED_FIELDS)[number];
/** A field a meter may key on (`by`, `of`) or a filter may compare as text. */
export type KeyField = StringField | DerivedField;

export const isKeyField = (f: string): f is KeyField =>
  (STRING_FIELDS as readonly string[]).includes(f) || (DERIVED_FIELDS as readonly string[]).includes(f);

export type FieldSource = {
  table: EventTable;
  timeZone: string;
  text: (field: KeyField) => TextColumn;
  clock: () => LocalClock;
};

const markets = new WeakMap<EventTable, TextColumn>();
const clocks = new WeakMap<EventTable, Map<string, { clock: LocalClock; hour: TextColumn; weekday: TextColumn }>>();

const HOUR_DICT = ['', ...Array.from({ length: 24 }, (_, h) => String(h))];
const WEEKDAY_DICT = ['', '1', '2', '3', '4', '5', '6', '7'];

const clockOf = (table: EventTable, timeZone: string) => {
  let byZone = clocks.get(table);
  if (!byZone) clocks.set(table, (byZone = new Map()));
  let entry = byZone.get(timeZone);
  if (!entry) {
    const clock = localClock(table.columns.timestamp, table.columns.length, timeZone);
    const n = table.columns.length;
    const hourCodes = new Uint8Array(n);
    for (let i = 0; i < n; i++) hourCodes[i] = clock.hour[i] === 255 ? 0 : clock.hour[i] + 1;
    entry = { clock, hour: { codes: hourCodes, dict: HOUR_DICT }, weekday: { codes: clock.weekday, dict: WEEKDAY_DICT } };
    byZone.set(timeZone, entry);
  }
  return entry;
};

/** The fields of `table` as seen by a plan in `timeZone`. */
export const fieldSource = (table: EventTable, timeZone = 'UTC'): FieldSource => ({
  table,
  timeZone,
  text: (field) => {
    if (field === 'market') {
      let m = markets.get(table);
      if (!m) markets.set(table, (m = marketColumn(table)));
      return m;
    }
    if (field === 'hour') return clockOf(table, timeZone).hour;
    if (field === 'weekday') return clockOf(table, timeZone).weekday;
    return { codes: table.columns.strings[field], dict: table.dicts[field] };
  },
  clock: () => clockOf(table, timeZone).clock,
});

/**
 * A source equal to `base` with some text columns replaced (the WhatsApp CBP meter keys a service conversation by
 * category `service`, whatever the message's own category).
 */
export const withOverrides = (base: FieldSource, overrides: Partial<Record<KeyField, TextColumn>>): FieldSource => {
  const inner = base.text;
  return { ...base, text: (field) => overrides[field] ?? inner(field) };
};
