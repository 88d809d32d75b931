/**
 * Follow-up dates: an offer marked sent is followed up 7 days later (same local time, DST-correct).
 */
import { DateTime } from 'luxon';

export const FOLLOW_UP_DAYS = 7;

export const followUpDue = (sentAt: number, timeZone: string, days = FOLLOW_UP_DAYS): number =>
  DateTime.fromMillis(sentAt, { zone: timeZone }).plus({ days }).toMillis();
