import { site } from '../config';

const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: site.timeZone });

/** "November 23, 2020", in the newsroom's time zone. */
export function formatDate(date: Date): string {
  return longDate.format(date);
}
