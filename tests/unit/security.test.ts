import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyHeader, headersFile, responseHeaders } from '../../src/lib/publish/security';

const site = { newsletter: { heading: '', blurb: '', action: '', emailField: 'email', buttonLabel: '' } };

describe('security policy', () => {
  it('allows no inline script or eval, and no framing', () => {
    const header = contentSecurityPolicyHeader(site);
    expect(header).not.toMatch(/unsafe-inline|'unsafe-eval'/);
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header).toContain("frame-ancestors 'none'");
    expect(header).toContain("object-src 'none'");
  });

  it('lets the newsletter form post to its service, and nowhere else', () => {
    expect(contentSecurityPolicy(site).directives).toContain("form-action 'self'");
    const withAction = { newsletter: { ...site.newsletter, action: 'https://lists.example.org/subscribe?id=1' } };
    expect(contentSecurityPolicy(withAction).directives).toContain("form-action 'self' https://lists.example.org");
  });

  it('keeps frame-ancestors out of the <meta> policy, where browsers ignore it', () => {
    expect(contentSecurityPolicy(site).directives.join(';')).not.toContain('frame-ancestors');
  });

  it('writes _headers lines under Cloudflare’s 2,000-character limit, under the base path', () => {
    const file = headersFile(responseHeaders(site), '/news/');
    expect(file.split('\n').every((line) => line.length < 2000)).toBe(true);
    expect(file).toMatch(/^\/news\/\*\n {2}Content-Security-Policy: default-src 'self'/);
    expect(file).toContain('/news/_astro/*\n  Cache-Control: public, max-age=31536000, immutable');
    for (const name of ['X-Content-Type-Options: nosniff', 'Referrer-Policy:', 'Permissions-Policy:']) expect(file).toContain(name);
  });
});
