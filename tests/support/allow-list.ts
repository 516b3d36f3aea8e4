/**
 * Checks rendered writer HTML against the documented allow-list (the sanitizer's schema) and the rules
 * that must hold whatever the schema says: no event handlers, no script-bearing URLs, no unprefixed ids.
 * Findings are readable strings; none means safe.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { markedPicture } from '../../src/lib/markdown/rehype-body-pictures';
import { CLOBBER_PREFIX, sanitizeSchema } from '../../src/lib/markdown/sanitize-schema';

type AttributeRule = string | [string, ...unknown[]];

const allowedTags = new Set(sanitizeSchema.tagNames);
const URL_PROPERTIES = ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'xLinkHref', 'srcSet', 'background'];
const CLOBBERING = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'];

function rulesFor(tagName: string): AttributeRule[] {
  const attributes = sanitizeSchema.attributes ?? {};
  return [...(attributes['*'] ?? []), ...(attributes[tagName] ?? [])] as AttributeRule[];
}

function allowedValue(rules: AttributeRule[], property: string, value: unknown): boolean {
  return rules.some((rule) => {
    if (typeof rule === 'string') return rule === property;
    const [name, ...values] = rule;
    if (name !== property) return false;
    const actual = Array.isArray(value) ? value : [value];
    return actual.every((item) => values.some((allowed) => (allowed instanceof RegExp ? allowed.test(String(item)) : allowed === item)));
  });
}

/** True for `javascript:`, `vbscript:` and `data:` URLs however they are spelled. */
export function isScriptableUrl(value: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside the scheme.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(javascript|vbscript|data):/.test(compact);
}

export function parseFragment(html: string): Root {
  return fromHtml(html, { fragment: true });
}

/** Safety findings in the writer's part of a page (article body, bio); none means safe. */
export function auditWriterHtml(html: string): string[] {
  const findings: string[] = [];

  visit(parseFragment(html), (node) => {
    // The pipeline's own picture markers (replaced by <picture> on the page) are the only comments allowed.
    if (node.type === 'comment' && markedPicture(node) === undefined) findings.push(`comment <!--${node.value}-->`);
    if (node.type !== 'element') return;
    const element = node as Element;
    if (!allowedTags.has(element.tagName)) findings.push(`element <${element.tagName}>`);
    const rules = rulesFor(element.tagName);
    for (const [property, value] of Object.entries(element.properties)) {
      if (/^on/i.test(property)) findings.push(`event handler ${property} on <${element.tagName}>`);
      if (!allowedValue(rules, property, value)) {
        findings.push(`attribute ${property}=${JSON.stringify(value)} on <${element.tagName}>`);
      }
      if (URL_PROPERTIES.includes(property) && isScriptableUrl(String(value))) {
        findings.push(`scriptable URL ${property}=${JSON.stringify(value)} on <${element.tagName}>`);
      }
      if (CLOBBERING.includes(property)) {
        for (const id of Array.isArray(value) ? value : String(value).split(/\s+/)) {
          if (!String(id).startsWith(CLOBBER_PREFIX)) findings.push(`unprefixed ${property}="${id}" on <${element.tagName}>`);
        }
      }
    }
  });
  return findings;
}

/** In-page links (`#…`) in `html` whose target id is not in `html`. */
export function unresolvedFragmentLinks(html: string): string[] {
  const ids = new Set<string>();
  const targets: string[] = [];
  visit(parseFragment(html), 'element', (element: Element) => {
    if (typeof element.properties.id === 'string') ids.add(element.properties.id);
    const href = element.properties.href;
    if (typeof href === 'string' && href.startsWith('#') && href.length > 1) targets.push(decodeURIComponent(href.slice(1)));
  });
  return targets.filter((target) => !ids.has(target));
}
