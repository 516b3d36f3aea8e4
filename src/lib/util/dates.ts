import { site } from '../../config';

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: site.timeZone });

/** "November 23, 2020", in the newsroom's time zone. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

const shortDateTime = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
  timeZone: site.timeZone,
});

/** "Nov 23, 2020, 12:00 AM EST", in the newsroom's time zone, which it names (a reader may be elsewhere). */
export function formatDateTime(date: Date): string {
  return shortDateTime.format(date);
}

/** "November 2020" for an archive month key such as `2020/11`. */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('/').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 15)),
  );
}
