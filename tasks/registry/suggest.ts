/** "Did you mean" suggestions for unknown task and suite names: case-insensitive Levenshtein distance plus substring matches. */

/** Levenshtein edit distance (insert, delete, substitute; each cost 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  let cur = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/**
 * Up to `max` candidates closest to `query` (case-insensitive): names within a distance of
 * max(2, ⌊len/3⌋), or containing the query, sorted by distance then name.
 */
export function suggest(query: string, candidates: Iterable<string>, max = 3): string[] {
  const q = query.toLowerCase();
  const limit = Math.max(2, Math.floor(q.length / 3));
  const scored: { name: string; d: number }[] = [];
  for (const name of candidates) {
    const n = name.toLowerCase();
    const d = editDistance(q, n);
    if (d <= limit) scored.push({ name, d });
    else if (q.length >= 3 && n.includes(q)) scored.push({ name, d: limit + 1 + (n.length - q.length) });
  }
  scored.sort((x, y) => x.d - y.d || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return scored.slice(0, max).map((s) => s.name);
}

/** A hint sentence for an EmbevalError: "did you mean X, Y?" or the fallback. */
export function didYouMean(query: string, candidates: Iterable<string>, fallback: string): string {
  const s = suggest(query, candidates);
  return s.length > 0 ? `did you mean ${s.map((x) => `"${x}"`).join(", ")}?` : fallback;
}
