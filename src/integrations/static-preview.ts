/**
 * `npm run preview` serves the built site as a static host does, with the headers of `_headers`
 * (./preview-server.ts). Astro's own preview server cannot be given per-path headers, and takes no Vite
 * plugins from the project; what it does take, for `astro preview` only, is an adapter's preview server.
 * Builds never see this adapter: they stay plain static sites.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';

export function staticPreview(): AstroIntegration {
  let previewing = false;
  return {
    name: 'broadsheet:static-preview',
    hooks: {
      'astro:config:setup': ({ command }) => {
        previewing = command === 'preview';
      },
      'astro:config:done': ({ setAdapter }) => {
        if (!previewing) return;
        setAdapter({
          name: 'broadsheet:static-preview',
          previewEntrypoint: fileURLToPath(new URL('./preview-server.ts', import.meta.url)),
          entrypointResolution: 'auto',
          adapterFeatures: { buildOutput: 'static' },
          supportedAstroFeatures: { staticOutput: 'stable', sharpImageService: 'stable' },
        });
      },
    },
  };
}
