/**
 * What one social card costs: draws the cards of the first generated articles one after another, as the build
 * does, and reports CPU time per card (the whole process: layout and SVG on the main thread, rasterizing and
 * PNG in sharp's threads). The card modules load through Vite, as in a build (they import tokens.css `?raw`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'vite';
import { parse } from 'yaml';
import { site } from '../../src/config.ts';
import type { CardContent } from '../../src/lib/cards/card-content.ts';
import { root } from './sites.ts';

export interface CardCost {
  cards: number;
  /** CPU time per card, whole process (ms). */
  cpuMs: number;
  /** Of which laying out the text and writing the SVG (ms). */
  svgMs: number;
  /** Wall time per card, one at a time (ms). */
  wallMs: number;
  /** Average PNG size (bytes). */
  bytes: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

export async function cardCost(contentDir: string, count = 200): Promise<CardCost> {
  const folder = join(contentDir, 'articles');
  const contents: CardContent[] = readdirSync(folder)
    .filter((name) => name.endsWith('.md'))
    .slice(0, count)
    .map((name) => {
      const { title, kicker } = parse(readFileSync(join(folder, name), 'utf8').split('---')[1]);
      return { kind: 'article', lang: 'en', kicker, headline: title, siteName: 'Broadsheet' };
    });
  // Vite sets NODE_ENV=development when it is unset; the builds this process starts later would inherit it
  // and build in development mode (site data read afresh for every page), so it is put back after.
  const nodeEnv = process.env.NODE_ENV;
  const vite = await createServer({ root, logLevel: 'silent', server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom' });
  try {
    const { cardSvg, renderCard } = await vite.ssrLoadModule('/src/lib/cards/card.ts');
    // Fonts parsed and code warmed up, as they are after the first few cards of a build.
    for (const content of contents.slice(0, 10)) await renderCard(content);
    let since = process.cpuUsage();
    for (const content of contents) cardSvg(content);
    const svgMs = cpuMs(since) / contents.length;
    since = process.cpuUsage();
    const start = performance.now();
    let bytes = 0;
    for (const content of contents) bytes += (await renderCard(content)).length;
    return { cards: contents.length, cpuMs: cpuMs(since) / contents.length, svgMs, wallMs: (performance.now() - start) / contents.length, bytes: bytes / contents.length };
  } finally {
    await vite.close();
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

/** The report's line: what a card costs, and what the cards of a cold build cost together. */
export function cardCostLine({ cards, cpuMs, svgMs, wallMs, bytes }: CardCost, articles: number): string {
  const drawn = Math.min(articles, site.socialCards);
  return (
    `social cards (${cards} drawn one at a time): ${cpuMs.toFixed(1)} ms of CPU each (text and SVG ${svgMs.toFixed(1)} ms, ` +
    `the rest rasterizing and PNG), ${wallMs.toFixed(1)} ms wall, ${Math.round(bytes / 1024)} KB; a cold build of ${articles} ` +
    `articles draws ${drawn} (socialCards in src/config.ts) and the site's: about ${((drawn + 1) * cpuMs / 1000).toFixed(1)} s of CPU`
  );
}
