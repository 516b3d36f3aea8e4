/**
 * Takes the README's screenshots of the built site (`npm run build` first), in the tests' browser,
 * served by the tests' nginx. Run: `npm run screenshots`.
 */
import { chromium } from '@playwright/test';
import config from '../playwright.config.ts';
import { startNginx } from './nginx.ts';
import { portOffsets, testPort } from './ports.ts';

const port = await testPort(portOffsets.readmeScreenshots);
const article = '/articles/putin-not-ready-to-acknowledge-trump-loss/';
const desktop = { width: 1280, height: 900 };
const shots = [
  { file: 'article-desktop.png', path: article, viewport: desktop, colorScheme: 'light' },
  { file: 'article-desktop-dark.png', path: article, viewport: desktop, colorScheme: 'dark' },
  { file: 'article-phone.png', path: article, viewport: { width: 390, height: 844 }, colorScheme: 'light' },
  { file: 'front-desktop.png', path: '/', viewport: desktop, colorScheme: 'light' },
] as const;

const nginx = await startNginx([{ port, dir: 'dist', base: '/' }]);
const browser = await chromium.launch(config.use?.launchOptions);
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1, colorScheme: shot.colorScheme });
    await page.goto(`http://127.0.0.1:${port}${shot.path}`);
    await page.screenshot({ path: `.github/screenshots/${shot.file}`, fullPage: shot.viewport.width >= 600 });
    await page.close();
  }
} finally {
  await browser.close();
  await nginx.stop();
}
