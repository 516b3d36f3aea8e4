/**
 * The one reader of content files, for the content check and the loaders alike: what may be read, how bytes
 * become text, and how a Markdown file becomes its id, its frontmatter (YAML with lines) and its body.
 */
import { basename } from 'node:path';
import { contentFileProblem, unreadableFile } from './content-files.ts';
import type { Problem } from './problems.ts';
import { readYaml, type YamlSource } from './yaml-source.ts';

/**
 * The text of a content file, from its bytes, as every reader of content takes it: without a leading
 * byte-order mark and with LF line endings (CRLF from Windows editors, CR alone from old Mac ones), so
 * neither hides the frontmatter nor shifts a reported line.
 */
export function contentText(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes).replace(/\r\n?/g, '\n'); // TextDecoder drops the mark; Buffer's toString would not
}

/** A Markdown file's frontmatter (YAML text) and body, with the line the body starts on. */
export interface MarkdownParts {
  frontmatter: string;
  body: string;
  bodyLine: number;
}

/** Splits a content file's text (as `contentText` gives it) at its `---` fences; undefined when it does not start with frontmatter. */
export function splitMarkdown(text: string): MarkdownParts | undefined {
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1], body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** A Markdown file's id (its name without `.md`: the URL slug), fields read as YAML with their lines, and body. */
export interface MarkdownFile {
  id: string;
  /** The file's path as reports name it. */
  file: string;
  source: YamlSource;
  body: string;
  bodyLine: number;
}

/** The id of a Markdown content file (also its URL slug): its name without `.md`. */
export const idOf = (path: string) => basename(path).replace(/\.md$/, '');

/** Why the content file at `path` may not be read (see `contentFileProblem`), as reported; undefined if it may. */
export function refusedFile(path: string, root: string, file: string): Problem | undefined {
  const why = contentFileProblem(path, root);
  return why ? unreadableFile(file, why) : undefined;
}

/**
 * Reads a Markdown content file's text (`file` is its path as reported), or says why it cannot. The content
 * check and the loaders take the same steps: `refusedFile`, then the bytes read, `contentText` and this.
 */
export function readMarkdown(text: string, file: string): MarkdownFile | { problem: Problem } {
  const parts = splitMarkdown(text);
  if (!parts) {
    return { problem: { file, line: 1, field: '(frontmatter)', wrong: 'missing', expected: 'the file to start with a --- block of fields, closed by ---' } };
  }
  const source = readYaml(parts.frontmatter, 2);
  if (source.error) {
    return { problem: { file, line: source.error.line, field: '(frontmatter)', wrong: `invalid YAML: ${source.error.message}`, expected: 'fields written as "name: value", one a line' } };
  }
  return { id: idOf(file), file, source, body: parts.body, bodyLine: parts.bodyLine };
}
