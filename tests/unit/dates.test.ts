import { describe, expect, it } from 'vitest';
import { dateFormats } from '../../src/lib/util/date-formats';

// 03:00 UTC on the 24th is still the 23rd in New York.
const lateEvening = new Date('2020-11-24T03:00:00Z');

describe('dateFormats', () => {
  it('writes dates and archive months in English, in the newsroom’s time zone', () => {
    const { formatDate, formatMonth } = dateFormats('en', 'America/New_York');
    expect(formatDate(lateEvening)).toBe('November 23, 2020');
    expect(formatMonth('2020/11')).toBe('November 2020');
    expect(formatMonth('2021/01')).toBe('January 2021');
  });

  it('writes them in Arabic for `ar`, day before month, with the digits the exact tag uses', () => {
    const arabic = dateFormats('ar', 'America/New_York');
    expect(arabic.formatDate(lateEvening)).toBe('23 نوفمبر 2020');
    expect(arabic.formatMonth('2020/11')).toBe('نوفمبر 2020');
    const egyptian = dateFormats('ar-EG', 'America/New_York');
    expect(egyptian.formatDate(lateEvening)).toBe('٢٣ نوفمبر ٢٠٢٠');
    expect(egyptian.formatMonth('2021/01')).toBe('يناير ٢٠٢١');
  });
});
