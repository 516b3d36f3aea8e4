/** A content problem an editor can act on: where, which field, what is wrong, what is expected. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  wrong: string;
  expected: string;
}

/** `content/articles/x.md:4 section — unknown value "sports" — one of: world, politics, …` */
export function formatProblem({ file, line, field, wrong, expected }: Problem): string {
  return `${file}:${line} ${field} — ${wrong} — ${expected}`;
}

export function formatReport(problems: readonly Problem[]): string {
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in the content:\n${problems.map(formatProblem).join('\n')}`;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(formatReport(problems));
    this.name = 'ContentError';
    // The report says all an editor needs; Astro prints a stack trace of Broadsheet's code after any error that has one.
    this.stack = '';
  }
}
