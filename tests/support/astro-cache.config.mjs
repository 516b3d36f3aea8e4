// @ts-check
/**
 * The project's Astro config with its cache folder moved to `ASTRO_CACHE_DIR`, for the test sites' builds
 * (build-site.ts, `buildSiteAside`): each keeps its content store and caches to itself.
 */
import config from '../../astro.config.mjs';

export default { ...config, cacheDir: process.env.ASTRO_CACHE_DIR };
