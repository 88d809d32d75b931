/** Whether `tz` is a time zone this runtime knows: an IANA name such as America/Sao_Paulo, or UTC. */
export const isTimeZone = (tz: unknown): tz is string => {
  if (typeof tz !== 'string' || tz === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};
