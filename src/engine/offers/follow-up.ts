/**
 * Follow-up dates: an offer marked sent is followed up 7 days later (same local time, DST-correct), and a task is
 * overdue, due today or upcoming by the local calendar day in the user's time zone.
 */
import { DateTime } from 'luxon';

export const FOLLOW_UP_DAYS = 7;

export const followUpDue = (sentAt: number, timeZone: string, days = FOLLOW_UP_DAYS): number =>
  DateTime.fromMillis(sentAt, { zone: timeZone }).plus({ days }).toMillis();

export type DueState = 'overdue' | 'today' | 'upcoming';

export const dueState = (due: number, now: number, timeZone: string): DueState => {
  const today = DateTime.fromMillis(now, { zone: timeZone }).startOf('day');
  const tomorrow = today.plus({ days: 1 });
  if (due < today.toMillis()) return 'overdue';
  if (due < tomorrow.toMillis()) return 'today';
  return 'upcoming';
};
