import { site } from '../../config';
import { dateFormats } from './date-formats';

/** Dates in the site's language (`lang`) and the newsroom's time zone. */
export const { formatDate, formatDateTime, formatMonth } = dateFormats(site.lang, site.timeZone);
