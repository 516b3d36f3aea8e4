/**
 * Splitting a listing (section, tag, author, archive month) into numbered pages:
 * page 1 at `<base>`, page n at `<base><n>/`. An empty listing still has one (empty) page.
 */

export interface Page<T> {
  items: T[];
  /** 1-based. */
  number: number;
  total: number;
  url: string;
  prevUrl?: string;
  nextUrl?: string;
}

export function pageUrl(basePath: string, number: number): string {
  return number === 1 ? basePath : `${basePath}${number}/`;
}

export function paginate<T>(items: readonly T[], pageSize: number, basePath: string): Page<T>[] {
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new RangeError(`page size must be a whole number ≥ 1, not ${pageSize}`);
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: total }, (_, index) => {
    const number = index + 1;
    return {
      items: items.slice(index * pageSize, number * pageSize),
      number,
      total,
      url: pageUrl(basePath, number),
      prevUrl: number > 1 ? pageUrl(basePath, number - 1) : undefined,
      nextUrl: number < total ? pageUrl(basePath, number + 1) : undefined,
    };
  });
}

/** Astro's `[...page]` rest parameter: nothing for page 1, "2", "3", … after it. */
export function pageParam(number: number): string | undefined {
  return number === 1 ? undefined : String(number);
}

/** `getStaticPaths` entries for one paginated listing: `params` plus the `page` rest parameter. */
export function paginatedPaths<T, Params extends Record<string, string>>(
  items: readonly T[],
  pageSize: number,
  basePath: string,
  params: Params,
) {
  return paginate(items, pageSize, basePath).map((page) => ({
    params: { ...params, page: pageParam(page.number) },
    props: { page },
  }));
}

/** A listing's page title: "World", then "World (page 2 of 3)". */
export function titleWithPage(title: string, page: Pick<Page<unknown>, 'number' | 'total'>): string {
  return page.number > 1 ? `${title} (page ${page.number} of ${page.total})` : title;
}
