/**
 * What the content check remembers of each Markdown file between runs, so an unchanged file costs a read and a
 * hash: its findings (./findings.ts: problems, and the dates and pictures judged again on every run) and what
 * the rules between entries need of it (its id, authors and related stories). An entry is used only for the
 * same key: a digest of the check's own code, the file's path and its bytes. The cache file is written whole
 * (a temporary file, then a rename) and holds only the files of the last run; one that cannot be read, or
 * holds an entry of the wrong shape, is ignored, and one that cannot be written only makes the next run slower.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'astro/zod';
import type { References } from './cross-entry';
import type { Finding } from './findings';

/** What the check keeps of one Markdown file. `references` is there when the file could be read as a record. */
export interface FileFacts {
  findings: Finding[];
  references?: References;
}

const at = { line: z.number(), field: z.string() };
const reference = z.object({ value: z.string(), line: z.number() });
const entrySchema = z.object({
  key: z.string(),
  facts: z.object({
    findings: z.array(
      z.union([
        z.object({ problem: z.object({ file: z.string(), ...at, wrong: z.string(), expected: z.string() }) }),
        z.object({ date: z.object({ ...at, shown: z.string(), time: z.number() }) }),
        z.object({ picture: z.object({ ...at, src: z.string() }) }),
      ]),
    ),
    references: z.object({ id: z.string(), file: z.string(), authors: z.array(reference), related: z.array(reference) }).optional(),
  }),
});
type Entry = z.infer<typeof entrySchema>;

const VERSION = 1;

/** The cache file of a content folder in Astro's cache folder: one per folder, so tests and benchmarks keep their own. */
export function checkCacheFile(cacheDir: URL, contentDir: string): string {
  const folder = createHash('sha256').update(resolve(contentDir)).digest('hex').slice(0, 16);
  return fileURLToPath(new URL(`broadsheet/content-check-${folder}.json`, cacheDir));
}

export interface CheckMemory {
  /** The facts of `file` as its `bytes` are: remembered, or found by `find` (and remembered). */
  recall(file: string, bytes: Uint8Array, find: () => FileFacts): FileFacts;
  /** Writes the cache file, holding the files recalled since it was opened, if that differs from what it held. */
  save(): void;
}

function readEntries(cacheFile: string): Map<string, unknown> {
  try {
    const kept = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: unknown; files?: unknown };
    if (kept?.version !== VERSION || typeof kept.files !== 'object' || kept.files === null) return new Map();
    return new Map(Object.entries(kept.files));
  } catch {
    return new Map(); // missing, unreadable or corrupt: every file is checked
  }
}

function writeAtomically(path: string, text: string): void {
  const temporary = `${path}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true }); // not written: the next run checks every file again
  }
}

/**
 * The memory of the check of one content folder, kept in `cacheFile` (none: every file is checked, nothing is
 * written). `code` is the digest of the check's code; with `root` and the working folder (reports name files
 * from it) it is part of every file's key.
 */
export function checkMemory(cacheFile: string | undefined, code: string, root: string): CheckMemory {
  if (!cacheFile) return { recall: (_file, _bytes, find) => find(), save: () => undefined };
  const context = `${VERSION}\0${code}\0${resolve(root)}\0${process.cwd()}`;
  const kept = readEntries(cacheFile);
  const recalled = new Map<string, Entry>();
  let changed = false;
  return {
    recall(file, bytes, find) {
      const key = createHash('sha256').update(context).update('\0').update(file).update('\0').update(bytes).digest('base64url');
      const entry = entrySchema.safeParse(kept.get(file)).data;
      if (entry?.key === key) {
        recalled.set(file, entry);
        return entry.facts;
      }
      changed = true;
      const facts = find();
      recalled.set(file, { key, facts });
      return facts;
    },
    save() {
      if (!changed && recalled.size === kept.size) return; // the same files, unchanged: the file already holds them
      writeAtomically(cacheFile, JSON.stringify({ version: VERSION, files: Object.fromEntries(recalled) }));
    },
  };
}
