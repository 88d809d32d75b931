/**
 * Meters: one pass over the events per meter, bucketed by cycle (cycle indices precomputed once per estimate).
 * - `count`: sum of `quantity` of matching events.
 * - `sum`: sum of a numeric `field` (duration, segments, quantity, price in currency units); empty values add 0.
 * - `unique`: distinct combinations of the `of` fields within the cycle. An event whose `of` fields are all empty is
 *   not counted (nor in eventCount/samples): an unknown contact is not a distinct contact.
 * - `call-time`: billable seconds per call (call-time.ts); `quantity` is not a multiplier (a row is one call).
 * - `whatsapp-pmp` / `whatsapp-cbp`: charged messages / opened conversations (whatsapp/scan.ts). Windows are computed
 *   from all message events of the contact on the channel; `where` then selects which units count. `by` defaults to
 *   ["market", "category"].
 * Events with a vendor `price` also add it (micro-units) to their key's `vendorMicros` (usage.ts).
 * With `by`, one quantity per key (the `by` values joined with ':', e.g. "BR:marketing"); keys sorted by label.
 */
import { PRICE_SCALE, type EventTable } from '../events';
import { fieldSource, type FieldSource, type KeyField } from '../fields/field-source';
import { compileFilter } from '../filters';
import type { Meter } from '../plan/types';
import { aggregate } from './aggregate';
import { billableSeconds } from './call-time';
import { keyCoder } from './key-coder';
import type { MeterUsage } from './usage';
import { WHATSAPP_DEFAULT_BY, whatsappUnits } from './whatsapp/whatsapp-meter';

export { SAMPLE_SIZE, type CycleUsage, type KeyUsage, type MeterUsage } from './usage';

const valueOf = (table: EventTable, meter: Meter): ((i: number) => number) | null => {
  const c = table.columns;
  switch (meter.type) {
    case 'count':
      return (i) => c.quantity[i];
    case 'sum': {
      if (meter.field === 'price') return (i) => c.price[i] / PRICE_SCALE;
      const col = c[meter.field as 'duration' | 'segments' | 'quantity'];
      return (i) => col[i];
    }
    case 'call-time': {
      const [first, next] = meter.increments;
      return (i) => billableSeconds(c.duration[i], first, next);
    }
    default:
      return null;
  }
};

const priced = new WeakMap<Float64Array, boolean>();

/** True when some event carries a vendor price (cached per column): only then do meters sum the `price` column. */
export const hasVendorPrices = (table: EventTable): boolean => {
  const col = table.columns.price;
  let found = priced.get(col);
  if (found === undefined) {
    found = false;
    for (let i = 0; i < table.columns.length; i++) {
      if (col[i] === col[i]) {
        found = true;
        break;
      }
    }
    priced.set(col, found);
  }
  return found;
};

/**
 * Measures one meter over the table. `cycleOf[i]` is event i's cycle (-1 = outside, skipped); `cycleCount` the
 * number of cycles; `source` the fields in the plan's time zone (derived market, hour, weekday).
 */
export const measureMeter = (
  table: EventTable,
  name: string,
  meter: Meter,
  cycleOf: Int32Array,
  cycleCount: number,
  source: FieldSource = fieldSource(table),
): MeterUsage => {
  const whatsapp = meter.type === 'whatsapp-pmp' || meter.type === 'whatsapp-cbp';
  const wa = whatsapp ? whatsappUnits(table, meter, cycleOf, cycleCount, source) : null;
  const src = wa ? wa.source : source;
  const filter = compileFilter(meter.where, table, src);
  const by = (meter.by ?? (whatsapp ? WHATSAPP_DEFAULT_BY : [])) as KeyField[];
  const cycles = aggregate({
    cycleOf,
    cycleCount,
    indices: wa ? wa.units : null,
    length: table.columns.length,
    test: filter.always ? null : filter.test,
    byCoder: by.length > 0 ? keyCoder(table, by, src) : null,
    ofCoder: meter.type === 'unique' ? keyCoder(table, meter.of as KeyField[], src) : null,
    value: valueOf(table, meter),
    price: hasVendorPrices(table) ? table.columns.price : null,
  });
  const text = wa ? [wa.note, filter.text].filter((t) => t !== '').join('; ') : filter.text;
  return { meter: name, type: meter.type, filter: text, by, cycles };
};
