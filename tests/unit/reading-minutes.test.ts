import { describe, expect, it } from 'vitest';
import { readingMinutes } from '../../src/lib/markdown/reading-minutes';

describe('readingMinutes', () => {
  it('counts words at 230 a minute, ignoring markup, at least one', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(Array.from({ length: 690 }, () => 'word').join(' '))).toBe(3);
    expect(readingMinutes('<p><a href="https://example.org/a/very/long/url">a link</a> <b>bold</b> &#x26; — <!--picture:0--></p>')).toBe(1);
    expect(readingMinutes(`<p>${'word '.repeat(345)}</p><ul><li>${'word '.repeat(345)}</li></ul>`)).toBe(3);
  });
});
