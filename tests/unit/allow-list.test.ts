// The checker the sanitizing tests rely on must itself catch what it claims to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { find, html } from 'property-information';
import { sanitizeSchema } from '../../src/lib/markdown/sanitize-schema';
import { auditWriterHtml, DOCUMENTED_ALLOW_LIST, documentedRules, isScriptableUrl, unresolvedFragmentLinks } from '../support/allow-list';

/** The schema's attribute rules for `tagName` (its own and the ones for every element), as `name` or `name=value`. */
function schemaRules(tagName: string): string[] {
  const rules = [...(sanitizeSchema.attributes?.['*'] ?? []), ...(sanitizeSchema.attributes?.[tagName] ?? [])];
  return rules.flatMap((rule) => {
    if (typeof rule === 'string') return [find(html, rule).attribute];
    const [property, ...values] = rule;
    return values.map((value) => `${find(html, property).attribute}=${String(value)}`);
  });
}

describe('the sanitizer allows exactly the documented HTML', () => {
  it('no element more or less', () => {
    expect([...(sanitizeSchema.tagNames ?? [])].sort()).toEqual(Object.keys(DOCUMENTED_ALLOW_LIST).filter((tag) => tag !== '*').sort());
  });

  it.each(Object.keys(DOCUMENTED_ALLOW_LIST).filter((tag) => tag !== '*'))('no attribute more or less on <%s>', (tag) => {
    expect(schemaRules(tag).sort()).toEqual(documentedRules(tag).sort());
  });

  it('every documented element is in the README table', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf("### Writers' HTML"), readme.indexOf('## Reading'));
    const missing = Object.keys(DOCUMENTED_ALLOW_LIST).filter((tag) => tag !== '*' && !table.includes(`\`${tag}\``) && !/^h[2-6]$/.test(tag));
    expect(missing).toEqual([]);
  });
});

describe('allow-list audit', () => {
  it('reports elements, attributes, handlers, scriptable URLs and unprefixed ids', () => {
    const findings = auditWriterHtml(
      '<p id="config" style="color:red"><a href="JaVa\tScript:alert(1)" onclick="x()">x</a><iframe></iframe><img src="data:image/png;base64,AA"></p>',
    );
    expect(findings).toEqual([
      'unprefixed id="config" on <p>',
      'attribute style="color:red" on <p>',
      'scriptable URL href="JaVa\\tScript:alert(1)" on <a>',
      'event handler onClick on <a>',
      'attribute onClick="x()" on <a>',
      'element <iframe>',
      'scriptable URL src="data:image/png;base64,AA" on <img>',
    ]);
  });

  it('passes allowed markup', () => {
    expect(auditWriterHtml('<p id="user-content-a"><a href="https://example.org">x</a> <code class="language-js">y</code></p>')).toEqual([]);
  });

  it('spots scriptable URLs however spelled', () => {
    expect(['javascript:x', ' JAVASCRIPT:x', 'java\nscript:x', 'vbscript:x', 'data:text/html,x'].every(isScriptableUrl)).toBe(true);
    expect(['https://example.org', '/javascript:x', '#data:x'].some(isScriptableUrl)).toBe(false);
  });

  it('finds in-page links without a target', () => {
    expect(unresolvedFragmentLinks('<a href="#a">a</a><a href="#b">b</a><p id="a"></p>')).toEqual(['b']);
  });
});
