/** Rate cards: dated schedules, Meta market names, and building `rate-card` charges from imported cards. */
export { cardIndexAt, cardSchedule, effectiveInstant, rateOnCard, type ScheduledCard } from './schedule';
export { categoryOfHeading, marketIdOfName } from './market-names';
export { rateCardCharge, withCards, type BuildChargeResult, type CardFrom, type ImportedRateCard } from './build-charge';
