/** A Markdown file's frontmatter (YAML text) and body, with the line the body starts on. */
export interface MarkdownParts {
  frontmatter: string;
  body: string;
  bodyLine: number;
}

/** Splits a content file at its `---` fences; undefined when it does not start with frontmatter. */
export function splitMarkdown(text: string): MarkdownParts | undefined {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return undefined;
  return { frontmatter: match[1], body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

/** The pictures astro:assets optimises; they sit beside the Markdown files that use them. */
export const isPictureFile = (name: string) => /\.(png|jpe?g|webp|avif|gif|svg)$/i.test(name);
