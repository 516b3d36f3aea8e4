/**
 * Checks rendered writer HTML against the documented allow-list and the rules
 * that must hold whatever the schema says: no event handlers, no script-bearing URLs, no unprefixed ids.
 * Findings are readable strings; none means safe.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { markedPicture } from '../../src/lib/markdown/rehype-body-pictures';
import { find, html } from 'property-information';
import { CLOBBER_PREFIX } from '../../src/lib/markdown/sanitize-schema';

/**
 * The writer's HTML the site allows, as README.md ("Writers' HTML") documents it, written out here on its own
 * rather than read from the sanitizer's schema: the schema is checked against it
 * (tests/unit/allow-list.test.ts) and pages are audited against it, so a schema widened by mistake (an
 * `iframe`, a `style`) fails the suite. Attributes by their HTML names; `name=value` allows that value only,
 * `name=/pattern/` values matching it.
 */
export const DOCUMENTED_ALLOW_LIST: Record<string, string> = {
  '*': 'id lang dir title',
  ...Object.fromEntries(
    'p br hr h3 h4 h5 h6 strong em b i s mark small sub sup abbr cite dfn kbd pre samp var span dl dt dd figure figcaption aside summary table caption thead tbody tfoot tr'
      .split(' ')
      .map((tag) => [tag, '']),
  ),
  h2: 'class=sr-only',
  a: 'href aria-describedby aria-label data-footnote-ref data-footnote-backref class=data-footnote-backref',
  img: 'src alt width height',
  blockquote: 'cite',
  q: 'cite',
  del: 'cite datetime',
  ins: 'cite datetime',
  time: 'datetime',
  code: 'class=/^language-[\\w-]+$/',
  ol: 'start reversed class=contains-task-list',
  ul: 'class=contains-task-list',
  li: 'class=task-list-item',
  // GFM task lists: a disabled checkbox, nothing a reader can submit.
  input: 'type=checkbox disabled=true checked',
  section: 'data-footnotes class=footnotes',
  details: 'open',
  th: 'align scope colspan rowspan',
  td: 'align colspan rowspan',
};

const URL_PROPERTIES = ['href', 'src', 'cite', 'action', 'formAction', 'poster', 'xLinkHref', 'srcSet', 'background'];
const CLOBBERING = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'];

const attributeName = (property: string) => find(html, property).attribute;

/** The attribute rules that apply to `tagName`, as `name` or `name=value`. */
export function documentedRules(tagName: string): string[] {
  return [DOCUMENTED_ALLOW_LIST['*'], DOCUMENTED_ALLOW_LIST[tagName] ?? ''].join(' ').split(' ').filter(Boolean);
}

function allowedValue(rules: string[], property: string, value: unknown): boolean {
  const name = attributeName(property);
  return rules.some((rule) => {
    const [ruleName, allowed] = rule.split(/=(.*)/);
    if (ruleName !== name) return false;
    if (allowed === undefined) return true;
    const matches = (item: unknown) => (allowed.startsWith('/') ? new RegExp(allowed.slice(1, -1)).test(String(item)) : allowed === String(item));
    return (Array.isArray(value) ? value : [value]).every(matches);
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
    if (!(element.tagName in DOCUMENTED_ALLOW_LIST) || element.tagName === '*') findings.push(`element <${element.tagName}>`);
    const rules = documentedRules(element.tagName);
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
