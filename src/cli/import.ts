/**
 * `npm run import -- <file...> [flags]` (`--help` lists them): turns scraped article text into an article, an
 * author entry and headline-index entries in the content folder (`CONTENT_DIR`, default content/), then
 * checks the folder. Reports every line of the text it left out. Never overwrites an article or author that
 * differs without --force, and never writes a second copy of a story that is already there.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { sectionIds, site } from '../config';
import { checkContent } from '../lib/content/check';
import { contentDir } from '../lib/content/content-dir';
import { diffLines } from '../lib/importer/diff-lines';
import { HEADLINE_FILE, ImportError, planImport, type PlannedFile } from '../lib/importer/plan-import';
import { parseScrape } from '../lib/importer/parse-scrape';
import { contentText } from '../lib/content/markdown-file';
import { formatReport } from '../lib/content/problems';

const options = {
  section: { type: 'string' },
  kicker: { type: 'string' },
  author: { type: 'string' },
  role: { type: 'string' },
  published: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

/** Each flag's value and what it does: the usage is made from this, so no flag goes unlisted. */
const HELP: Record<keyof typeof options, [string, string]> = {
  section: ['<id>', `the article's section: ${sectionIds.join(', ')}`],
  kicker: ['<text>', 'the label above the headline, e.g. "Speed Read"'],
  author: ['<id>', "the author's id (authors/<id>.md), if not the one the bio gives"],
  role: ['<text>', "the author's role, if not the one the bio gives"],
  published: ['<date-time>', 'when it was published, with its zone, e.g. 2020-11-23T00:00:00-05:00'],
  'dry-run': ['', 'write nothing: list each file as new, unchanged or changed, and show what would change'],
  force: ['', 'overwrite an article or author that differs (the same file: a story is never copied)'],
  help: ['', 'print this help'],
};
const usage = [
  'usage: npm run import -- <file...> [flags]',
  'Imports scraped article text into the content folder (CONTENT_DIR, default content/).',
  ...Object.entries(HELP).map(([flag, [value, what]]) => `  ${`--${flag} ${value}`.padEnd(26)}${what}`),
].join('\n');

/** The command line, or exit 2 with the usage: parseArgs throws on an unknown flag or a missing value. */
function commandLine() {
  try {
    return parseArgs({ allowPositionals: true, options });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && /'([^']+)'/.exec(message)?.[1];
    console.error(`error: ${unknown ? `unknown option ${unknown}` : message.split('\n')[0].replace(/^O/, 'o')}\n${usage}`);
    process.exit(2);
  }
}

const { values, positionals } = commandLine();
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length === 0) {
  console.error(usage);
  process.exit(2);
}

const dryRun = values['dry-run'];
const shown = (path: string) => relative(process.cwd(), join(contentDir, path));
const read = (path: string) => (existsSync(join(contentDir, path)) ? contentText(readFileSync(join(contentDir, path))) : undefined);
const list = (folder: string) => (existsSync(join(contentDir, folder)) ? readdirSync(join(contentDir, folder)) : []);
const VERBS = { new: ['created', 'would create'], changed: ['updated', 'would update'], unchanged: ['unchanged', 'unchanged'] };
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
    const plan = planImport(scrape, values, read, list);
    // All of it is written or none; when nothing is, the output shows what would be and what stands in the way.
    const refused = plan.files.filter((planned) => planned.conflict && !values.force);
    const writes = !dryRun && refused.length === 0;
    for (const planned of plan.files) {
      const verb = refused.includes(planned) ? 'conflict' : VERBS[planned.state][writes ? 0 : 1];
      console.log(`  ${verb.padEnd(14)} ${shown(planned.path)}`);
      if (!writes) for (const line of whatWouldChange(planned)) console.log(`    ${line}`);
    }
    for (const planned of refused) console.error(`  error: ${shown(planned.path)} ${planned.conflict} — pass --force to overwrite it`);
    failed ||= refused.length > 0;
    for (const planned of writes ? plan.files.filter((planned) => planned.state !== 'unchanged') : []) {
      mkdirSync(dirname(join(contentDir, planned.path)), { recursive: true });
      writeFileSync(join(contentDir, planned.path), planned.content);
    }
    for (const title of plan.replacedHeadlines) {
      console.log(`  ${(writes ? 'removed' : 'would remove').padEnd(14)} headline "${title}" from ${shown(HEADLINE_FILE)}: the article replaces it`);
    }
    console.log(
      `  more stories: ${plan.storiesAdded} ${writes ? 'added' : 'to add'}, ${plan.storiesAlreadyListed} already listed, ${plan.storiesWithArticle} with an article here`,
    );
    console.log(`  left out ${scrape.dropped.length} line${scrape.dropped.length === 1 ? '' : 's'}:`);
    for (const line of scrape.dropped) console.log(`    line ${line.line} (${line.why}): ${line.text}`);
  } catch (error) {
    // Whatever goes wrong (an unreadable text, a write that fails) is one line of output, never a stack trace.
    console.error(`  error: ${(error as Error).message}`);
    failed = true;
  }
}

/** A new file's text, or a diff of a changed one against what is there now. */
function whatWouldChange(planned: PlannedFile): string[] {
  if (planned.existing === undefined) return planned.content.replace(/\n$/, '').split('\n').map((line) => `| ${line}`);
  return planned.state === 'changed' ? diffLines(planned.existing, planned.content) : [];
}

if (!dryRun) {
  const problems = checkContent(contentDir);
  if (problems.length > 0) {
    console.error(formatReport(problems));
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
