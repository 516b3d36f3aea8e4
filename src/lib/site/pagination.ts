/**
 * Listings (section, tag, author, archive month) are split into numbered pages by Astro's own `paginate()`,
 * which `getStaticPaths` is handed: page 1 at `<base>`, page n at `<base><n>/`, the base path and trailing
 * slash included, one empty page for an empty listing. What is left here is the page's title.
 */
import type { Page } from 'astro';
import { ui } from '../util/messages';

/** A listing's page title: "World", then "World (page 2 of 3)". */
export function titleWithPage(title: string, page: Pick<Page, 'currentPage' | 'lastPage'>): string {
  return page.currentPage > 1 ? ui.titleWithPage(title, page.currentPage, page.lastPage) : title;
}
