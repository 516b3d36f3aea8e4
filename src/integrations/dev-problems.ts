/**
 * `astro dev` only (added by ./content-check.ts): while the content has problems, every page carries a notice
 * listing them, and a page that cannot be rendered because of them (an article naming an unknown author, say)
 * shows the list instead of a stack trace. Once the files are fixed, pages are served as they are.
 */
import type { MiddlewareHandler } from 'astro';
import { escapeXml } from '../lib/publish/feeds';
import { formatProblem, formatReport, type Problem } from '../lib/content/problems';
import { withTrailingSlash } from '../lib/util/urls';

// The integration and this middleware are loaded apart (Astro's config loader, Vite's module runner) into one
// process: the list is handed over on the global object.
const PROBLEMS = Symbol.for('broadsheet:content-problems');
type WithProblems = typeof globalThis & { [PROBLEMS]?: readonly Problem[] };

export function publishProblems(problems: readonly Problem[]): void {
  (globalThis as WithProblems)[PROBLEMS] = problems;
}

/** "3 problems in the content", as the terminal report begins. */
const heading = (problems: readonly Problem[]) => formatReport(problems).split('\n', 1)[0]!.replace(/:$/, '');

/** The list as HTML; problems quote content, which is untrusted, so every character of them is escaped. */
function problemList(problems: readonly Problem[]): string {
  const items = problems.map((problem) => `<li><code>${escapeXml(formatProblem(problem))}</code></li>`).join('');
  return `<p><strong>${escapeXml(heading(problems))}:</strong> this page reloads when a file is saved.</p><ul style="margin:0.5em 0 0;padding-left:1.2em">${items}</ul>`;
}

// Inline styles: the site's stylesheet has no place for this, and `astro dev` sends no Content-Security-Policy.
const BOX = 'margin:0;padding:1em 1.5em;background:#fff4e5;color:#3d2600;border-bottom:3px solid #b35c00;font:15px/1.5 system-ui,sans-serif;overflow-wrap:anywhere';

function notice(problems: readonly Problem[]): string {
  return `<aside role="alert" data-content-problems style="${BOX}">${problemList(problems)}</aside>`;
}

/** Instead of a page that failed because of the problems. Vite's client reloads it when a file changes. */
function problemsPage(problems: readonly Problem[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeXml(heading(problems))}</title>
<script type="module" src="${withTrailingSlash(import.meta.env.BASE_URL)}@vite/client"></script></head>
<body style="margin:0"><main data-content-problems style="${BOX}"><h1 style="font-size:1.3em">This page cannot be shown until the content is fixed</h1>${problemList(problems)}</main></body></html>`;
}

export const onRequest: MiddlewareHandler = async (_context, next) => {
  const problems = (globalThis as WithProblems)[PROBLEMS] ?? [];
  if (problems.length === 0) return next();
  try {
    const response = await next();
    if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
    // Read here, not streamed: an error while rendering then still lands in the catch below.
    const html = (await response.text()).replace(/<body[^>]*>/, (body) => body + notice(problems));
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    return new Response(html, { status: response.status, statusText: response.statusText, headers });
  } catch {
    return new Response(problemsPage(problems), { status: 500, headers: { 'content-type': 'text/html; charset=utf-8' } });
  }
};
