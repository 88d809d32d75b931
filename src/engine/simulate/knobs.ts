/**
 * What-if knobs of a simulation (issue #6). Factors and percentages are decimal strings as written in a scenario file;
 * they scale event counts, not money, so the resampling reads them as numbers (resample.ts). Money never passes
 * through them: prices stay the plan's decimals.
 */

/** Fields a scale factor may select events by. */
export const SCALE_FIELDS = ['category', 'channel', 'kind', 'queue', 'direction', 'country'] as const;
export type ScaleField = (typeof SCALE_FIELDS)[number];

/** Scale the events whose `field` equals `value` by `factor` (on top of the global `scale`). */
export type ScaleFactor = { field: ScaleField; value: string; factor: string };
/** A campaign: every event of the local month `month` (YYYY-MM) is scaled by 1 + percent / 100 (+300% = 4x). */
export type Spike = { month: string; percent: string };
/** Change of category mix: `percent` % of the contacts' `from`-category events become `to`. */
export type MixShift = { from: string; to: string; percent: string };

export type Knobs = {
  /** Factor on every event ("1" = as measured). */
  scale: string;
  factors: ScaleFactor[];
  /** Compound monthly growth in percent: the k-th month after the data's first month is scaled by (1 + g/100)^k. */
  growthPercent: string;
  spikes: Spike[];
  mix: MixShift[];
  /** Agents added to the team: they take over a share of the contacts (seats grow, volume does not). */
  extraAgents: number;
  /** Numbers (channels) added: they take over a share of the contacts (per-number meters grow, volume does not). */
  extraNumbers: number;
};

export const NEUTRAL_KNOBS: Knobs = {
  scale: '1', factors: [], growthPercent: '0', spikes: [], mix: [], extraAgents: 0, extraNumbers: 0,
};

/** True when the knobs leave the events as they are (the resampling then returns the table itself). */
export const isNeutral = (k: Knobs): boolean =>
  Number(k.scale) === 1 && k.factors.every((f) => Number(f.factor) === 1) && Number(k.growthPercent) === 0
  && k.spikes.every((s) => Number(s.percent) === 0) && k.mix.every((m) => Number(m.percent) === 0 || m.from === m.to)
  && k.extraAgents === 0 && k.extraNumbers === 0;

/** Factor of a spike percent: "+300" -> 4. */
export const spikeFactor = (percent: string): number => 1 + Number(percent) / 100;

/** Growth factor after `months` months at `growthPercent` % a month, compounded. */
export const growthFactor = (growthPercent: string, months: number): number => (1 + Number(growthPercent) / 100) ** months;
