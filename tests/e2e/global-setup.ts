import { join } from 'node:path';
import { buildSite, outputRoot } from '../support/build-site';
import { writeReaderContent } from './reader-content';

/** Builds the reader site (seed + synthetic stories, newsletter form on) before the tests run. */
export default function globalSetup() {
  const result = buildSite(writeReaderContent(), join(outputRoot, 'reader-site'), {
    NEWSLETTER_ACTION: 'https://example.org/newsletter',
  });
  if (result.status !== 0) throw new Error(`Building the reader site failed:\n${result.output}`);
}
