import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { builtAt, buildSite, projectRoot } from '../support/build-site';
import { HOSTILE_BUILD_TIME, writeHostileContent } from '../support/hostile-content';
import { startNginx } from '../support/nginx';
import { arabicSiteEnv, writeArabicContent } from './arabic-content';
import { readerBuildTime, writeReaderContent } from './reader-content';
import { writeSampleFront } from './sample-fronts';
import { servedSites, type BasePath } from './sites';

const readerEnv = { NEWSLETTER_ACTION: 'https://example.org/newsletter', ...builtAt(readerBuildTime) };

function build(contentDir: string, outDir: string, env: Record<string, string>) {
  const result = buildSite(contentDir, outDir, env);
  if (result.status !== 0) throw new Error(`Building ${outDir} failed:\n${result.output}`);
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
  build(readerContent, servedSites['/'].reader.dir, readerEnv);
  build(readerContent, servedSites['/news/'].reader.dir, { ...readerEnv, BASE_PATH: '/news/' });
  build(join(projectRoot, 'content'), servedSites['/news/'].seed.dir, { BASE_PATH: '/news/' });
  // Payloads such as <img src=x onerror=…> lack alt text, which the content check rejects: build anyway.
  build(writeHostileContent(), servedSites['/'].hostile.dir, { CONTENT_CHECK: 'report', ...builtAt(HOSTILE_BUILD_TIME) });
  build(writeArabicContent(), servedSites['/'].arabic.dir, arabicSiteEnv);
  build(await writeSampleFront(1), servedSites['/'].oneStory.dir, {});
  build(await writeSampleFront(3), servedSites['/'].threeStories.dir, {});

  const nginx = await startNginx(
    (Object.keys(servedSites) as BasePath[]).flatMap((base) => Object.values(servedSites[base]).map((site) => ({ ...site, base }))),
  );
  return nginx.stop;
}
