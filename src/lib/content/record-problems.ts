/**
 * The problems of one record (a file's frontmatter, an entry of `headlines.yaml`) against its schema, each on
 * its line: what is wrong, from zod's issue and the value; what is expected, from the wording on the schema
 * (./schema-walk.ts). Also the dates in it that lie in the future.
 */
import type { z } from 'astro/zod';
import { dateTime } from './fields';
import type { Problem } from './problems';
import { expectedAt, fieldsAt, pathsOf, valueAt } from './schema-walk';
import type { Path, YamlSource } from './yaml-source';

function describeType(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value === 'object' ? 'a set of fields' : `a ${typeof value}`;
}

function whatIsWrong(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'missing' : `wrong type: ${describeType(value)}`;
    case 'too_small':
      return Array.isArray(value) ? 'empty list' : 'empty';
    case 'too_big':
      return `too long: ${String(value).length} characters`;
    case 'invalid_value':
      return `unknown value "${String(value)}"`;
    case 'invalid_format':
      return issue.format === 'url' ? `"${String(value)}" is not an http(s) URL` : `"${String(value)}" is not in the expected form`;
    default:
      return issue.message;
  }
}

/** Schema problems of one YAML record, each placed on its line. */
export function schemaProblems(schema: z.ZodType, source: YamlSource, file: string): Problem[] {
  const result = schema.safeParse(source.data);
  if (result.success) return [];
  return result.error.issues.flatMap((issue): Problem[] => {
    const path = issue.path as Path;
    if (issue.code === 'unrecognized_keys') {
      const known = `one of: ${fieldsAt(schema, path).join(', ')}`;
      return issue.keys.map((key) => ({ file, line: source.lineOf([...path, key]), field: [...path, key].join('.'), wrong: 'unknown field', expected: known }));
    }
    const wrong = whatIsWrong(issue, valueAt(source.data, path));
    return [{ file, line: source.lineOf(path), field: path.join('.') || '(file)', wrong, expected: expectedAt(schema, path) ?? issue.message }];
  });
}

/**
 * A date-time found in a record, as the clock judges it: kept apart from the record's other problems, since
 * whether it lies in the future changes while the file does not (./check-cache.ts judges it on every run).
 */
export interface FoundDate {
  line: number;
  field: string;
  /** The value as written. */
  shown: string;
  /** The moment, in milliseconds since 1970. */
  time: number;
}

/** The date-times in any date-time field of the schema; values the schema refuses are its to report. */
export function datesIn(schema: z.ZodType, source: YamlSource): FoundDate[] {
  return pathsOf(dateTime, schema, source.data).flatMap((path) => {
    const value = valueAt(source.data, path);
    const date = dateTime.safeParse(value).data;
    return date ? [{ line: source.lineOf(path), field: path.join('.'), shown: String(value), time: date.getTime() }] : [];
  });
}

/**
 * A date after `latest`: scheduled publishing is not supported, and a date ahead would put a story at the top
 * of every listing, or show it "Updated" in years to come.
 */
export function futureDateProblem(file: string, { line, field, shown, time }: FoundDate, latest: Date): Problem | undefined {
  if (time <= latest.getTime()) return undefined;
  return { file, line, field, wrong: `${shown} is in the future`, expected: `a moment before ${latest.toISOString()} (scheduled publishing is not supported)` };
}

/** Schema problems of one record, and dates in the future. */
export function recordProblems(schema: z.ZodType, source: YamlSource, file: string, latest: Date): Problem[] {
  return [...schemaProblems(schema, source, file), ...datesIn(schema, source).flatMap((date) => futureDateProblem(file, date, latest) ?? [])];
}
