/**
 * Content-layer loader for `headlines.yaml`: a plain YAML list of stories with no article file here.
 * Astro's `file()` loader logs and skips an unreadable file; this one fails the build instead, naming the
 * file, the line and what is wrong, so no entry ever disappears silently.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { Loader } from 'astro/loaders';
import { LineCounter, parseDocument, isSeq, isMap, type Node } from 'yaml';
import { slugify } from './slugs';

export interface RawHeadlineEntry {
  id: string;
  line: number;
  data: Record<string, unknown>;
}

export class HeadlineFileError extends Error {}

/** Parses the YAML text into entries with ids (slug of the title) and line numbers; pure, for tests. */
export function parseHeadlineFile(text: string, fileName: string): RawHeadlineEntry[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const fail = (line: number, message: string): never => {
    throw new HeadlineFileError(`${fileName}:${line} ${message}`);
  };

  if (doc.errors.length > 0) fail(doc.errors[0].linePos?.[0].line ?? 1, `invalid YAML — ${doc.errors[0].message}`);
  if (doc.contents === null) return [];
  if (!isSeq(doc.contents)) fail(lineOf(doc.contents), 'expected a list of entries, each starting with "- kicker:"');

  const seen = new Map<string, number>();
  return (doc.contents as { items: unknown[] }).items.map((item, index) => {
    const line = lineOf(item as Node);
    if (!isMap(item)) fail(line, `entry ${index + 1} — expected fields (kicker, title, dek, …)`);
    const data = (item as Node).toJSON() as Record<string, unknown>;
    const title = typeof data.title === 'string' ? data.title : '';
    const id = slugify(title);
    if (!id) fail(line, `title — missing or empty in entry ${index + 1} — a headline`);
    const firstLine = seen.get(id);
    if (firstLine !== undefined) fail(line, `title — "${title}" duplicates the entry at line ${firstLine}`);
    seen.set(id, line);
    return { id, line, data };
  });
}

export function headlinesLoader(filePath: string): Loader {
  return {
    name: 'broadsheet-headlines',
    async load({ store, parseData }) {
      const fileName = relative(process.cwd(), filePath);
      let text: string;
      try {
        text = await readFile(filePath, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          store.clear();
          return; // the file is optional: a site may list only its own articles
        }
        throw error;
      }
      const entries = parseHeadlineFile(text, fileName);
      store.clear();
      for (const [order, entry] of entries.entries()) {
        // The store does not keep insertion order; `order` keeps the editor's for undated entries.
        const data = await parseData({ id: entry.id, data: { ...entry.data, order }, filePath: `${fileName}:${entry.line}` });
        store.set({ id: entry.id, data, filePath: fileName });
      }
    },
  };
}
