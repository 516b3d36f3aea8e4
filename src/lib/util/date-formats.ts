/**
 * Dates as a language writes them, in a time zone: the rule, apart from the site's config so that the search
 * page's script can format its results' dates in the browser with it (dates.ts binds it to the site).
 */
export function dateFormats(lang: string, timeZone: string) {
  const longDate = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone });
  const shortDateTime = new Intl.DateTimeFormat(lang, { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone });
  // An archive month is a calendar month, not an instant: formatted mid-month in UTC, it is that month anywhere.
  const monthOfYear = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return {
    /** "November 23, 2020"; "23 نوفمبر 2020" in Arabic. */
    formatDate: (date: Date): string => longDate.format(date),
    /** "Nov 23, 2020, 12:00 AM EST", naming the newsroom's time zone (a reader may be elsewhere). */
    formatDateTime: (date: Date): string => shortDateTime.format(date),
    /** "November 2020" for an archive month key such as `2020/11`. */
    formatMonth: (month: string): string => {
      const [year, monthNumber] = month.split('/').map(Number);
      return monthOfYear.format(new Date(Date.UTC(year, monthNumber - 1, 15)));
    },
  };
}
