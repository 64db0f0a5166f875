/** Shared test data for the search kernels: a seeded LCG stream, near-duplicate rows and a Gemm perturbed within its error bound. */
import type { Operand } from "../../metrics/kernels/block-topk.js";
import { rowNorms } from "../../metrics/kernels/block-topk.js";
import { matmulTExact } from "../../metrics/kernels/exact-f64.js";
import { type GemmKernel, gemmErrorBound } from "../../metrics/kernels/onnx-gemm.js";

/** Uniform [0, 1) numbers from a 32-bit LCG (Numerical Recipes constants). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A Gemm returning exact scores moved at random by up to 0.99 × half the bound (the bound's own safety margin). */
export function adversarialGemm(rnd: () => number): GemmKernel {
  return {
    async run(a, m, b, n, d) {
      const out = new Float32Array(m * n);
      matmulTExact(a, m, b, n, d, out);
      const na = rowNorms({ rows: m, cols: d, data: a.subarray(0, m * d) });
      const nb = rowNorms({ rows: n, cols: d, data: b.subarray(0, n * d) });
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++)
          out[i * n + j] += (rnd() * 2 - 1) * 0.99 * (gemmErrorBound(d, na[i], nb[j]) / 2);
      return out;
    },
    release: async () => {},
  };
}

/** Rows close to one base row (entries ± spread/2), so scores crowd within a few bound widths of each other. */
export function nearDuplicates(rnd: () => number, rows: number, cols: number, spread = 1e-4): Operand {
  const base = Float32Array.from({ length: cols }, () => rnd() - 0.5);
  const data = Float32Array.from({ length: rows * cols }, (_, i) => base[i % cols] + (rnd() - 0.5) * spread);
  return { rows, cols, data };
}
