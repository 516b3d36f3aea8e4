// The content check reads what a field must hold from the schema: a field added there alone is reported rightly.
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { dateTime, displayText, expecting } from '../../src/lib/content/fields';
import { readHeadlineFile } from '../../src/lib/content/headlines-loader';
import { formatProblem } from '../../src/lib/content/problems';
import { recordProblems } from '../../src/lib/content/record-problems';
import { expectedAt, fieldsAt } from '../../src/lib/content/schema-walk';
import { articleSchema, headlineEntrySchema } from '../../src/lib/content/schemas';
import { readYaml } from '../../src/lib/content/yaml-source';

const latest = new Date('2026-01-02T00:00:00Z');
const frontmatter = 'title: A synthetic title\ndek: A synthetic dek.\nkicker: Test Fixture\nsection: world\nauthors: [tester]\npublished: 2024-01-01T00:00:00Z\n';

describe('a field added to the schema alone', () => {
  // Nothing but the schema knows these fields: no table, no list of dates.
  const schema = articleSchema(z.string()).safeExtend({
    subtitle: displayText('subtitle', 80, { is: 'a subtitle' }),
    embargo: dateTime.optional(),
    factbox: expecting(z.object({ heading: displayText('heading', 60), lines: z.array(displayText('line', 200)) }).strict().optional(), '{ heading: …, lines: [ … ] }'),
  });
  const report = (fields: string) => recordProblems(schema, readYaml(`${frontmatter}${fields}`, 2), 'a.md', latest).map(formatProblem);

  it('passes when it holds what it must', () => {
    expect(report('subtitle: A synthetic subtitle\nembargo: 2024-01-02T00:00:00Z\nfactbox: { heading: H, lines: [One] }\n')).toEqual([]);
  });

  it('is reported missing, of the wrong type, too long or empty, with the wording made from its limit', () => {
    expect(report('')).toEqual(['a.md:2 subtitle — missing — a subtitle of 1–80 characters']);
    expect(report('subtitle: 3\n')).toEqual(['a.md:8 subtitle — wrong type: a number — a subtitle of 1–80 characters']);
    expect(report(`subtitle: ${'x'.repeat(81)}\n`)).toEqual(['a.md:8 subtitle — too long: 81 characters — a subtitle of 1–80 characters']);
    expect(report('subtitle: " "\n')).toEqual(['a.md:8 subtitle — empty — a subtitle of 1–80 characters']);
  });

  it('is listed among the fields when an unknown one is met, at the top and inside an object', () => {
    expect(report('subtitle: S\nsubtitel: S\n')).toEqual([
      'a.md:9 subtitel — unknown field — one of: title, dek, kicker, section, authors, published, updated, tags, related, draft, image, updates, sources, subtitle, embargo, factbox',
    ]);
    expect(report('subtitle: S\nfactbox: { heading: H, lines: [], colour: red }\n')).toEqual(['a.md:9 factbox.colour — unknown field — one of: heading, lines']);
  });

  it('as a date-time: its form checked, and held against the clock like every other date', () => {
    expect(report('subtitle: S\nembargo: 2024-01-02\n')).toEqual(['a.md:9 embargo — "2024-01-02" has no time zone — a date-time with zone, e.g. 2020-11-23T09:00:00-05:00']);
    expect(report('subtitle: S\nembargo: 2999-01-01T00:00:00Z\n')).toEqual([
      'a.md:9 embargo — 2999-01-01T00:00:00Z is in the future — a moment before 2026-01-02T00:00:00.000Z (scheduled publishing is not supported)',
    ]);
  });

  it('as an object: a part without wording of its own is reported with the wording of the field', () => {
    expect(report('subtitle: S\nfactbox: { heading: H, lines: [""] }\n')).toEqual(['a.md:9 factbox.lines.0 — empty — { heading: …, lines: [ … ] }']);
  });
});

describe('the wording of what a field holds, read from the schema', () => {
  const article = articleSchema(z.string());

  it('is the nearest along the path: a field, a part with its own, a wrapped date', () => {
    expect(expectedAt(article, ['tags', 3])).toBe('a list of tags, each at most 100 lowercase letters, digits and single hyphens, e.g. putin-biden-win');
    expect(expectedAt(article, ['image', 'alt'])).toBe('alt text describing the picture');
    expect(expectedAt(article, ['image', 'caption'])).toBe('{ src: ./picture.jpg, alt: a description of the picture, caption: …, credit: … }');
    expect(expectedAt(article, ['updated'])).toBe('a date-time with zone, e.g. 2020-11-23T09:00:00-05:00, not earlier than published');
    expect(expectedAt(headlineEntrySchema, ['url'])).toBe('an absolute http(s) URL');
    expect(expectedAt(article, [])).toBeUndefined();
  });

  it('lists the fields of an object at a path, and none where there is no object', () => {
    expect(fieldsAt(article, ['updates', 0])).toEqual(['date', 'kind', 'note']);
    expect(fieldsAt(article, ['title'])).toEqual([]);
    expect(fieldsAt(article, ['nowhere', 'else'])).toEqual([]);
  });
});

describe('the headline file reader words an entry from its schema', () => {
  it('naming the fields an entry must and may have, and what a title holds', () => {
    const entry = 'an entry with kicker, title and dek (and optional url, date, section, tags)';
    expect(readHeadlineFile('- just text\n', 'h.yaml').problems).toMatchObject([{ expected: entry }]);
    expect(readHeadlineFile('- a: [\n', 'h.yaml').problems).toMatchObject([{ expected: `a list of entries, ${entry} each` }]);
    expect(readHeadlineFile('- kicker: K\n', 'h.yaml').problems).toMatchObject([{ field: 'title', wrong: 'missing', expected: 'a headline of 1–200 characters' }]);
  });
});
