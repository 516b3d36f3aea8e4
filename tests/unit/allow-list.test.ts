// The checker the sanitizing tests rely on must itself catch what it claims to.
import { describe, expect, it } from 'vitest';
import { auditWriterHtml, isScriptableUrl, unresolvedFragmentLinks } from '../support/allow-list';

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
