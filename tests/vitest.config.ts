import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    // Social cards read the site's colours from tokens.css (`?raw`), which Vitest would otherwise hand over empty.
    css: { include: [/tokens\.css/] },
    // Build tests run whole `astro build`s, which on a loaded 2-core machine can take a minute or more.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // The two run side by side: the unit tests on every worker, the build tests one file at a time.
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The build tests run `astro build` in this project; one at a time keeps their caches apart.
      { extends: true, test: { name: 'build', include: ['tests/build/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
