/**
 * Unique meters per centre: each distinct unit (a combination of the `of` fields within a cycle and key) goes to the
 * centres of the events that make it up. Events no rule matched only decide a unit none of whose events is attributed
 * (then the whole unit is unattributed). With several centres, `multiCentre`:
 * - `even`: the unit is split equally among its centres;
 * - `first` / `last`: the whole unit goes to the centre of its earliest / latest attributed event (ties: table order);
 * - `weighted`: split in proportion to the number of its attributed events per centre.
 * Shares are summed exactly: whole units as counts, fractions n/N grouped by (n, N) and converted to decimals once.
 */
import { keyCoder } from '../meters/key-coder';
import { compileFilter } from '../filters';
import type { KeyField } from '../fields/field-source';
import { SAMPLE_SIZE } from '../meters/usage';
import { Dec } from '../money';
import type { UniqueMeter } from '../plan/types';
import { UNATTRIBUTED } from '../rules/attribute';
import { emptyKeyUnits, slotOf, type CentreUnits, type CentreUnitsInput, type KeyCentreUnits } from './key-units';

type Unit = {
  /** Centre of the first event seen, while all events seen have the same centre; then counts holds them all. */
  only: number;
  /** Events seen while `counts` is null. */
  n: number;
  counts: Map<number, number> | null;
  /** Earliest / latest attributed event (table index), -1 when none. */
  first: number;
  last: number;
};

type KeyAcc = { units: Map<number, Unit>; samples: number[][] };

/** Fractions per slot: "n/N" -> how many units gave the slot n/N. */
type Fractions = Map<string, number>[];

const attributedCounts = (unit: Unit): [number, number][] => {
  const entries: [number, number][] = unit.counts ? [...unit.counts] : [[unit.only, unit.n]];
  return entries.filter(([c]) => c !== UNATTRIBUTED).sort((a, b) => a[0] - b[0]);
};

export const uniqueCentreUnits = (meter: UniqueMeter, input: CentreUnitsInput): CentreUnits => {
  const { table, cycleOf, cycleCount, source, centres, centreCount, multiCentre } = input;
  const ts = table.columns.timestamp;
  const filter = compileFilter(meter.where, table, source);
  const by = (meter.by ?? []) as KeyField[];
  const byCoder = by.length > 0 ? keyCoder(table, by, source) : null;
  const ofCoder = keyCoder(table, meter.of as KeyField[], source);
  const accs: Map<number, KeyAcc>[] = Array.from({ length: cycleCount }, () => new Map());

  for (let i = 0; i < table.columns.length; i++) {
    const c = cycleOf[i];
    if (c < 0 || (!filter.always && !filter.test(i))) continue;
    const of = ofCoder.keyOf(i);
    if (of === 0) continue;
    const byKey = byCoder ? byCoder.keyOf(i) : 0;
    let acc = accs[c].get(byKey);
    if (!acc) accs[c].set(byKey, (acc = { units: new Map(), samples: Array.from({ length: centreCount + 1 }, () => []) }));
    const centre = centres[i];
    const samples = acc.samples[slotOf(centre, centreCount)];
    if (samples.length < SAMPLE_SIZE) samples.push(i);
    let unit = acc.units.get(of);
    if (!unit) acc.units.set(of, (unit = { only: centre, n: 1, counts: null, first: -1, last: -1 }));
    else if (unit.counts) unit.counts.set(centre, (unit.counts.get(centre) ?? 0) + 1);
    else if (unit.only === centre) unit.n += 1;
    else unit.counts = new Map([[unit.only, unit.n], [centre, 1]]);
    if (centre !== UNATTRIBUTED) {
      if (unit.first < 0 || ts[i] < ts[unit.first]) unit.first = i;
      if (unit.last < 0 || ts[i] >= ts[unit.last]) unit.last = i;
    }
  }

  return accs.map((byKeys) => {
    const out = new Map<string, KeyCentreUnits>();
    for (const [byKey, acc] of byKeys) {
      const whole = new Array<number>(centreCount + 1).fill(0);
      const fractions: Fractions = Array.from({ length: centreCount + 1 }, () => new Map());
      const addFraction = (slot: number, n: number, d: number) => {
        const f = `${n}/${d}`;
        fractions[slot].set(f, (fractions[slot].get(f) ?? 0) + 1);
      };
      for (const unit of acc.units.values()) {
        if (!unit.counts) {
          whole[slotOf(unit.only, centreCount)] += 1;
          continue;
        }
        const counts = attributedCounts(unit);
        if (counts.length === 0) whole[centreCount] += 1;
        else if (counts.length === 1) whole[counts[0][0]] += 1;
        else if (multiCentre === 'first') whole[centres[unit.first]] += 1;
        else if (multiCentre === 'last') whole[centres[unit.last]] += 1;
        else if (multiCentre === 'even') for (const [c] of counts) addFraction(c, 1, counts.length);
        else {
          const total = counts.reduce((s, [, n]) => s + n, 0);
          for (const [c, n] of counts) addFraction(c, n, total);
        }
      }
      const entry = emptyKeyUnits(centreCount, new Dec(0));
      entry.units = whole.map((w, slot) => {
        let sum = new Dec(w);
        for (const [f, count] of fractions[slot]) {
          const [n, d] = f.split('/').map(Number);
          sum = sum.plus(new Dec(n).times(count).div(d));
        }
        return sum;
      });
      entry.samples = acc.samples;
      out.set(byCoder ? byCoder.label(byKey) : '', entry);
    }
    return out;
  });
};
