// A character-level diff (by code point, so CJK text and surrogate pairs stay whole): the common
// prefix and suffix are cut first, the middle is aligned by longest common subsequence. A middle
// too large to align within the budget is shown as one deletion and one insertion.

const BUDGET = 4_000_000;

export function diff(before, after) {
  const a = Array.from(before);
  const b = Array.from(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const segments = [];
  push(segments, 'same', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > BUDGET) {
    push(segments, 'removed', midA.join(''));
    push(segments, 'added', midB.join(''));
  } else {
    align(midA, midB).forEach(([kind, text]) => push(segments, kind, text));
  }
  push(segments, 'same', a.slice(endA).join(''));
  return segments;
}

function align(a, b) {
  const n = a.length;
  const m = b.length;
  // lengths[i][j]: the longest common subsequence of a[i..] and b[j..], in one flat array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const out = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) { out.push(['same', a[i]]); i++; j++; }
    else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) { out.push(['removed', a[i]]); i++; }
    else { out.push(['added', b[j]]); j++; }
  }
  while (i < n) out.push(['removed', a[i++]]);
  while (j < m) out.push(['added', b[j++]]);
  return out;
}

function push(segments, kind, text) {
  if (!text) return;
  const last = segments[segments.length - 1];
  if (last && last.kind === kind) last.text += text;
  else segments.push({ kind, text });
}
