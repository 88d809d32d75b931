/** Units per centre of one key of a meter in one cycle, and the inputs of measuring them (centre-units.ts). */
import type { EventTable } from '../events';
import type { FieldSource } from '../fields/field-source';
import type { Big } from '../money';
import { UNATTRIBUTED } from '../rules/attribute';
import type { MultiCentrePolicy } from '../rules/types';

export type KeyCentreUnits = {
  /** Units per centre; the last entry is the unattributed units. */
  units: Big[];
  /** Up to SAMPLE_SIZE table indices per centre (same indexing). */
  samples: number[][];
};

/** Per cycle (indexed like the cycle boundaries), per key. */
export type CentreUnits = Map<string, KeyCentreUnits>[];

export type CentreUnitsInput = {
  table: EventTable;
  cycleOf: Int32Array;
  cycleCount: number;
  source: FieldSource;
  /** Centre index of each event, or UNATTRIBUTED (rules/attribute.ts). */
  centres: Int32Array;
  centreCount: number;
  multiCentre: MultiCentrePolicy;
};

/** Slot of a centre code in `units`/`samples`. */
export const slotOf = (centre: number, centreCount: number): number => (centre === UNATTRIBUTED ? centreCount : centre);

export const emptyKeyUnits = (centreCount: number, zero: Big): KeyCentreUnits => ({
  units: Array.from({ length: centreCount + 1 }, () => zero),
  samples: Array.from({ length: centreCount + 1 }, () => []),
});
