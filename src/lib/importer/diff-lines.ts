/**
 * A short unified-style diff of two texts (as `diff -u` writes it): ` ` lines in both, `-` lines only in
 * `before`, `+` lines only in `after`, each run of changes with `context` lines around it under an
 * `@@ -line,count +line,count @@` header. It shows a writer what an import would write over their file.
 */
export function diffLines(before: string, after: string, context = 1): string[] {
  const [a, b] = [before, after].map((text) => text.replace(/\n$/, '').split('\n'));
  // Only the lines between the common start and end need the table (a growing headline file is appended to).
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a.at(-1 - tail) === b.at(-1 - tail)) tail++;
  const [endA, endB] = [a.length - tail, b.length - tail];
  // common[i][j]: length of the longest common subsequence of a[i..endA) and b[j..endB).
  const common = Array.from({ length: endA - head + 1 }, () => new Array<number>(endB - head + 1).fill(0));
  const at = (i: number, j: number) => common[i - head][j - head];
  for (let i = endA - 1; i >= head; i--) {
    for (let j = endB - 1; j >= head; j--) common[i - head][j - head] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  }
  const ops: { mark: ' ' | '-' | '+'; text: string; i: number; j: number }[] = [];
  const same = (i: number, j: number) => ops.push({ mark: ' ', text: a[i], i, j });
  for (let k = 0; k < head; k++) same(k, k);
  for (let i = head, j = head; i < endA || j < endB; ) {
    if (i < endA && j < endB && a[i] === b[j]) same(i++, j++);
    else if (i < endA && (j === endB || at(i + 1, j) >= at(i, j + 1))) ops.push({ mark: '-', text: a[i], i: i++, j });
    else ops.push({ mark: '+', text: b[j], i, j: j++ });
  }
  for (let k = tail; k > 0; k--) same(a.length - k, b.length - k);
  const near = ops.map((_, k) => ops.slice(Math.max(0, k - context), k + context + 1).some((op) => op.mark !== ' '));
  const lines: string[] = [];
  for (let k = 0; k < ops.length; k++) {
    if (!near[k]) continue;
    const start = k;
    while (k < ops.length && near[k]) k++;
    const hunk = ops.slice(start, k);
    const count = (skipped: string) => hunk.filter((op) => op.mark !== skipped).length;
    lines.push(`@@ -${hunk[0].i + 1},${count('+')} +${hunk[0].j + 1},${count('-')} @@`, ...hunk.map((op) => `${op.mark}${op.text}`));
  }
  return lines;
}
