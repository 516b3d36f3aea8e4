import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loaderCodeFiles } from '../../src/lib/content/loader-code';
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
