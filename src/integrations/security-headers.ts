/** Writes `_headers` (Netlify, Cloudflare Pages) into the built site from src/lib/publish/security.ts. */
import type { AstroIntegration } from 'astro';
import { writeFile } from 'node:fs/promises';
import { site } from '../config';
import { headersFile, responseHeaders } from '../lib/publish/security';

export function securityHeaders(): AstroIntegration {
  return {
    name: 'broadsheet:security-headers',
    hooks: {
      'astro:build:done': async ({ dir }) => {
        await writeFile(new URL('_headers', dir), headersFile(responseHeaders(site), site.basePath));
      },
    },
  };
}
