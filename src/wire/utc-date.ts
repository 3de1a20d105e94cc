/**
 * A UTC date from the six fields a timestamp was read into — year, month (1-12), day, hour, minute, second — or
 * undefined when any of them is out of range: Date.UTC rolls 2024-02-30 over to March, month 13 into the next
 * year and second 75 into the next minute, so a date that does not read back the same is refused rather than
 * moved. A leap second (:60) is refused too: neither source produces one (X-Sdk-Date is written from Date,
 * which counts none; ECS metadata's expires_at is an issue time plus a lifetime), and Date cannot hold one.
 */
export function utcDate(fields: readonly number[], ms = 0): Date | undefined {
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN] = fields;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  const readBack = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return readBack.every((field, index) => field === fields[index]) ? date : undefined;
}
