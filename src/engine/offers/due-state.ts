/**
 * Whether a task is overdue, due today or upcoming, by the local calendar day in the user's time zone. Intl only (no
 * date library), so the UI can use it without loading one.
 */
export type DueState = 'overdue' | 'today' | 'upcoming';

const dayKeys = new Map<string, Intl.DateTimeFormat>();

/** "2026-11-22": the local calendar day of `ms` in `timeZone` (en-CA formats dates as YYYY-MM-DD). */
export const localDay = (ms: number, timeZone: string): string => {
  let fmt = dayKeys.get(timeZone);
  if (!fmt) dayKeys.set(timeZone, (fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return fmt.format(ms);
};

export const dueState = (due: number, now: number, timeZone: string): DueState => {
  const d = localDay(due, timeZone);
  const today = localDay(now, timeZone);
  return d < today ? 'overdue' : d === today ? 'today' : 'upcoming';
};
