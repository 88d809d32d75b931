/**
 * The plan file (spec section 2, `"format": "tarifa.plan/1"`), as the engine sees it after `parsePlan`.
 * Amounts, prices and percentages are decimal strings; quantities are numbers. Defaults are filled in by parsing.
 */
import type { Rounding } from '../money';

/** A scalar a filter compares with: strings (may hold `*` wildcards) for text fields, numbers for numeric ones. */
export type FilterScalar = string | number | boolean;
/** A value, a list of values (any of), or a negation. */
export type FilterValue = FilterScalar | FilterScalar[] | { not: FilterValue };
/** Field -> value; all keys must match. `hour`/`weekday` take a number or `[from, to]` ranges (inclusive, may wrap). */
export type Filter = Record<string, FilterValue>;

type MeterBase = { where?: Filter; by?: string[] };

export type CountMeter = MeterBase & { type: 'count' };
export type SumMeter = MeterBase & { type: 'sum'; field: string };
export type UniqueMeter = MeterBase & { type: 'unique'; of: string[] };
export type CallTimeMeter = MeterBase & { type: 'call-time'; increments: [number, number] };
/**
 * Which PMP rules apply: '2025-07' (spec section 2: non-template messages and utility templates inside an open
 * customer service window are free), '2026-10' (Meta's change of 2026-10-01: both are charged, non-template messages
 * as `service`), or 'by-date' (each message under the rules in force at its time; the switch is 2026-10-01T00:00Z).
 * Default '2025-07', the contract of spec v1.
 */
export type PmpRules = '2025-07' | '2026-10' | 'by-date';
export type WhatsappPmpMeter = MeterBase & { type: 'whatsapp-pmp'; rules?: PmpRules };
export type WhatsappCbpMeter = MeterBase & { type: 'whatsapp-cbp'; freeServiceConversations?: number };

export type Meter = CountMeter | SumMeter | UniqueMeter | CallTimeMeter | WhatsappPmpMeter | WhatsappCbpMeter;
export type MeterType = Meter['type'];

/** Every charge names a `meter` or gives a fixed `quantity` (flat charges take neither). */
type ChargeBase = { id: string; label: string; meter?: string; quantity?: number; freeUnits?: number };

export type FlatCharge = ChargeBase & { model: 'flat'; amount: string; once?: boolean };
export type StandardCharge = ChargeBase & { model: 'standard'; unitPrice: string; per?: number };
export type PackageCharge = ChargeBase & { model: 'package'; packageSize: number; packagePrice: string };
export type Tier = { upTo: number | null; unitPrice: string; flatFee?: string };
export type GraduatedCharge = ChargeBase & { model: 'graduated'; tiers: Tier[] };
export type VolumeCharge = ChargeBase & { model: 'volume'; tiers: Tier[] };
/**
 * One dated rate card of a `rate-card` charge: in force from `effectiveFrom` (ISO date or date-time; a naive one is
 * read in the plan's time zone) until the next card's. `default` (or a `"default"` key in `rates`, not both) prices keys
 * the card does not list. `currency`, when given, must be the plan's (no conversion).
 */
export type DatedRateCard = { effectiveFrom: string; rates: Record<string, string>; default?: string; currency?: string };
/** Exactly one of `rates` (one card, always in force) or `cards` (dated cards, sorted by `effectiveFrom`). */
export type RateCardCharge = ChargeBase & { model: 'rate-card'; rates?: Record<string, string>; cards?: DatedRateCard[] };

export type Charge = FlatCharge | StandardCharge | PackageCharge | GraduatedCharge | VolumeCharge | RateCardCharge;
export type ChargeModel = Charge['model'];

export type Cap = { amount: string; tolerancePercent?: string; charges: string[] };

export type Plan = {
  format: 'tarifa.plan/1';
  name: string;
  /** One-line description (Tarifa extension). */
  description?: string;
  currency: string;
  cycle: { anchorDay: number; timeZone: string };
  rounding: Rounding;
  meters: Record<string, Meter>;
  charges: Charge[];
  /** Decimal string; "0" when absent. */
  minimumSpend: string;
  cap: Cap | null;
  /** Decimal strings (percent); "0" when absent. */
  discountPercent: string;
  taxPercent: string;
};

/** An issue by path: the English message, and its stable code with parameters for the UI's languages (engine/issue-codes.ts). */
export type PlanIssue = { path: string; message: string; code?: string; params?: Record<string, string> };

export type ParsePlanResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/** What this version of the estimator prices; the rest of the spec is accepted by the schema and then reported. */
export const SUPPORTED_METER_TYPES: readonly MeterType[] = ['count', 'sum', 'unique', 'call-time', 'whatsapp-pmp', 'whatsapp-cbp'];
export const SUPPORTED_CHARGE_MODELS: readonly ChargeModel[] = ['flat', 'standard', 'package', 'graduated', 'volume', 'rate-card'];
