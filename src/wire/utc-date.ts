/**
 * A UTC date from the six fields a timestamp was read into — year, month (1-12), day, hour, minute, second — or
 * undefined when the day, month or hour is out of range: Date.UTC rolls 2024-02-30 over to March and month 13
 * into the next year, so a date that does not read back the same is refused rather than moved.
 */
export function utcDate(fields: readonly number[], ms = 0): Date | undefined {
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = fields;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return date.getUTCDate() === day && date.getUTCMonth() === month - 1 && date.getUTCHours() === hour
    ? date
    : undefined;
}
