import { site } from '../../config';

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: site.timeZone });

/** "November 23, 2020", in the newsroom's time zone. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}

/** "November 2020" for an archive month key such as `2020/11`. */
export function formatMonth(month: string): string {
  const [year, monthNumber] = month.split('/').map(Number);
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, monthNumber - 1, 15)),
  );
}
