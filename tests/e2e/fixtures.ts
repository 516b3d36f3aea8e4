import { test as base, expect } from '@playwright/test';
import { ports } from '../playwright.config';

export const sites = {
  /** The production build of the real content. */
  seed: `http://127.0.0.1:${ports.seed}`,
  /** The seed plus synthetic stories, with the newsletter form configured. */
  reader: `http://127.0.0.1:${ports.reader}`,
};

/**
 * Every test fails on a console error, a page error or a failed request (an expected 404 page is the one
 * exception a test may declare).
 */
export const test = base.extend<{ allowedStatus: number[] }>({
  allowedStatus: [[], { option: true }],
  page: async ({ page, allowedStatus }, use) => {
    const problems: string[] = [];
    page.on('console', (message) => {
      const expected = allowedStatus.some((status) => message.text().includes(`status of ${status}`));
      if (message.type() === 'error' && !expected) problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // ERR_ABORTED: the test navigated on before, say, the favicon finished loading; not a broken request.
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') {
        problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
      }
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !allowedStatus.includes(response.status())) {
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
      }
    });
    await use(page);
    expect(problems).toEqual([]);
  },
});

export { expect };
