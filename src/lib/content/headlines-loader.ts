/**
 * `headlines.yaml`: a plain YAML list of stories with no article file here. `readHeadlineFile` turns its
 * text into entries with ids (the title as a slug) and positions; the content-layer loader fails the build
 * on any problem, where Astro's own `file()` loader would log and skip, so no entry disappears silently.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { contentDir } from './content-dir';
import { headlineClashes } from './cross-entry';
import { contentText, refusedFile } from './markdown-file';
import { ContentError, type Problem } from './problems';
import { expectedAt } from './schema-walk';
import { headlineEntrySchema } from './schemas';
import { slugify } from './slugs';
import { readYaml, type YamlSource } from './yaml-source';

export interface RawHeadlineEntry {
  id: string;
  line: number;
  data: Record<string, unknown>;
  source: YamlSource;
}

/** "an entry with kicker, title and dek (and optional url, …)", from the schema's fields. */
const ENTRY = (() => {
  const takesNothing = (field: z.ZodType) => field.safeParse(undefined).success;
  const fields = Object.entries(headlineEntrySchema.shape);
  const required = fields.filter(([, field]) => !takesNothing(field)).map(([name]) => name);
  const optional = fields.filter(([, field]) => takesNothing(field)).map(([name]) => name);
  return `an entry with ${required.slice(0, -1).join(', ')} and ${required.at(-1)} (and optional ${optional.join(', ')})`;
})();

export function readHeadlineFile(text: string, file: string): { entries: RawHeadlineEntry[]; problems: Problem[] } {
  const yaml = readYaml(text);
  if (yaml.error) {
    return { entries: [], problems: [{ file, line: yaml.error.line, field: '(file)', wrong: `invalid YAML: ${yaml.error.message}`, expected: `a list of entries, ${ENTRY} each` }] };
  }
  if (yaml.data === null) return { entries: [], problems: [] };
  if (!Array.isArray(yaml.data)) {
    return { entries: [], problems: [{ file, line: yaml.lineOf([]), field: '(file)', wrong: 'not a list', expected: 'a list of entries, each starting with "- kicker:"' }] };
  }

  const problems: Problem[] = [];
  const entries: RawHeadlineEntry[] = [];
  const clash = headlineClashes(file);
  yaml.items().forEach((source, index) => {
    const line = source.lineOf([]);
    const data = source.data;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      problems.push({ file, line, field: `entry ${index + 1}`, wrong: 'not a set of fields', expected: ENTRY });
      return;
    }
    const title = (data as Record<string, unknown>).title;
    const id = typeof title === 'string' ? slugify(title) : '';
    if (!id) {
      const wrong = typeof title === 'string' && title.trim() ? `"${title}" has no letters or digits to make an id from` : 'missing';
      problems.push({ file, line: source.lineOf(['title']), field: 'title', wrong, expected: expectedAt(headlineEntrySchema, ['title'])! });
      return;
    }
    const repeated = clash(id, line, source.lineOf(['title']));
    if (repeated) {
      problems.push(repeated);
      return;
    }
    entries.push({ id, line, data: data as Record<string, unknown>, source });
  });
  return { entries, problems };
}

export function headlinesLoader(filePath: string): Loader {
  return {
    name: 'broadsheet-headlines',
    async load({ store, parseData, watcher, logger }) {
      const file = relative(process.cwd(), filePath);
      async function load() {
        const refused = existsSync(filePath) ? refusedFile(filePath, contentDir, file) : undefined;
        if (refused) throw new ContentError([refused]);
        let text: string;
        try {
          text = contentText(await readFile(filePath));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
            store.clear();
            return; // the file is optional: a site may list only its own articles
          }
          throw error;
        }
        const { entries, problems } = readHeadlineFile(text, file);
        if (problems.length > 0) throw new ContentError(problems);
        store.clear();
        for (const [order, entry] of entries.entries()) {
          // The store does not keep insertion order; `order` keeps the editor's for undated entries.
          const data = await parseData({ id: entry.id, data: { ...entry.data, order }, filePath: `${file}:${entry.line}` });
          store.set({ id: entry.id, data, filePath: file });
        }
      }
      if (!watcher) return load();
      // In `astro dev` the file is read again when it changes, and a file with problems keeps the entries loaded
      // before instead of stopping the server: the content check lists its problems on every page.
      const reload = () => load().catch((error: Error) => logger.error(`${file} not loaded until it is fixed: ${error.message}`));
      watcher.add(filePath);
      watcher.on('all', (_event, path) => path === filePath && void reload());
      await reload();
    },
  };
}
