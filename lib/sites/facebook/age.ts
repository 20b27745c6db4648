/**
 * Facebook writes a comment's time only as its age, in the page's language, in the timestamp
 * link: "22h", "3d", "1w", "5m"; "22 ч", "3 дн.", "1 нед.", "5 мин". Read back, the age gives
 * the comment's time to within the unit it is written in, which is what the queue needs to say
 * how long a customer has waited.
 */
const MINUTE = 60_000;
const UNITS: Record<string, number> = {
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  h: 60 * MINUTE,
  hr: 60 * MINUTE,
  hrs: 60 * MINUTE,
  d: 1440 * MINUTE,
  w: 7 * 1440 * MINUTE,
  y: 365 * 1440 * MINUTE,
  мин: MINUTE,
  ч: 60 * MINUTE,
  д: 1440 * MINUTE,
  дн: 1440 * MINUTE,
  н: 7 * 1440 * MINUTE,
  нед: 7 * 1440 * MINUTE,
  г: 365 * 1440 * MINUTE,
};
const AGE = /^(\d{1,4})\s?([a-zа-я]{1,4})\.?$/i;
const JUST_NOW = /^(just now|только что)$/i;

/** The age a timestamp link shows, in milliseconds; null for anything else (a date, a name). */
export function ageOf(text: string): number | null {
  const trimmed = text.trim();
  if (JUST_NOW.test(trimmed)) return 0;
  const match = AGE.exec(trimmed);
  if (!match) return null;
  const unit = UNITS[match[2]!.toLowerCase()];
  return unit === undefined ? null : Number(match[1]) * unit;
}

/** The time a comment was written, from the age its timestamp link shows, seen at `now`. */
export function timeFromAge(text: string, now: number): string | undefined {
  const age = ageOf(text);
  return age === null ? undefined : new Date(now - age).toISOString();
}
