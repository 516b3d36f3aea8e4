import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCodeFiles, loaderCodeFiles } from '../../src/lib/content/loader-code';
import { projectRoot } from '../support/build-site';

describe('the code in every entry’s digest', () => {
  const files = loaderCodeFiles(new URL(`file://${projectRoot}`)).map((file) => relative(projectRoot, file));

  it('holds the loaders, the Markdown pipeline, the schemas and the site config', () => {
    for (const file of ['src/content.config.ts', 'src/lib/content/markdown-loader.ts', 'src/lib/content/schemas.ts', 'src/lib/markdown/processor.ts', 'src/lib/markdown/sanitize-schema.ts', 'src/lib/markdown/render-worker.ts', 'src/config.ts']) {
      expect(files).toContain(file);
    }
  });

  it('leaves out what only pages read: editing the ranker or a feed renders no body again', () => {
    expect(files.filter((file) => /^src\/(lib\/(site|publish)|pages|components)\//.test(file))).toEqual([]);
  });
});

describe('the code in the key of every file the content check remembers', () => {
  const files = checkCodeFiles(new URL(`file://${projectRoot}`)).map((file) => relative(projectRoot, file));

  it('holds the check and every rule it runs, with the schemas and the site config they read', () => {
    for (const file of ['check.ts', 'check-cache.ts', 'findings.ts', 'record-problems.ts', 'body-problems.ts', 'content-files.ts', 'cross-entry.ts', 'markdown-file.ts', 'yaml-source.ts', 'headlines-loader.ts', 'schemas.ts', 'fields.ts', 'schema-walk.ts']) {
      expect(files).toContain(`src/lib/content/${file}`);
    }
    expect(files).toEqual(expect.arrayContaining(['src/lib/markdown/nesting.ts', 'src/lib/markdown/raw-html.ts', 'src/config.ts']));
  });

  it('leaves out what the check does not run: the loaders, the pages', () => {
    expect(files.filter((file) => /markdown-loader|render-worker|^src\/(pages|components)\//.test(file))).toEqual([]);
  });
});
