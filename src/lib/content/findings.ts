/**
 * What the content check finds in one Markdown file, split by what it depends on: problems that follow from
 * the file's bytes alone, and what must be judged again on every run because it can change while the file
 * does not: a date (against the clock) and a picture the file names (against the file system). The check
 * keeps findings between runs (./check-cache.ts) and judges them every time (`judge`), with or without a cache.
 */
import { pictureUseProblem, type PictureUse } from './content-files';
import type { Problem } from './problems';
import { datesIn, futureDateProblem, schemaProblems, type FoundDate } from './record-problems';
import type { z } from 'astro/zod';
import type { YamlSource } from './yaml-source';

export type Finding = { problem: Problem } | { date: FoundDate } | { picture: PictureUse };

/** A record's schema problems, then its dates (judged by `judge` against the clock). */
export function recordFindings(schema: z.ZodType, source: YamlSource, file: string): Finding[] {
  return [...schemaProblems(schema, source, file).map((problem) => ({ problem })), ...datesIn(schema, source).map((date) => ({ date }))];
}

/** Where and when findings are judged: the file's folder, the content folder, and the latest date allowed. */
export interface Judging {
  folder: string;
  root: string;
  latest: Date;
}

/** The problems of the findings of `file`, in their order: dates in the future, pictures that may not be published. */
export function judge(findings: readonly Finding[], file: string, { folder, root, latest }: Judging): Problem[] {
  return findings.flatMap((finding) => {
    if ('problem' in finding) return [finding.problem];
    if ('date' in finding) return futureDateProblem(file, finding.date, latest) ?? [];
    return pictureUseProblem(file, finding.picture, folder, root) ?? [];
  });
}
