/**
 * The rule of the interface's message templates: text with `{blanks}` named in braces. No config import, so
 * the search page's script (in the browser) fills its templates with the same rule the pages use.
 */

/** A template's text and its `{blanks}`, in order: `templateParts('by {a} and {b}')` → text, blank a, text, blank b. */
export function templateParts(template: string): ({ text: string } | { blank: string })[] {
  return template
    .split(/\{(\w+)\}/)
    .map((part, index) => (index % 2 === 1 ? { blank: part } : { text: part }))
    .filter((part) => !('text' in part) || part.text !== '');
}

/** The template with each blank `values` names filled in as text; a blank it does not name stays as written. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return templateParts(template)
    .map((part) => ('text' in part ? part.text : (values[part.blank] ?? `{${part.blank}}`)))
    .join('');
}
