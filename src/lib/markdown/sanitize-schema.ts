/**
 * The HTML a writer may use in an article, whether typed as Markdown or as raw HTML. Anything not listed
 * here is removed (its text kept, unless it is a container of code or foreign content, which goes whole).
 * README.md ("Writers' HTML") documents this list; keep the two in step.
 */
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/** Every writer-supplied `id` gets this prefix, so `## config` cannot shadow a page global. */
export const CLOBBER_PREFIX = 'user-content-';

export const sanitizeSchema: SanitizeSchema = {
  tagNames: [
    'p', 'br', 'hr', 'h2', 'h3', 'h4', 'h5', 'h6',
    'strong', 'em', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup',
    'abbr', 'cite', 'q', 'dfn', 'kbd', 'code', 'pre', 'samp', 'var', 'time',
    'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'input',
    'a', 'img', 'figure', 'figcaption', 'aside', 'section', 'details', 'summary', 'span',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  ],
  attributes: {
    '*': ['id', 'lang', 'dir', 'title'],
    // The data- and class attributes mark GFM footnote references and back-links.
    a: ['href', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'width', 'height'],
    blockquote: ['cite'],
    q: ['cite'],
    del: ['cite', 'dateTime'],
    ins: ['cite', 'dateTime'],
    time: ['dateTime'],
    ol: ['start', 'reversed', ['className', 'contains-task-list']],
    ul: [['className', 'contains-task-list']],
    li: [['className', 'task-list-item']],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    code: [['className', /^language-[\w-]+$/]],
    h2: [['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
    details: ['open'],
    th: ['align', 'scope', 'colSpan', 'rowSpan'],
    td: ['align', 'colSpan', 'rowSpan'],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  ancestors: {
    caption: ['table'], thead: ['table'], tbody: ['table'], tfoot: ['table'],
    tr: ['table'], th: ['table'], td: ['table'], figcaption: ['figure'], summary: ['details'],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
    cite: ['http', 'https'],
  },
  clobber: ['id', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: CLOBBER_PREFIX,
  // Containers whose content is code, styling or foreign markup: dropped whole, never shown as text.
  strip: [
    'script', 'style', 'template', 'noscript', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
    'textarea', 'select', 'option', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'svg', 'math',
  ],
};
