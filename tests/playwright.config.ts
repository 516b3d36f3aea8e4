import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium where installed (this project's CI); otherwise Playwright's own browser. */
const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export const ports = { seed: 4410, reader: 4411 } as const;

export default defineConfig({
  testDir: './e2e',
  outputDir: './.output/playwright',
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  use: {
    launchOptions: {
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
    trace: 'retain-on-failure',
  },
  // Tags: @keyboard needs a keyboard (not on a phone), @js needs JavaScript, @nojs needs it off.
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } }, grepInvert: /@nojs/ },
    { name: 'phone', use: { ...devices['Pixel 7'] }, grepInvert: /@keyboard|@nojs/ },
    { name: 'desktop-no-js', use: { ...devices['Desktop Chrome'], javaScriptEnabled: false }, grepInvert: /@js/ },
  ],
  webServer: [
    // The production build of the real content (`npm run build`), and a build of the seed plus synthetic stories.
    { command: `node tests/support/static-server.ts dist ${ports.seed}`, port: ports.seed, cwd: '..' },
    { command: `node tests/support/static-server.ts tests/.output/reader-site ${ports.reader}`, port: ports.reader, cwd: '..' },
  ],
});
