/**
 * `evaluate(config)`: tasks → the work still missing in the output tree → load data → encode through the embedding
 * service (once per task at full dimension, truncated per requested dim) → run → write mteb result files atomically.
 */
import { type QuantizationKind, quantizeEmbeddings } from "../../metrics/quantize.js";
import type { TaskData } from "../../tasks/data.js";
import type { Encode } from "../../tasks/encode.js";
import { newTaskRngState, type ScoreDict, type SklearnBehaviour } from "../../tasks/runner.js";
import { runnerFor } from "../../tasks/runners/index.js";
import { loadTaskData } from "../data/load-task.js";
import type { DatasetSource } from "../data/source.js";
import type { Embedder } from "../embedders/types.js";
import type { EmbeddingCache } from "../embedding/disk-cache.js";
import { createEmbeddingService, type EncodeStats } from "../embedding/service.js";
import { type ItemRecord, writeTaskItems } from "../results/items.js";
import { resultDir, sidecarPath, taskResultPath } from "../results/layout.js";
import { writeFileAtomic } from "../results/store.js";
import type { ScoresEntry, TaskResult } from "../results/task-result.js";
import { EMBEVAL_VERSION } from "../version.js";
import { existingPairs, maxTokensOf, targetExperiment, writeResultFiles } from "./outputs.js";
import type { TaskWork } from "./work.js";

/** The mteb version whose evaluators embeval reproduces; written as `mteb_version` so mteb's loaders accept the files. */
export const MTEB_REFERENCE_VERSION = "2.20.0";

/** mteb's overwrite strategies. */
export type OverwriteStrategy = "only-missing" | "always" | "never";

/** Everything `evaluate` needs. */
export interface EvaluateConfig {
  work: readonly TaskWork[];
  embedder: Embedder;
  output: string;
  source: (spec: TaskWork["spec"]) => DatasetSource;
  overwrite?: OverwriteStrategy;
  sklearn?: SklearnBehaviour;
  seed?: number;
  batchSize?: number;
  /** Truncation dims; each gets its own experiments folder (the native dim writes to the revision folder). */
  dims?: readonly number[];
  renormalize?: boolean;
  /** mteb CompressionWrapper quantization of each encode call's embeddings (an experiment of its own). */
  quantize?: QuantizationKind;
  /** `--max-tokens` (must be the limit the embedder applies); other than `modelMaxTokens` → `max_tokens_<n>` folder. */
  maxTokens?: number;
  /** The model's own token limit (from its files); unknown = any `maxTokens` is an experiment. */
  modelMaxTokens?: number;
  /** The embedding disk cache (vectors looked up before encoding, stored per batch; resumes a killed run). */
  cache?: EmbeddingCache;
  log?: (line: string) => void;
  /** Called after every encoded batch (a progress bar); without it, progress goes to `log` every 5 s. */
  onEncodeProgress?: (p: EncodeProgress) => void;
  signal?: AbortSignal;
}

/** One main score of the run. */
export interface SummaryRow {
  task: string;
  split: string;
  subset: string;
  dim: number;
  mainScore: number;
}

/** What a run did. */
export interface EvaluateSummary {
  rows: SummaryRow[];
  written: string[];
  skipped: string[];
  encode: EncodeStats;
}

function entryOf(scores: ScoreDict, subset: string, languages: readonly string[]): ScoresEntry {
  const { main_score, ...metrics } = scores;
  return { ...metrics, main_score, hf_subset: subset, languages: [...languages] } as ScoresEntry;
}

/** Progress of one encode request: texts done, rate and ETA, at most every 5 s (and at the end of long requests). */
function encodeProgress(
  task: string,
  log: (line: string) => void,
  onProgress?: (p: EncodeProgress) => void,
): (done: number, total: number, tokens?: number) => void {
  let start = 0;
  let last = 0;
  let tokens0 = 0;
  return (done, total, tokens) => {
    const now = performance.now();
    if (start === 0) {
      start = now - 1;
      last = now;
      tokens0 = tokens ?? 0;
    }
    const elapsed = (now - start) / 1000;
    const rate = done / elapsed;
    const tokenRate = tokens === undefined ? undefined : (tokens - tokens0) / elapsed;
    const eta = (total - done) / Math.max(rate, 1e-9);
    onProgress?.({ task, done, total, textsPerSecond: rate, tokensPerSecond: tokenRate, etaSeconds: eta });
    if (!onProgress && (now - last >= 5000 || (done === total && elapsed > 5))) {
      last = now;
      const tok = tokenRate === undefined ? "" : `, ${tokenRate.toFixed(0)} tokens/s`;
      log(
        `${task}: encoded ${done}/${total} texts, ${rate.toFixed(0)} texts/s${tok}, ETA ${eta.toFixed(0)} s`,
      );
    }
    if (done === total) start = 0;
  };
}

/** One encode request's progress, for a progress bar. */
export interface EncodeProgress {
  task: string;
  done: number;
  total: number;
  textsPerSecond: number;
  /** Undefined when the embedder does not count tokens (HTTP APIs, random). */
  tokensPerSecond: number | undefined;
  etaSeconds: number;
}

/** Wrap an encode function so each call's embeddings are quantized as mteb's CompressionWrapper does. */
function quantized(encode: Encode, kind: QuantizationKind | undefined): Encode {
  if (!kind) return encode;
  return async (req) => quantizeEmbeddings(await encode(req), kind);
}

/** Run the evaluation; resolves to a summary (main scores, files written, tasks skipped as already done). */
export async function evaluate(config: EvaluateConfig): Promise<EvaluateSummary> {
  const { embedder } = config;
  const info = embedder.info;
  const log = config.log ?? (() => {});
  const seed = config.seed ?? 42;
  const sklearn = config.sklearn ?? "1.9";
  const overwrite = config.overwrite ?? "only-missing";
  const dims = config.dims && config.dims.length > 0 ? [...new Set(config.dims)] : [info.dim];
  const maxTokens = maxTokensOf(info, config.maxTokens, config.modelMaxTokens);
  const summary: EvaluateSummary = {
    rows: [],
    written: [],
    skipped: [],
    encode: { calls: 0, texts: 0, hits: 0, diskHits: 0, ms: 0 },
  };
  for (const work of config.work) {
    const { spec } = work;
    const targets = [];
    for (const dim of dims) {
      const exp = targetExperiment(info, dim, {
        renormalize: config.renormalize,
        quantize: config.quantize,
        maxTokens,
      });
      const dir = resultDir(config.output, info.id, info.revision, exp);
      const path = taskResultPath(dir, spec.name);
      const have = await existingPairs(path);
      const complete =
        have !== undefined && work.splits.every((s) => work.subsets.every((b) => have.has(`${s}\u0000${b}`)));
      const skip =
        overwrite === "never" ? have !== undefined : overwrite === "only-missing" ? complete : false;
      if (!skip) targets.push({ dim, exp, dir, path });
    }
    if (targets.length === 0) {
      summary.skipped.push(spec.name);
      log(`${spec.name}: already done, skipped`);
      continue;
    }
    const runner = runnerFor(spec);
    const source = config.source(spec);
    const cache = new Map<string, Promise<TaskData>>();
    const load = (split: string, subset: string) => {
      const key = `${split}\u0000${subset}`;
      let p = cache.get(key);
      if (!p) {
        p = loadTaskData(spec, source, split, subset);
        cache.set(key, p);
      }
      return p;
    };
    const service = createEmbeddingService({
      embedder,
      taskName: spec.name,
      taskType: spec.type,
      ...(spec.prompt ? { taskPrompt: spec.prompt } : {}),
      batchSize: config.batchSize ?? 32,
      signal: config.signal,
      cache: config.cache,
      onBatch: encodeProgress(spec.name, log, config.onEncodeProgress),
    });
    for (const target of targets) {
      const t0 = performance.now();
      const started = Date.now() / 1000;
      const rng = newTaskRngState(seed);
      const scores: Record<string, ScoresEntry[]> = {};
      const phases: { split: string; subset: string; seconds: number }[] = [];
      const items: ItemRecord[] = [];
      for (const split of work.splits) {
        scores[split] = [];
        for (const subset of work.subsets) {
          const p0 = performance.now();
          const data = await load(split, subset);
          const dict = await runner(data, {
            spec,
            split,
            subset,
            encode: quantized(
              service.encodeAt(target.dim === info.dim ? undefined : target.dim, config.renormalize),
              config.quantize,
            ),
            similarity: info.similarity,
            sklearn,
            rng,
            seed,
            loadSplit: (s) => load(s, subset),
            search: embedder.search,
            emitItems: (v) => items.push({ ...v, split, subset } as ItemRecord),
          });
          scores[split].push(entryOf(dict, subset, spec.hfSubsets[subset] ?? []));
          phases.push({ split, subset, seconds: (performance.now() - p0) / 1000 });
          summary.rows.push({ task: spec.name, split, subset, dim: target.dim, mainScore: dict.main_score });
          log(
            `${spec.name} ${split}/${subset}${target.exp ? ` dim ${target.dim}` : ""}: ${dict.main_score.toFixed(5)}`,
          );
        }
      }
      const result: TaskResult = {
        dataset_revision: spec.dataset.revision,
        task_name: spec.name,
        mteb_version: MTEB_REFERENCE_VERSION,
        scores,
        evaluation_time: (performance.now() - t0) / 1000,
        kg_co2_emissions: null,
        date: started,
      };
      const provenance = {
        embeval_version: EMBEVAL_VERSION,
        mteb_reference_version: MTEB_REFERENCE_VERSION,
        dataset: {
          path: spec.dataset.path,
          revision: spec.dataset.revision,
          name: spec.dataset.name ?? null,
        },
        model: {
          id: info.id,
          revision: info.revision,
          backend: info.backend,
          cache_key: info.cacheKey,
          details: info.details ?? {},
        },
        experiment: target.exp ?? null,
        max_tokens: maxTokens,
        seed,
        sklearn_behaviour: sklearn,
        node: process.version,
        phases,
        encode: { ...service.stats },
        embedding_cache: config.cache ? { dtype: config.cache.dtype } : null,
      };
      await writeResultFiles(target.dir, target.path, result, info, target.exp);
      if (items.length > 0) await writeTaskItems(target.dir, spec.name, items);
      await writeFileAtomic(
        sidecarPath(target.dir, spec.name, "provenance"),
        `${JSON.stringify(provenance, null, 2)}\n`,
      );
      summary.written.push(target.path);
    }
    for (const k of Object.keys(summary.encode) as (keyof EncodeStats)[])
      summary.encode[k] += service.stats[k];
  }
  return summary;
}
