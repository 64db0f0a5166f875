/** Deterministic synthetic data for the benchmarks (a benchmark, not a test). */

/** Float32 blobs: class centre (spread `spread`) + uniform noise, from a seeded 32-bit LCG; labels i % k. */
export function syntheticBlobs(
  n: number,
  d: number,
  k: number,
  seed: number,
  spread: number,
): { x: Float32Array; y: number[] } {
  let state = seed >>> 0;
  const rand = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296 - 0.5;
  };
  const centres = Float32Array.from({ length: k * d }, () => rand() * spread);
  const x = new Float32Array(n * d);
  const y: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % k;
    y[i] = c;
    for (let j = 0; j < d; j++) x[i * d + j] = centres[c * d + j] + rand();
  }
  return { x, y };
}
