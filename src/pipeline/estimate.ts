/**
 * `--dry-run` planning: per task, how many texts would be encoded, roughly how many tokens (characters / 4, the
 * usual English rule of thumb — an estimate, not a tokenizer count), the embedding cache size, and an ETA from a
 * measured throughput; plus the preflight that refuses a run which cannot fit the disk or memory.
 */
import type { TaskSpec } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";
import type { TaskWork } from "./work.js";

/** One task's plan. */
export interface TaskEstimate {
  task: string;
  /** Rows the benchmark evaluates (mteb's num_samples over the selected split × subset pairs). */
  samples: number;
  /** Texts sent to the embedder (pairs count twice, clustering embeds its sample only). */
  texts: number;
  /** Estimated tokens, or null when mteb has no character statistics for the task. */
  tokens: number | null;
  /** Bytes of full-dimension vectors in the embedding cache. */
  cacheBytes: number;
}

/** How many of a subset's samples are encoded, per task kind (mteb's evaluators). */
function textsPerSample(spec: TaskSpec): number {
  switch (spec.kind) {
    case "STS":
    case "PairClassification":
    case "BitextMining":
      return 2;
    case "Clustering":
      return spec.variant === "fast" && spec.maxFractionOfDocumentsToEmbed !== null
        ? spec.maxFractionOfDocumentsToEmbed
        : 1;
    default:
      return 1;
  }
}

/** Plan the selected work for a model of `dim` dimensions whose cache stores `bytesPerValue` (4 or 2) per value. */
export function estimateWork(work: readonly TaskWork[], dim: number, bytesPerValue: 2 | 4): TaskEstimate[] {
  return work.map(({ spec, splits, subsets }) => {
    let samples = 0;
    let chars: number | null = 0;
    for (const split of splits) {
      const s = spec.stats?.[split];
      for (const subset of subsets) {
        const sub =
          s?.subsets?.[subset] ??
          (subsets.length === 1 && Object.keys(spec.hfSubsets).length === 1 ? s : undefined);
        samples += sub?.numSamples ?? 0;
        chars =
          chars === null || sub?.numberOfCharacters === undefined ? null : chars + sub.numberOfCharacters;
      }
    }
    let texts = Math.ceil(samples * textsPerSample(spec));
    if (spec.kind === "Clustering" && spec.variant === "fast" && spec.maxDocumentToEmbed !== null) {
      texts = Math.min(samples, spec.maxDocumentToEmbed * splits.length * subsets.length);
    }
    if (spec.kind === "Classification" || spec.kind === "MultilabelClassification") {
      // Training rows: at most samples_per_label per label per experiment (bounded by the train split).
      const train = spec.stats?.[spec.trainSplit];
      const labels = train?.uniqueLabels ?? 0;
      const perSubset = Math.min(train?.numSamples ?? 0, spec.samplesPerLabel * labels * spec.nExperiments);
      texts += perSubset * subsets.length;
    }
    const tokens =
      chars === null ? null : Math.ceil((chars / 4) * (texts / Math.max(samples * textsPerSample(spec), 1)));
    return { task: spec.name, samples, texts, tokens, cacheBytes: texts * dim * bytesPerValue };
  });
}

/** Resources a run needs versus what the machine has. */
export interface Preflight {
  cacheBytes: number;
  freeDiskBytes: number;
  /** Bytes of one padded batch of activations (batch × max tokens × dim × 4 × `activationFactor`). */
  batchBytes: number;
  totalMemoryBytes: number;
}

/** Refuse (E_RESOURCES) a run whose cache would not fit the disk or whose longest batch would not fit memory. */
export function checkPreflight(p: Preflight): void {
  if (p.cacheBytes > p.freeDiskBytes) {
    throw new EmbevalError(
      "E_RESOURCES",
      `the embedding cache would need ${gib(p.cacheBytes)} but the disk has ${gib(p.freeDiskBytes)} free`,
      {
        hint: "use --cache-dtype float16 (half the size), fewer tasks, or an HTTP backend on a serving cluster",
      },
    );
  }
  if (p.batchBytes > 0.8 * p.totalMemoryBytes) {
    throw new EmbevalError(
      "E_RESOURCES",
      `one batch would need about ${gib(p.batchBytes)} of memory (${gib(p.totalMemoryBytes)} installed)`,
      { hint: "lower --batch-size or --max-tokens, or use an HTTP backend on a serving cluster" },
    );
  }
}

function gib(bytes: number): string {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`;
}
