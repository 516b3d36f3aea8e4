/**
 * The content-layer loader for a folder of Markdown files (articles, authors). The file name is the id; the
 * frontmatter is read as the content check reads it (YAML 1.2) and checked by the collection's schema; the
 * body goes through the one Markdown pipeline (src/lib/markdown/processor.ts). Each entry keeps a digest of
 * its file and of the code it depends on, so the next build renders only what changed.
 *
 * The rendered HTML is kept in a file of its own in Astro's cache folder, its path in the entry's
 * `renderedBody`: Astro bundles the whole content store into every build as one string, which at 100,000
 * articles was longer than a JavaScript string may be (and at 10,000, hundreds of megabytes to carry).
 *
 * Astro's `glob()` loader renders with Astro's own Markdown steps added (a second raw-HTML pass among them,
 * twice the time), and cannot hand inline pictures to astro:assets' `<Picture>`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { contentDir } from './content-dir';
import { frontmatterPictureProblems } from './content-files';
import { loaderCode } from './loader-code';
import { contentText, idOf, readMarkdown, refusedFile } from './markdown-file';
import { NESTING_EXPECTED } from '../markdown/nesting';
import { readingMinutes } from '../markdown/reading-minutes';
import { renderMarkdown, type BodyWords, type RenderedMarkdown } from '../markdown/processor';
import { createRenderPool, type RenderPool } from '../markdown/render-pool';
import { ContentError } from './problems';
import { ui } from '../util/messages';

/** Renders on this thread, as the pool does on its workers. */
const renderHere = (markdown: string, path: string, words: BodyWords) => renderMarkdown(markdown, path, undefined, words);

/** In a folder of fewer files, starting worker threads costs more than it saves. */
const POOL_THRESHOLD = 200;
/** A build that renders no more files than this (an edit or two) renders them on this thread. */
const IN_PROCESS_RENDERS = 16;

/**
 * Where the rendered HTML of a folder's files is kept: one folder per content folder, so builds of other
 * content in the same checkout (tests, benchmarks) neither share nor remove each other's files.
 */
export function renderedHtmlFolder(cacheDir: URL, folder: string): string {
  const key = createHash('sha256').update(resolve(folder)).digest('hex').slice(0, 16);
  return fileURLToPath(new URL(`broadsheet/${key}-${basename(folder)}/`, cacheDir));
}

export function markdownLoader(folder: string): Loader {
  return {
    name: 'broadsheet-markdown',
    async load({ config, store, parseData, generateDigest, watcher, logger }: LoaderContext) {
      // The site's language is the environment's (SITE_LANG), not code: its words go into every digest too.
      const words: BodyWords = ui.footnotes;
      const code = generateDigest(`${loaderCode(config.root)}\0${JSON.stringify(words)}`);
      const htmlFolder = renderedHtmlFolder(config.cacheDir, folder);
      mkdirSync(htmlFolder, { recursive: true });
      const htmlFileOf = (digest: string) => join(htmlFolder, `${digest}.html`);
      /** Drops an entry and its rendered HTML. */
      const forget = async (id: string) => {
        const digest = store.get(id)?.digest;
        store.delete(id);
        if (digest) await rm(htmlFileOf(String(digest)), { force: true });
      };

      /** Reads a file; undefined when the store already holds it as it is now. */
      async function read(name: string) {
        const id = idOf(name);
        const path = join(folder, name);
        const refused = refusedFile(path, contentDir, relative(fileURLToPath(config.root), path));
        if (refused) throw new ContentError([refused]);
        const text = contentText(await readFile(path));
        const digest = generateDigest(`${code}\0${path}\0${text}`);
        const unchanged = store.get(id)?.digest === digest && existsSync(htmlFileOf(digest));
        return unchanged ? undefined : { id, path, text, digest };
      }

      async function load(file: { id: string; path: string; text: string; digest: string }, render: (markdown: string, path: string, words: BodyWords) => Promise<RenderedMarkdown>) {
        const { path, text, digest } = file;
        const record = readMarkdown(text, relative(fileURLToPath(config.root), path));
        if ('problem' in record) throw new ContentError([record.problem]);
        const { id, file: filePath } = record;
        // astro:assets' image() imports what it is given: only a picture of the content folder may reach it.
        const unsafePictures = frontmatterPictureProblems(filePath, record.source, folder, contentDir);
        if (unsafePictures.length > 0) throw new ContentError(unsafePictures);
        const { html, pictures } = await render(record.body, path, words).catch((error: Error) => {
          // The pipeline stops on a body it cannot take (nested too deep): say which file.
          throw new ContentError([{ file: filePath, line: record.bodyLine, field: '(body)', wrong: error.message, expected: NESTING_EXPECTED }]);
        });
        await writeFile(htmlFileOf(digest), html);
        const renderedBody = { htmlFile: htmlFileOf(digest), readingMinutes: readingMinutes(html), pictures };
        // Pictures are resolved by the schema's image(), like the lead picture. No `body`: pages use the HTML.
        const data = await parseData({ id, data: { ...(record.source.data as object), renderedBody }, filePath: path });
        const previous = store.get(id)?.digest;
        store.set({ id, data, filePath, digest });
        if (previous !== undefined && previous !== digest) await rm(htmlFileOf(String(previous)), { force: true });
      }

      /**
       * In `astro dev` (which has a watcher) a file that cannot be loaded is left out instead of stopping the
       * server; the content check lists its problems on every page until it is fixed. A build stops.
       */
      async function leftOutInDev<T>(id: string, work: Promise<T>): Promise<T | undefined> {
        try {
          return await work;
        } catch (error) {
          if (!watcher) throw error;
          logger.error(`${id}.md left out until it is fixed: ${(error as Error).message}`);
          await forget(id);
          return undefined;
        }
      }

      const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith('.md'));
      const ids = new Set(names.map(idOf));
      await Promise.all(store.keys().filter((id) => !ids.has(id)).map(forget));

      const cores = availableParallelism();
      let pool: RenderPool | undefined;
      let rendered = 0;
      let next = 0;
      /**
       * Takes the next file until none is left. A few files per core in flight keep every core busy (the
       * workers render while this thread reads frontmatter and checks entries) without holding the whole
       * archive in memory. Worker threads start once a build has more than a handful of files to render.
       */
      const lane = async () => {
        while (next < names.length) {
          const name = names[next++];
          try {
            const file = await leftOutInDev(idOf(name), read(name));
            if (!file) continue;
            rendered++;
            if (!pool && cores > 1 && names.length >= POOL_THRESHOLD && rendered > IN_PROCESS_RENDERS) pool = createRenderPool(cores);
            await leftOutInDev(file.id, load(file, pool?.render ?? renderHere));
          } catch (error) {
            next = names.length; // a file that stops the build stops every lane
            throw error;
          }
        }
      };
      try {
        await Promise.all(Array.from({ length: 16 * cores }, lane));
      } finally {
        await pool?.close();
      }
      // Files no entry names (left by an interrupted build) go too.
      const current = new Set(store.values().map((entry) => `${entry.digest}.html`));
      await Promise.all(readdirSync(htmlFolder).filter((name) => !current.has(name)).map((name) => rm(join(htmlFolder, name))));
      logger.info(`${basename(folder)}: ${rendered} of ${names.length} files rendered, the others unchanged since the last build`);

      watcher?.add(folder);
      const onChange = async (path: string) => {
        if (!path.startsWith(folder) || !path.endsWith('.md')) return;
        try {
          const file = await read(relative(folder, path));
          if (file) await load(file, renderHere);
          logger.info(`Reloaded ${relative(folder, path)}`);
        } catch (error) {
          logger.error(`Could not reload ${relative(folder, path)}: ${(error as Error).message}`);
        }
      };
      watcher?.on('change', onChange);
      watcher?.on('add', onChange);
      watcher?.on('unlink', async (path) => {
        if (path.startsWith(folder) && path.endsWith('.md')) await forget(idOf(relative(folder, path)));
      });
    },
  };
}
