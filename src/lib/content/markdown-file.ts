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

/** A Markdown file's fields, read as YAML with their lines, and its body. */
export interface MarkdownSource {
  source: YamlSource;
  body: string;
  bodyLine: number;
}

/** Reads a Markdown content file's text (the content check and the loader alike), or says why it cannot. */
export function readMarkdown(text: string, file: string): MarkdownSource | { problem: Problem } {
  const parts = splitMarkdown(text);
  if (!parts) {
    return { problem: { file, line: 1, field: '(frontmatter)', wrong: 'missing', expected: 'the file to start with a --- block of fields, closed by ---' } };
  }
  const source = readYaml(parts.frontmatter, 2);
  if (source.error) {
    return { problem: { file, line: source.error.line, field: '(frontmatter)', wrong: `invalid YAML: ${source.error.message}`, expected: 'fields written as "name: value", one a line' } };
  }
  return { source, body: parts.body, bodyLine: parts.bodyLine };
}
