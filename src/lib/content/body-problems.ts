/**
 * What is found in a Markdown body: problems the pipeline would refuse to render or would render without some
 * of its text, letters stacked with marks, images without alt text, and the pictures it names (judged on every run, ./findings.ts). Each
 * is placed on its line.
 */
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Html, Image, InlineCode, Parent, Root, Text } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { SKIP, visit } from 'unist-util-visit';
import { isLocalPicture } from './content-files';
import { stackedLetter } from './fields';
import type { Finding } from './findings';
import type { MarkdownFile } from './markdown-file';
import type { Problem } from './problems';
import { NESTING_EXPECTED, nestingProblem } from '../markdown/nesting';
import { droppedContent, unclosedBlocks } from '../markdown/raw-html';
import { withoutControlCharacters } from '../util/typography';

export interface MarkdownRecord extends MarkdownFile {
  /** The body's Markdown tree, parsed on first use only: most bodies need none of the checks that read it. */
  tree: () => Root;
}

export function withTree(file: MarkdownFile): MarkdownRecord {
  let tree: Root | undefined;
  return { ...file, tree: () => (tree ??= fromMarkdown(file.body)) };
}

/** A body the pipeline would refuse to render, or would render without some of its text. */
function renderProblems(record: MarkdownRecord): Problem[] {
  const wrong = nestingProblem(record.body, record.tree);
  if (wrong) return [{ file: record.file, line: record.bodyLine, field: '(body)', wrong, expected: NESTING_EXPECTED }];
  const hidden = /<[!?]/.test(record.body) ? unclosedBlocks(record.tree()) : [];
  return [...droppedContent(record.body), ...hidden].map(({ line, ...problem }) => ({ file: record.file, line: record.bodyLine + line - 1, field: '(body)', ...problem }));
}

/** The blocks whose text runs on as one line of type: a stack cannot cross from one to the next. */
const PHRASING_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/**
 * Where marks written apart could stack on one letter as published: written as character references, or
 * with emphasis, a tag or a comment between them, which the page joins or drops.
 */
const MAY_JOIN = /&(?:#|[A-Za-z])|\p{M}(?:[*_~]|<[^>\n]*>)+\p{M}/u;

/** The text a block of the body publishes: its text and code, references decoded, raw HTML left out. */
function blockText(block: Parent): string {
  let text = '';
  visit(block, (node) => {
    if (node.type === 'text' || node.type === 'inlineCode') text += (node as Text | InlineCode).value;
  });
  return withoutControlCharacters(text);
}

/** A letter of the body stacked with combining marks ("Zalgo" text), whose ink would cover the lines around it. */
function stackedMarkProblems(record: MarkdownRecord): Problem[] {
  const problem = (line: number, stacked: { wrong: string; expected: string }): Problem[] => [{ file: record.file, line, field: '(body)', wrong: stacked.wrong, expected: stacked.expected }];
  const written = withoutControlCharacters(record.body);
  const stacked = stackedLetter(written);
  // Line breaks are not among the characters dropped (and contentText made them all \n): the writer's line.
  if (stacked) return problem(record.bodyLine + (written.slice(0, stacked.index).match(/\n/g)?.length ?? 0), stacked);
  if (!MAY_JOIN.test(record.body)) return [];
  let found: Problem[] = [];
  visit(record.tree(), (node) => {
    if (found.length > 0 || !PHRASING_BLOCKS.has(node.type)) return;
    const joined = stackedLetter(blockText(node as Parent));
    if (joined) found = problem(record.bodyLine + (node.position?.start.line ?? 1) - 1, joined);
    return SKIP;
  });
  return found;
}

/** Images in a Markdown body (Markdown or raw HTML) without alt text, and the pictures of the content folder it names. */
function imageFindings(record: MarkdownRecord): Finding[] {
  const findings: Finding[] = [];
  // Parsing every body is the check's slowest step: skip those with no image at all.
  if (!/!\[|<img/i.test(record.body)) return findings;
  const check = (src: string, hasAlt: boolean, line: number | undefined, shown: string, expected: string) => {
    const at = { line: record.bodyLine + (line ?? 1) - 1, field: '(body)' };
    if (!hasAlt) findings.push({ problem: { file: record.file, ...at, wrong: `${shown} has no alt text`, expected } });
    if (isLocalPicture(src)) findings.push({ picture: { ...at, src } });
  };
  visit(record.tree(), (node) => {
    if (node.type === 'image') {
      const { url, alt } = node as Image;
      check(url, Boolean(alt?.trim()), node.position?.start.line, `image ${url}`, '![a description of the picture](…)');
    }
    if (node.type === 'html') {
      // Read as the pipeline reads raw HTML (an HTML parser, not a pattern), so no spelling of src escapes.
      visit(fromHtml((node as Html).value, { fragment: true }), 'element', (element: Element) => {
        if (element.tagName !== 'img') return;
        const { src, alt } = element.properties;
        check(String(src ?? ''), Boolean(String(alt ?? '').trim()), node.position?.start.line, `<img src="${String(src ?? '')}">`, '<img … alt="a description of the picture">');
      });
    }
  });
  return findings;
}

/** What is found in a body: its problems, and the pictures it names. */
export function bodyFindings(record: MarkdownRecord): Finding[] {
  return [...[...renderProblems(record), ...stackedMarkProblems(record)].map((problem) => ({ problem })), ...imageFindings(record)];
}
