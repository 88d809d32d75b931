/**
 * The engine's public surface. Typical use (worker, CLI):
 *   const parsed = parsePlan(JSON.parse(text));
 *   if (!parsed.ok) report(parsed.issues);            // [{ path: 'charges[2].tiers[1].upTo', message: '…' }]
 *   else estimatePlan(table, parsed.plan, { now });    // Estimate (estimate/types.ts)
 */
export * from './events';
export type { CapResult, CycleEstimate, CycleProjection, Estimate, EstimateLine, LineExplanation } from './estimate/types';
export { estimatePlan, tryEstimatePlan, type EstimateOptions } from './estimate/estimate';
export { MINIMUM_SPEND_CHARGE } from './estimate/lines';
export { CAP_CHARGE } from './estimate/cap';
export { isPricingError, PricingError } from './estimate/pricing-error';
export { DERIVED_FIELDS, fieldSource, type DerivedField, type FieldSource, type KeyField } from './fields/field-source';
export { KNOWN_MARKETS, marketOf } from './markets/market';
export { MARKET_GROUPS, MARKET_ROWS, type MarketRow } from './markets/market-table';
export { parsePlan } from './plan/validate';
export type * from './plan/types';
export { SUPPORTED_CHARGE_MODELS, SUPPORTED_METER_TYPES } from './plan/types';
export { compileFilter, renderFilter, type CompiledFilter, type EventPredicate } from './filters';
export { measureMeter, type CycleUsage, type KeyUsage, type MeterUsage } from './meters/measure';
export { bucketByCycle, cycleBoundaries, cycleIndexOf, cycleStartOf, type CycleRule } from './time/cycles';
export {
  dec,
  DEFAULT_ROUNDING,
  formatDecimal,
  groupThousands,
  isDecimalString,
  money,
  quantityToDecimal,
  QUANTITY_DECIMALS,
  roundDecimal,
  ROUNDING_MODES,
  type Rounding,
  type RoundingMode,
} from './money';
export * from './allocation';
export * as simulation from './simulate';
export * from './profitability';
export * from './offers';
