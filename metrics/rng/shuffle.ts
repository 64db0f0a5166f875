/**
 * The pieces numpy's legacy RandomState and its Generator share (numpy `distributions.c` gen_mask and the in-place
 * Fisher–Yates of `shuffle`/`permutation`); each bit generator supplies its own `random_interval`.
 */

/** Smallest all-ones mask >= max (numpy `gen_mask`), for max < 2^32. */
export function mask32(max: number): number {
  let m = max >>> 0;
  m |= m >>> 1;
  m |= m >>> 2;
  m |= m >>> 4;
  m |= m >>> 8;
  m |= m >>> 16;
  return m >>> 0;
}

/** numpy `shuffle(x)` in place: for i = n-1..1, j = random_interval(i), swap x[i] and x[j]. */
export function shuffleInPlace<T>(
  x: T[] | Int32Array | Float64Array,
  randomInterval: (max: number) => number,
): void {
  const a = x as T[];
  for (let i = a.length - 1; i > 0; i--) {
    const j = randomInterval(i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/** numpy `permutation(n)` = shuffle(arange(n)). */
export function permutationOf(n: number, randomInterval: (max: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  shuffleInPlace(out, randomInterval);
  return out;
}
