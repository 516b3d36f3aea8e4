import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, projectRoot } from '../support/build-site';
import { writeHostileContent } from '../support/hostile-content';
import { startNginx } from '../support/nginx';
import { writeReaderContent } from './reader-content';
import { servedSites, type BasePath } from './sites';

const readerEnv = { NEWSLETTER_ACTION: 'https://example.org/newsletter' };

function build(contentDir: string, outDir: string, env: Record<string, string>) {
  const result = buildSite(contentDir, outDir, env);
  if (result.status !== 0) throw new Error(`Building ${outDir} failed:\n${result.output}`);
}

/** Builds the sites (the production one comes from `npm run build`), serves them with nginx, stops it after. */
export default async function globalSetup() {
  if (!existsSync(join(servedSites['/'].seed.dir, 'index.html'))) {
    throw new Error('dist/ has no site: run `npm run build` before the end-to-end tests (`npm test` does).');
  }
  const readerContent = await writeReaderContent();
  build(readerContent, servedSites['/'].reader.dir, readerEnv);
  build(readerContent, servedSites['/news/'].reader.dir, { ...readerEnv, BASE_PATH: '/news/' });
  build(join(projectRoot, 'content'), servedSites['/news/'].seed.dir, { BASE_PATH: '/news/' });
  // Payloads such as <img src=x onerror=…> lack alt text, which the content check rejects: build anyway.
  build(writeHostileContent(), servedSites['/'].hostile.dir, { CONTENT_CHECK: 'report' });

  const nginx = await startNginx(
    (Object.keys(servedSites) as BasePath[]).flatMap((base) => Object.values(servedSites[base]).map((site) => ({ ...site, base }))),
  );
  return nginx.stop;
}
