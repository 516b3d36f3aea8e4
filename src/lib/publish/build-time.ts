/**
 * The build's "now", for what depends on when the site is built (the News sitemap's last 48 hours):
 * `SOURCE_DATE_EPOCH`, seconds since 1970-01-01 UTC, when set — the reproducible-builds convention, so that
 * building the same sources at that time writes the same files (the tests build at a fixed time this way);
 * else the clock.
 */
export function buildTime(env: Record<string, string | undefined> = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (!epoch) return new Date();
  if (!/^\d+$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH — "${epoch}" is not a whole number of seconds since 1970-01-01 UTC`);
  return new Date(Number(epoch) * 1000);
}
