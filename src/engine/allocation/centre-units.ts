/**
 * How many units of a meter each centre drove, per cycle and key (the meter's `by` values, '' without `by`).
 *
 * - count, sum, call-time and the WhatsApp meters add up per event, so the meter is measured again by the engine's
 *   own `measureMeter` with `by` extended by a derived `centre` field (rules/attribute.ts): every event's value (and
 *   every charged WhatsApp message or conversation-opening message) goes to the centre of that event. Each key's
 *   units over the centres add up to the key's usage in the estimate.
 * - unique meters count distinct units, which can be made up of events of several centres: unique-units.ts hands each
 *   unit to its centres under the `multiCentre` policy.
 * Index k < centreCount of `units` is centre k; index centreCount holds the units of events no rule matched.
 */
import { measureMeter } from '../meters/measure';
import { SAMPLE_SIZE } from '../meters/usage';
import { WHATSAPP_DEFAULT_BY } from '../meters/whatsapp/whatsapp-meter';
import { quantityToDecimal } from '../money';
import type { Meter } from '../plan/types';
import { CENTRE_FIELD, centreOfLabel, centreSource, centreText } from '../rules/attribute';
import { emptyKeyUnits, slotOf, type CentreUnits, type CentreUnitsInput, type KeyCentreUnits } from './key-units';
import { uniqueCentreUnits } from './unique-units';

export type { CentreUnits, CentreUnitsInput, KeyCentreUnits } from './key-units';

const texts = new WeakMap<Int32Array, ReturnType<typeof centreText>>();

export const measureCentreUnits = (name: string, meter: Meter, input: CentreUnitsInput): CentreUnits => {
  if (meter.type === 'unique') return uniqueCentreUnits(meter, input);
  const { table, cycleOf, cycleCount, source, centres, centreCount } = input;
  let text = texts.get(centres);
  if (!text) texts.set(centres, (text = centreText(centres, centreCount)));
  const whatsapp = meter.type === 'whatsapp-pmp' || meter.type === 'whatsapp-cbp';
  const by = meter.by ?? (whatsapp ? WHATSAPP_DEFAULT_BY : []);
  const measured = measureMeter(table, name, { ...meter, by: [...by, CENTRE_FIELD] }, cycleOf, cycleCount, centreSource(source, text));
  const zero = quantityToDecimal(0);
  return measured.cycles.map((cycle) => {
    const out = new Map<string, KeyCentreUnits>();
    for (const k of cycle.keys) {
      const cut = k.key.lastIndexOf(':');
      const key = cut < 0 ? '' : k.key.slice(0, cut);
      const slot = slotOf(centreOfLabel(k.key.slice(cut + 1)), centreCount);
      let entry = out.get(key);
      if (!entry) out.set(key, (entry = emptyKeyUnits(centreCount, zero)));
      entry.units[slot] = entry.units[slot].plus(quantityToDecimal(k.quantity));
      entry.samples[slot] = [...entry.samples[slot], ...k.sampleEvents].sort((a, b) => a - b).slice(0, SAMPLE_SIZE);
    }
    return out;
  });
};
