/** XML read as strictly as search engines may read it: with libxml2's xmllint (Debian package libxml2-utils). */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Google's News sitemap schema with the Sitemap protocol's (tests/schemas/README.md). */
const NEWS_SITEMAP_SCHEMA = fileURLToPath(new URL('../schemas/news-sitemap.xsd', import.meta.url));

function xmllint(xml: string, args: string[]) {
  const result = spawnSync('xmllint', ['--nonet', ...args, '-'], { input: xml, encoding: 'utf8' });
  if (result.error) throw new Error(`xmllint could not run (${result.error.message}): install it with \`apt-get install libxml2-utils\``);
  return result;
}

/** What xmllint finds wrong, one complaint a line; none when `xml` is well-formed (and valid, with `schema`). */
function xmlErrors(xml: string, schema?: string): string[] {
  const { status, stderr } = xmllint(xml, ['--noout', ...(schema ? ['--schema', schema] : [])]);
  // "- validates" and "- fails to validate" sum up: the lines before say why.
  return status === 0 ? [] : stderr.split('\n').filter((line) => line && !/^- (validates|fails to validate)$/.test(line));
}

export const wellFormedErrors = (xml: string) => xmlErrors(xml);

/** What Google's News sitemap schema finds wrong with `xml`; none when it is valid. */
export const newsSitemapErrors = (xml: string) => xmlErrors(xml, NEWS_SITEMAP_SCHEMA);

/** The text, entities decoded, of every element named `name` (any namespace), in document order. */
export function textsOf(xml: string, name: string): string[] {
  const count = Number(xmllint(xml, ['--xpath', `count(//*[local-name()='${name}'])`]).stdout);
  // xmllint ends what it prints with a line break.
  return Array.from({ length: count }, (_, index) => xmllint(xml, ['--xpath', `string((//*[local-name()='${name}'])[${index + 1}])`]).stdout.replace(/\n$/, ''));
}
