// smartypants ships no types; these are the two entry points Broadsheet uses.
declare module 'smartypants' {
  /** SmartyPants with Unicode output; `attr` picks the transforms: q quotes, d dashes, e ellipses, 1 all. */
  export function smartypantsu(text: string, attr?: string): string;
}
