/** `embeval run --dry-run` and the preflight: per-task plan, a measured throughput sample, resource checks. */
import { statfs } from "node:fs/promises";
import { totalmem } from "node:os";
import type { Embedder } from "../embedders/types.js";
import { checkPreflight, estimateWork } from "../pipeline/estimate.js";
import type { TaskWork } from "../pipeline/work.js";
import { renderTable } from "./table.js";

/** Options of `planRun`. */
export interface PlanOptions {
  batchSize: number;
  cacheDir: string | undefined;
  cacheDtype: "float32" | "float16";
  /** Embed a sample to measure throughput (dry runs only; normal runs just check resources). */
  measure: boolean;
}

async function freeBytes(dir: string | undefined): Promise<number> {
  if (!dir) return Number.POSITIVE_INFINITY;
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

/** A sample of 64 mixed-length texts, embedded once to measure texts per second. */
async function measureThroughput(embedder: Embedder, batchSize: number): Promise<number> {
  const texts = Array.from(
    { length: 64 },
    (_, i) => `sample ${i} ${"lorem ipsum dolor sit amet ".repeat(1 + (i % 12))}`,
  );
  const t0 = performance.now();
  for (let s = 0; s < texts.length; s += batchSize)
    await embedder.embed(texts.slice(s, s + batchSize), { role: "document" });
  return texts.length / Math.max((performance.now() - t0) / 1000, 1e-6);
}

/** Plan the run; throws E_RESOURCES when the cache or a batch cannot fit. Returns the dry-run table. */
export async function planRun(
  work: readonly TaskWork[],
  embedder: Embedder,
  opts: PlanOptions,
): Promise<{ table: string }> {
  const info = embedder.info;
  const bytes = opts.cacheDtype === "float16" ? 2 : 4;
  const rows = estimateWork(work, Math.max(info.dim, 1), bytes);
  const cacheBytes = opts.cacheDir ? rows.reduce((a, r) => a + r.cacheBytes, 0) : 0;
  // Activations of one padded batch: batch × max tokens × dim floats, ×4 for the layers' intermediate buffers.
  const batchBytes =
    info.backend === "onnx" ? opts.batchSize * (info.maxTokens ?? 512) * info.dim * 4 * 4 : 0;
  checkPreflight({
    cacheBytes,
    freeDiskBytes: await freeBytes(opts.cacheDir),
    batchBytes,
    totalMemoryBytes: totalmem(),
  });
  const rate =
    opts.measure && !embedder.search ? await measureThroughput(embedder, opts.batchSize) : undefined;
  const body = rows.map((r) => [
    r.task,
    String(r.samples),
    String(r.texts),
    r.tokens === null ? "?" : String(r.tokens),
    (r.cacheBytes / 2 ** 20).toFixed(1),
    rate === undefined ? "?" : formatSeconds(r.texts / rate),
  ]);
  const texts = rows.reduce((a, r) => a + r.texts, 0);
  const total = rate === undefined ? "?" : formatSeconds(texts / rate);
  const table = renderTable(["task", "samples", "texts", "est. tokens", "cache MiB", "ETA"], body);
  const rateText =
    rate === undefined
      ? "throughput not measured"
      : `${rate.toFixed(0)} texts/s measured on a 64-text sample`;
  return {
    table: `${table}\n${rows.length} tasks, ${texts} texts, ETA ${total} (${rateText}; tokens ≈ characters / 4)`,
  };
}

function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(0)} s`;
  if (s < 3600) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
