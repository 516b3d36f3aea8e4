/**
 * YAML parsed with positions, so every problem can name the line it is on. Values stay as written (YAML 1.2:
 * a date is a string), which lets the checks see whether a date-time carries its zone. The content check and
 * the content loaders all read YAML here, so they never disagree on what a file holds.
 */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Alias, type Document, type Node } from 'yaml';

export type Path = readonly (string | number)[];

export interface YamlSource {
  /** The parsed value, or undefined when the text is not valid YAML. */
  data: unknown;
  /** First syntax error: its line and message. */
  error?: { line: number; message: string };
  /** Line of the node at `path`, or of its nearest existing parent. */
  lineOf(path: Path): number;
  /** The YAML nodes of a top-level list, each with its own `lineOf`. */
  items(): YamlSource[];
}

/**
 * @param firstLine the line number of the text's first line in its file (frontmatter starts after `---`).
 */
export function readYaml(text: string, firstLine = 1): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const error = doc.errors[0];
  return fromNode(doc, doc.contents as Node | null, toLine, error && { line: toLine(error.pos[0]), message: error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '') });
}

/**
 * The value of a node, aliases resolved through its document (a node alone would give `{ source: 't' }` for
 * `*t`); an alias with no anchor, or so many that expanding them would exhaust memory, is an error on the
 * line of the first alias that does not resolve (or of the first alias).
 */
function valueOf(doc: Document, node: Node | null, toLine: (offset: number) => number): Pick<YamlSource, 'data' | 'error'> {
  try {
    return { data: node ? node.toJS(doc) : null };
  } catch (error) {
    const aliases: Alias[] = [];
    visit(doc, { Alias: (_, alias) => void aliases.push(alias) });
    const culprit = aliases.find((alias) => !alias.resolve(doc)) ?? aliases[0];
    return { data: undefined, error: { line: toLine(culprit?.range?.[0] ?? 0), message: (error as Error).message } };
  }
}

function fromNode(
  doc: Document,
  root: Node | null,
  toLine: (offset: number) => number,
  error?: { line: number; message: string },
): YamlSource {
  const lineOfNode = (node: Node | null | undefined) => (node?.range ? toLine(node.range[0]) : toLine(0));
  return {
    ...(error ? { data: undefined, error } : valueOf(doc, root, toLine)),
    lineOf(path) {
      let node: Node | null = root;
      let line = lineOfNode(root);
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((candidate) => (candidate.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          line = lineOfNode(pair.key as Node);
          node = pair.value as Node | null;
        } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
          node = node.items[key] as Node;
          line = lineOfNode(node);
        } else break;
      }
      return line;
    },
    items() {
      return isSeq(root) ? root.items.map((item) => fromNode(doc, item as Node, toLine)) : [];
    },
  };
}
