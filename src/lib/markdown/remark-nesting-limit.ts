import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { MAX_NESTING, nestingDepth, tooDeep } from './nesting.ts';

/** Stops a body nested deeper than the tools after it can walk, before they overflow the stack. */
export default function remarkNestingLimit() {
  return (tree: Root, file: VFile) => {
    const depth = nestingDepth(tree);
    if (depth > MAX_NESTING) file.fail(tooDeep(depth));
  };
}
