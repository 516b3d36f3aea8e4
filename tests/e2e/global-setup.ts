import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { builtAt, buildSiteAside, outputRoot, projectRoot } from '../support/build-site';
import { HOSTILE_BUILD_TIME, writeHostileContent } from '../support/hostile-content';
import { startNginx } from '../support/nginx';
import { arabicSiteEnv, writeArabicContent } from './arabic-content';
import { readerBuildTime, writeReaderContent } from './reader-content';
import { writeSampleFront } from './sample-fronts';
import { servedSites, type BasePath } from './sites';

const readerEnv = { NEWSLETTER_ACTION: 'https://example.org/newsletter', ...builtAt(readerBuildTime) };

/**
 * Builds the sites one after another, each with a cache folder of its own; then fails naming any that failed.
 * Not side by side: every build of a checkout writes Astro's `.astro/` folder under the project root (the
 * content's picture imports among it), so two at once can hand one site the other's pictures.
 */
async function buildAll(sites: { contentDir: string; outDir: string; env: Record<string, string> }[]): Promise<void> {
  const failures: string[] = [];
  for (const site of sites) {
    const result = await buildSiteAside(site.contentDir, site.outDir, join(outputRoot, 'cache', basename(site.outDir)), site.env);
    if (result.status !== 0) failures.push(`Building ${site.outDir} failed:\n${result.output}`);
  }
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}

/** The most recently changed file the production build is made from. */
function newestSource(): { path: string; mtimeMs: number } {
  const files = ['src', 'content', 'public'].flatMap((folder) =>
    readdirSync(join(projectRoot, folder), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name)),
  );
  return [...files, join(projectRoot, 'astro.config.mjs'), join(projectRoot, 'package-lock.json')]
    .map((path) => ({ path: relative(projectRoot, path), mtimeMs: statSync(path).mtimeMs }))
    .reduce((newest, file) => (file.mtimeMs > newest.mtimeMs ? file : newest));
}

/** Builds the sites (the production one comes from `npm run build`), serves them with nginx, stops it after. */
export default async function globalSetup() {
  const built = join(servedSites['/'].seed.dir, 'index.html');
  if (!existsSync(built)) throw new Error('dist/ has no site: run `npm run build` before the end-to-end tests (`npm test` does).');
  const newer = newestSource();
  if (newer.mtimeMs > statSync(built).mtimeMs) {
    throw new Error(`dist/ is older than ${newer.path}: run \`npm run build\` again before the end-to-end tests (\`npm test\` does).`);
  }
  const readerContent = await writeReaderContent();
  // The largest first, so that the small ones fill in beside them.
  await buildAll([
    { contentDir: readerContent, outDir: servedSites['/'].reader.dir, env: readerEnv },
    { contentDir: readerContent, outDir: servedSites['/news/'].reader.dir, env: { ...readerEnv, BASE_PATH: '/news/' } },
    // Payloads such as <img src=x onerror=…> lack alt text, which the content check rejects: build anyway.
    { contentDir: writeHostileContent(), outDir: servedSites['/'].hostile.dir, env: { CONTENT_CHECK: 'report', ...builtAt(HOSTILE_BUILD_TIME) } },
    { contentDir: join(projectRoot, 'content'), outDir: servedSites['/news/'].seed.dir, env: { BASE_PATH: '/news/' } },
    { contentDir: writeArabicContent(), outDir: servedSites['/'].arabic.dir, env: arabicSiteEnv },
    { contentDir: await writeSampleFront(1), outDir: servedSites['/'].oneStory.dir, env: {} },
    { contentDir: await writeSampleFront(3), outDir: servedSites['/'].threeStories.dir, env: {} },
  ]);

  const nginx = await startNginx(
    (Object.keys(servedSites) as BasePath[]).flatMap((base) => Object.values(servedSites[base]).map((site) => ({ ...site, base }))),
  );
  return nginx.stop;
}
