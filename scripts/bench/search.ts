/**
 * `npm run bench -- search`: exact search (mteb search_wrappers.py chunked top-k) GFLOP/s against numpy's float32
 * matmul measured in the same run, the raw kernels it chooses from, and the peak RSS of a 1M-document search.
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { matmulTExact } from "../../metrics/kernels/exact-f64.js";
import { onnxGemm } from "../../metrics/kernels/onnx-gemm.js";
import { onnxGemmTopk } from "../../metrics/kernels/onnx-topk.js";
import { matrix } from "../../metrics/matrix.js";
import { type SearchKernel, searchCorpus } from "../../metrics/retrieval/search.js";
import { findPython, pythonVersions, runPython } from "./python.js";
import { type BenchOutput, type BenchRow, timeIt } from "./types.js";

const D = 768;
const M = Number(process.env.SEARCH_BENCH_QUERIES ?? 10_000);
const N = Number(process.env.SEARCH_BENCH_DOCS ?? 200_000);
const TOP_K = 100;
const RSS_QUERIES = Number(process.env.SEARCH_BENCH_RSS_QUERIES ?? 10_000);
const RSS_DOCS = Number(process.env.SEARCH_BENCH_RSS_DOCS ?? 1_000_000);
/** numpy's product is timed on blocks of this many queries against the whole corpus (its output stays < 2 GB). */
const NUMPY_BLOCK = 2048;

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

/** numpy float32 `q @ c.T` GFLOP/s (median of 3 after a warm-up), OpenBLAS left to pick its own kernels. */
function numpyGflops(python: string, m: number, n: number, d: number): number {
  const code = [
    "import numpy as np, time",
    `rng = np.random.default_rng(0); q = rng.random((${m}, ${d}), dtype=np.float32); c = rng.random((${n}, ${d}), dtype=np.float32)`,
    "q[:10] @ c[:1000].T",
    "ts = []",
    "for _ in range(3):\n    t = time.perf_counter(); s = q @ c.T; ts.append(time.perf_counter() - t); del s",
    `print(2 * ${m} * ${n} * ${d} / sorted(ts)[1] / 1e9)`,
  ].join("\n");
  return Number(runPython(python, code));
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

/**
 * Child mode: a search whose corpus arrives chunk by chunk, as the retrieval runner feeds it (each chunk encoded when
 * the search asks for it, never the whole corpus at once); prints the peak RSS in bytes.
 */
async function rssChild(m: number, n: number): Promise<void> {
  const q = matrix(randomF32(m * D, 1), m, D);
  await searchCorpus({
    queryIds: Array.from({ length: m }, (_, i) => `q${i}`),
    queryEmbeddings: q,
    corpusIds: Array.from({ length: n }, (_, i) => `d${i}`),
    corpusEmbeddings: (start, end) => matrix(randomF32((end - start) * D, start + 7), end - start, D),
    topK: 1000,
    similarity: "cosine",
  });
  console.log(process.resourceUsage().maxRSS * 1024);
}

async function kernelRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const qa = randomF32(512 * D, 3);
  const cb = randomF32(50_000 * D, 4);
  const gemm = await onnxGemm();
  if (gemm) {
    const t = await timeIt(() => gemm.run(qa, 512, cb, 50_000, D), 3);
    const g = (2 * 512 * 50_000 * D) / (t.ms * 1e6);
    rows.push({
      name: "kernel onnxruntime Gemm (float32)",
      workload: `512 x 50,000 x ${D}: ${g.toFixed(1)} GFLOP/s`,
      ...t,
    });
  }
  const topk = await onnxGemmTopk();
  if (topk) {
    const t = await timeIt(() => topk.run(qa, 512, cb, 50_000, D, 130), 3);
    const g = (2 * 512 * 50_000 * D) / (t.ms * 1e6);
    rows.push({
      name: "kernel onnxruntime Gemm+TopK(130)",
      workload: `512 x 50,000 x ${D}: ${g.toFixed(1)} GFLOP/s`,
      ...t,
    });
  }
  const out = new Float32Array(64 * 10_000);
  const tj = await timeIt(() => matmulTExact(qa, 64, cb, 10_000, D, out), 1);
  const gj = (2 * 64 * 10_000 * D) / (tj.ms * 1e6);
  rows.push({
    name: "kernel exact JS (float64 accum.)",
    workload: `64 x 10,000 x ${D}: ${gj.toFixed(2)} GFLOP/s`,
    ...tj,
  });
  return rows;
}

function peakRss(): { gb: number; ms: number } {
  const t0 = performance.now();
  const stdout = execFileSync(
    process.execPath,
    ["--import", "tsx", fileURLToPath(import.meta.url), "--rss-child", `${RSS_QUERIES}`, `${RSS_DOCS}`],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  return { gb: Number(stdout.trim().split("\n").at(-1)) / 2 ** 30, ms: performance.now() - t0 };
}

export async function bench(): Promise<BenchOutput> {
  const python = findPython(["numpy"]);
  const flops = 2 * M * N * D;
  const rows: BenchRow[] = [];
  const npBlock = Math.min(NUMPY_BLOCK, M);
  const npGflops = python ? numpyGflops(python, npBlock, N, D) : null;
  if (npGflops !== null)
    rows.push({
      name: "numpy float32 q @ c.T",
      workload: `${fmt(npBlock)} x ${fmt(N)} x ${D}: ${npGflops.toFixed(1)} GFLOP/s`,
      ms: ((2 * npBlock * N * D) / npGflops) * 1e-6,
      reps: 3,
    });
  rows.push(...(await kernelRows()));
  const ts = await timeIt(searchJob(M, N, "auto", 11), 1);
  const gs = flops / (ts.ms * 1e6);
  rows.push({
    name: "searchCorpus auto (onnx topk + rescoring)",
    workload: `${fmt(M)} x ${fmt(N)} x ${D}, top ${TOP_K}: ${gs.toFixed(1)} GFLOP/s`,
    ...ts,
  });
  const ratio = npGflops ? gs / npGflops : null;
  console.log(
    `search: ${fmt(M)} queries x ${fmt(N)} docs x ${D}: embeval ${gs.toFixed(1)} GFLOP/s, numpy matmul ${npGflops?.toFixed(1) ?? "n/a"} GFLOP/s, ratio ${ratio?.toFixed(2) ?? "n/a"}`,
  );
  const rss = peakRss();
  const corpusGb = (RSS_DOCS * D * 4) / 2 ** 30;
  rows.push({
    name: "search peak RSS",
    workload: `${fmt(RSS_QUERIES)} x ${fmt(RSS_DOCS)} x ${D}, top 1000: ${rss.gb.toFixed(2)} GB`,
    ms: rss.ms,
    reps: 1,
  });
  console.log(
    `memory: peak RSS ${rss.gb.toFixed(2)} GB for ${fmt(RSS_QUERIES)} queries over a ${corpusGb.toFixed(2)} GB corpus streamed in chunks of 50,000 as the retrieval runner encodes them (top 1000)`,
  );
  return {
    rows,
    figures: {
      search: {
        gflops: round(gs),
        numpy_gflops: npGflops === null ? null : round(npGflops),
        ratio: ratio === null ? null : round(ratio, 3),
        queries: M,
        docs: N,
        dim: D,
        top_k: TOP_K,
        seconds: round(ts.ms / 1000),
        numpy: python ? pythonVersions(python, ["numpy"]).numpy : null,
        numpy_shape: `${npBlock} x ${N} x ${D}`,
      },
      memory: {
        peak_rss_gb: round(rss.gb, 3),
        queries: RSS_QUERIES,
        docs: RSS_DOCS,
        dim: D,
        top_k: 1000,
        corpus_gb: round(corpusGb, 3),
        corpus: "streamed in chunks of 50,000 (as tasks/runners/retrieval.ts encodes it)",
        seconds: round(rss.ms / 1000),
      },
    },
  };
}

function round(x: number, digits = 2): number {
  return Number(x.toFixed(digits));
}

if (process.argv[2] === "--rss-child") await rssChild(Number(process.argv[3]), Number(process.argv[4]));
