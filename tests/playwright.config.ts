import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import type { SiteOptions } from './e2e/fixtures';

/** Debian's Chromium where installed (this project's CI); otherwise Playwright's own browser. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Which tests run where, by the tags in their titles. Every test runs on the desktop, with JavaScript, at the
 * domain root; elsewhere only the tests that can come out otherwise there:
 * - phone (a phone's width, touch): all but @once (the same at every width: request-level, metadata, script
 *   logic, or a test that sets its own viewport) and @keyboard (no keyboard on a phone);
 * - desktop-no-js (JavaScript off): only @nojs (needs it off) and @anyjs (reading and moving about, which
 *   must work without it), never @js (needs it);
 * - desktop under /news/ (the sites built with that base path): only @basepath (links, assets, pictures,
 *   feeds, search, the 404 page, redirects: whatever carries an address).
 */
const desktop = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } };

export default defineConfig<SiteOptions>({
  testDir: './e2e',
  outputDir: './.output/playwright',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  snapshotPathTemplate: '{testDir}/__screenshots__/{projectName}/{arg}{ext}',
  use: {
    launchOptions: {
      executablePath,
      // Fonts as the visual baselines were taken with, whatever the machine prefers (tests/fonts/fonts.conf).
      env: { ...process.env, FONTCONFIG_FILE: fileURLToPath(new URL('fonts/fonts.conf', import.meta.url)) },
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
  projects: [
    // The hostile site, once: payloads do not care about the viewport. First, as its tests are the longest: the
    // short ones of the other projects then fill in beside them, rather than one worker finishing them alone.
    { name: 'xss', use: { ...devices['Desktop Chrome'] }, testMatch: /xss\.spec/ },
    ...[
      { name: 'desktop', use: desktop, grepInvert: /@nojs/ },
      { name: 'phone', use: { ...devices['Pixel 7'] }, grepInvert: /@keyboard|@nojs|@once/ },
      { name: 'desktop-no-js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: false }, grep: /@nojs|@anyjs/ },
      // The Arabic site and the sample fronts are built at the root only (their specs read them through `samples`).
      { name: 'desktop under /news/', use: { ...desktop, basePath: '/news/' as const }, grep: /@basepath/, grepInvert: /@nojs/ },
    ].map((project) => ({ ...project, testIgnore: /xss\.spec/ })),
  ],
});
