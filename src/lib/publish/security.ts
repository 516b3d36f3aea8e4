/**
 * The site's security policy in one place: the Content-Security-Policy that Astro puts in every page's
 * `<meta>` (with hashes of anything inline) and the response headers written to `_headers` for hosts that
 * read it (where the policy can also say `frame-ancestors`, which a `<meta>` cannot).
 */
import type { SiteConfig } from '../../config';

/** A CSP directive such as `img-src 'self' https:`, typed as Astro's `security.csp.directives` wants. */
type Directive = `${'default-src' | 'img-src' | 'font-src' | 'connect-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

/** Where a newsletter form may post: this site, plus the sign-up service's origin when one is set. */
function formTargets(site: Pick<SiteConfig, 'newsletter'>): string[] {
  const action = site.newsletter.action;
  return ["'self'", ...(URL.canParse(action) ? [new URL(action).origin] : [])];
}

export interface ContentSecurityPolicy {
  /** `script-src` sources; Pagefind's search runs WebAssembly, hence 'wasm-unsafe-eval' (never 'unsafe-eval'). */
  scriptSources: string[];
  styleSources: string[];
  /** The other directives, all valid in a `<meta>` policy. */
  directives: Directive[];
}

export function contentSecurityPolicy(site: Pick<SiteConfig, 'newsletter'>): ContentSecurityPolicy {
  return {
    scriptSources: ["'self'", "'wasm-unsafe-eval'"],
    styleSources: ["'self'"],
    directives: [
      "default-src 'self'",
      // Writers may embed pictures from other sites over https.
      "img-src 'self' https:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      `form-action ${formTargets(site).join(' ')}`,
    ],
  };
}

/** The policy as one header value, with what only a header can carry. */
export function contentSecurityPolicyHeader(site: Pick<SiteConfig, 'newsletter'>): string {
  const policy = contentSecurityPolicy(site);
  return [
    ...policy.directives,
    `script-src ${policy.scriptSources.join(' ')}`,
    `style-src ${policy.styleSources.join(' ')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers for every page, and for the hashed assets that never change. */
export function responseHeaders(site: Pick<SiteConfig, 'newsletter'>): { path: string; headers: Record<string, string> }[] {
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': contentSecurityPolicyHeader(site),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
        'X-Frame-Options': 'DENY',
      },
    },
    { path: '/_astro/*', headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  ];
}

/** Netlify's and Cloudflare Pages' `_headers` format: a path line, then indented `Name: value` lines. */
export function headersFile(rules: ReturnType<typeof responseHeaders>, base: string): string {
  const prefix = base.replace(/\/$/, '');
  return `${rules
    .map(({ path, headers }) => [`${prefix}${path}`, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'))
    .join('\n\n')}\n`;
}
