/** Simulation (issue #6): what-if knobs over the real events, plan comparison, multiplier curve, TCO and ROI. */
export * from './knobs';
export { applyKnobs, MAX_SIMULATED_EVENTS, monthsOf, SimulationError, type Resampled } from './resample';
export { comparePlans, explainDifference, type Comparison, type ComparedPlan, type ComparisonRow, type Difference, type DifferenceLine } from './compare';
export { DEFAULT_CURVE, multiplierCurve, multipliers, type Crossing, type Curve, type CurvePoint, type TierJump } from './curve';
export { NO_TERMS, projectTco, TCO_MONTHS, type Tco, type TcoMonth, type TcoOptions, type TcoTerms } from './tco';
export { roi, type Roi, type RoiInput } from './roi';
export { newScenario, parseScenario, SCENARIO_FORMAT, type Scenario, type ScenarioRoi } from './scenario';
export { simulate, type Simulation, type SimulationInput } from './simulate';
