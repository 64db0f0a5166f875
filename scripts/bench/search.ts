/**
 * `npm run bench -- search`: exact search (mteb search_wrappers.py chunked top-k) GFLOP/s against numpy's float32
 * matmul measured in the same run, the raw kernels it can choose from, and the peak RSS of a streamed large search.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { matmulTExact } from "../../metrics/kernels/exact-f64.js";
import { onnxGemm } from "../../metrics/kernels/onnx-gemm.js";
import { matrix } from "../../metrics/matrix.js";
import { type SearchKernel, searchCorpus } from "../../metrics/retrieval/search.js";
import { type BenchRow, timeIt } from "./types.js";

const D = 768;
const M = Number(process.env.SEARCH_BENCH_QUERIES ?? 1000);
const N = Number(process.env.SEARCH_BENCH_DOCS ?? 100_000);
const TOP_K = 100;
const RSS_QUERIES = Number(process.env.SEARCH_BENCH_RSS_QUERIES ?? 200);
const RSS_DOCS = Number(process.env.SEARCH_BENCH_RSS_DOCS ?? 1_000_000);

/** Uniform(-0.5, 0.5) float32 values from a xorshift32 stream (fast enough for 10⁸ values). */
function randomF32(len: number, seed: number): Float32Array {
  const out = new Float32Array(len);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < len; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) / 2 ** 32 - 0.5;
  }
  return out;
}

const fmt = (x: number) => x.toLocaleString("en-US");

/** numpy float32 `q @ d.T` GFLOP/s (median of 3 after a warm-up), OpenBLAS left to pick its own core type. */
function numpyGflops(m: number, n: number, d: number): number {
  const code = [
    "import numpy as np, time",
    `rng = np.random.default_rng(0); q = rng.random((${m}, ${d}), dtype=np.float32); c = rng.random((${n}, ${d}), dtype=np.float32)`,
    "q[:10] @ c[:1000].T",
    "ts = []",
    "for _ in range(3):\n    t = time.perf_counter(); s = q @ c.T; ts.append(time.perf_counter() - t)",
    `print(2 * ${m} * ${n} * ${d} / sorted(ts)[1] / 1e9)`,
  ].join("\n");
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return Number(execFileSync("python3", ["-c", code], { env, encoding: "utf8" }).trim());
}

/** A timed search over pre-generated data (generation is not timed). */
function searchJob(m: number, n: number, kernel: SearchKernel, seed: number): () => Promise<unknown> {
  const q = matrix(randomF32(m * D, seed), m, D);
  const c = matrix(randomF32(n * D, seed + 1), n, D);
  const queryIds = Array.from({ length: m }, (_, i) => `q${i}`);
  const corpusIds = Array.from({ length: n }, (_, i) => `d${i}`);
  return () =>
    searchCorpus({
      queryIds,
      queryEmbeddings: q,
      corpusIds,
      corpusEmbeddings: c,
      topK: TOP_K,
      similarity: "cosine",
      kernel,
    });
}

/** Child mode: a search whose corpus is generated chunk by chunk (never held whole); prints peak RSS in bytes. */
async function rssChild(m: number, n: number): Promise<void> {
  const q = matrix(randomF32(m * D, 1), m, D);
  const ids = Array.from({ length: n }, (_, i) => `d${i}`);
  await searchCorpus({
    queryIds: Array.from({ length: m }, (_, i) => `q${i}`),
    queryEmbeddings: q,
    corpusIds: ids,
    corpusEmbeddings: (start, end) => matrix(randomF32((end - start) * D, start + 7), end - start, D),
    topK: 1000,
    similarity: "cosine",
  });
  console.log(process.resourceUsage().maxRSS * 1024);
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const flops = 2 * M * N * D;
  const workload = `${fmt(M)} x ${fmt(N)} x ${D}, top ${TOP_K}`;
  const npGflops = numpyGflops(M, N, D);
  rows.push({
    name: "numpy float32 q @ c.T",
    workload: `${fmt(M)} x ${fmt(N)} x ${D}: ${npGflops.toFixed(1)} GFLOP/s`,
    ms: (flops / npGflops) * 1e-6,
    reps: 3,
  });
  const gemm = await onnxGemm();
  if (gemm) {
    const qa = randomF32(256 * D, 3);
    const cb = randomF32(50_000 * D, 4);
    const t = await timeIt(() => gemm.run(qa, 256, cb, 50_000, D), 3);
    const g = (2 * 256 * 50_000 * D) / (t.ms * 1e6);
    rows.push({
      name: "kernel onnxruntime Gemm (float32)",
      workload: `256 x 50,000 x ${D}: ${g.toFixed(1)} GFLOP/s`,
      ...t,
    });
  }
  const qa = randomF32(64 * D, 5);
  const cb = randomF32(10_000 * D, 6);
  const out = new Float32Array(64 * 10_000);
  const tj = await timeIt(() => matmulTExact(qa, 64, cb, 10_000, D, out), 1);
  const gj = (2 * 64 * 10_000 * D) / (tj.ms * 1e6);
  rows.push({
    name: "kernel exact JS (float64 accum.)",
    workload: `64 x 10,000 x ${D}: ${gj.toFixed(2)} GFLOP/s`,
    ...tj,
  });
  const ts = await timeIt(searchJob(M, N, "auto", 11), 1);
  const gs = flops / (ts.ms * 1e6);
  rows.push({
    name: "searchCorpus auto (onnx + rescoring)",
    workload: `${workload}: ${gs.toFixed(1)} GFLOP/s`,
    ...ts,
  });
  console.log(
    `search: ${fmt(M)} queries x ${fmt(N)} docs x ${D}: embeval ${gs.toFixed(1)} GFLOP/s, numpy matmul ${npGflops.toFixed(1)} GFLOP/s, ratio ${(gs / npGflops).toFixed(2)}`,
  );
  const t0 = performance.now();
  const bytes = Number(
    execFileSync(
      process.execPath,
      ["--import", "tsx", fileURLToPath(import.meta.url), "--rss-child", `${RSS_QUERIES}`, `${RSS_DOCS}`],
      {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "inherit"],
      },
    )
      .trim()
      .split("\n")
      .at(-1),
  );
  const rssMs = performance.now() - t0;
  const gb = bytes / 2 ** 30;
  const corpusGb = (RSS_DOCS * D * 4) / 2 ** 30;
  rows.push({
    name: "streamed search peak RSS",
    workload: `${fmt(RSS_QUERIES)} x ${fmt(RSS_DOCS)} x ${D}, top 1000: ${gb.toFixed(2)} GB`,
    ms: rssMs,
    reps: 1,
  });
  console.log(
    `memory: peak RSS ${gb.toFixed(2)} GB for a ${corpusGb.toFixed(2)} GB corpus streamed in chunks of 50,000 (${fmt(RSS_QUERIES)} queries, top 1000)`,
  );
  return rows;
}

if (process.argv[2] === "--rss-child") await rssChild(Number(process.argv[3]), Number(process.argv[4]));
