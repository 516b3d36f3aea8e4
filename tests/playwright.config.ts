import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import type { SiteOptions } from './e2e/fixtures';

/** Debian's Chromium where installed (this project's CI); otherwise Playwright's own browser. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const devicesUnderTest = [
  { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } }, grepInvert: /@nojs/ },
  { name: 'phone', use: { ...devices['Pixel 7'] }, grepInvert: /@keyboard|@nojs|@once/ },
  { name: 'desktop-no-js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: false }, grepInvert: /@js|@once|@visual/ },
];

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
  // The whole suite runs twice: the sites served at the domain root, and under the sub-folder /news/.
  // Tags: @keyboard needs a keyboard (not on a phone), @js needs JavaScript, @nojs needs it off,
  // @once is browser-independent (runs in the desktop project only), @a11y and @visual run at the root only.
  projects: [
    ...(['/', '/news/'] as const).flatMap((basePath) =>
      devicesUnderTest.map((device) => ({
        ...device,
        name: basePath === '/' ? device.name : `${device.name} under /news/`,
        use: { ...device.use, basePath },
        // The Arabic site is built at the root only: which way text runs does not depend on the base path.
        testIgnore: basePath === '/' ? /xss\.spec/ : /xss\.spec|rtl-site\.spec/,
        // Accessibility and looks do not depend on the base path: checked at the root only.
        ...(basePath === '/news/' && { grepInvert: new RegExp([device.grepInvert.source, '@a11y', '@visual'].join('|')) }),
      })),
    ),
    // The hostile site, once: payloads do not care about the viewport.
    { name: 'xss', use: { ...devices['Desktop Chrome'] }, testMatch: /xss\.spec/ },
  ],
});
