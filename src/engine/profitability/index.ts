export * from './types';
export { CONTRACT_FORMAT, MAX_CATEGORIES, parseContract } from './contract';
export { clientUsage, periodsOf } from './usage';
export { checkContract, checkPeriod, roundDownToCent, roundDownToTen, usageFigures } from './check';
