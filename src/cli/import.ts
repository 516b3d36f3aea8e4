/**
 * `npm run import -- <file...> [--section S] [--kicker K] [--author ID] [--role R] [--published ISO]
 * [--dry-run] [--force]`: turns scraped article text into an article, an author entry and headline-index
 * entries in the content folder (`CONTENT_DIR`, default content/), then checks the folder. Reports every
 * line of the text it left out. Never overwrites an article or author that differs without --force.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { site } from '../config';
import { checkContent } from '../lib/content-check';
import { contentDir } from '../lib/content-dir';
import { HEADLINE_FILE, ImportError, planImport } from '../lib/importer/plan-import';
import { parseScrape, ScrapeError } from '../lib/importer/parse-scrape';
import { formatReport } from '../lib/problems';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    section: { type: 'string' },
    kicker: { type: 'string' },
    author: { type: 'string' },
    role: { type: 'string' },
    published: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});

if (positionals.length === 0) {
  console.error('usage: npm run import -- <file...> [--section S] [--kicker K] [--author ID] [--role R] [--published ISO] [--dry-run] [--force]');
  process.exit(2);
}

const dryRun = values['dry-run'];
const shown = (path: string) => relative(process.cwd(), join(contentDir, path));
const read = (path: string) => (existsSync(join(contentDir, path)) ? readFileSync(join(contentDir, path), 'utf8') : undefined);
let failed = false;

for (const file of positionals) {
  console.log(`${file}:`);
  try {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new ImportError(`cannot read ${file}`);
    }
    const scrape = parseScrape(text, site.kickers);
    const plan = planImport(scrape, values, read);
    const blocked = plan.files.filter((planned) => planned.state === 'changed' && planned.path !== HEADLINE_FILE && !values.force);
    if (blocked.length > 0) {
      throw new ImportError(`${blocked.map((planned) => shown(planned.path)).join(' and ')} already exist with other content — pass --force to overwrite`);
    }
    for (const planned of plan.files) {
      const verb = planned.state === 'unchanged' ? 'unchanged' : dryRun ? `would ${planned.state === 'new' ? 'create' : 'update'}` : planned.state === 'new' ? 'created' : 'updated';
      console.log(`  ${verb.padEnd(14)} ${shown(planned.path)}`);
      if (dryRun && planned.state !== 'unchanged') console.log(planned.content.replace(/^/gm, '    | '));
      if (!dryRun && planned.state !== 'unchanged') {
        mkdirSync(dirname(join(contentDir, planned.path)), { recursive: true });
        writeFileSync(join(contentDir, planned.path), planned.content);
      }
    }
    for (const title of plan.replacedHeadlines) {
      console.log(`  ${(dryRun ? 'would remove' : 'removed').padEnd(14)} headline "${title}" from ${shown(HEADLINE_FILE)}: the article replaces it`);
    }
    console.log(
      `  more stories: ${plan.storiesAdded} ${dryRun ? 'to add' : 'added'}, ${plan.storiesAlreadyListed} already listed, ${plan.storiesWithArticle} with an article here`,
    );
    console.log(`  left out ${scrape.dropped.length} line${scrape.dropped.length === 1 ? '' : 's'}:`);
    for (const line of scrape.dropped) console.log(`    line ${line.line} (${line.why}): ${line.text}`);
  } catch (error) {
    if (!(error instanceof ImportError || error instanceof ScrapeError)) throw error;
    console.error(`  error: ${error.message}`);
    failed = true;
  }
}

if (!dryRun) {
  const problems = checkContent(contentDir);
  if (problems.length > 0) {
    console.error(formatReport(problems));
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
