/**
 * Clustering runners: mteb's fast (bootstrapped, AbsTaskClustering) and legacy (AbsTaskClusteringLegacy) paths.
 * The fast path draws from the task's shared `random.Random(42)`, which advances across subsets and splits.
 */

import {
  evaluateClusteringFastAsync,
  selectDocumentsToEmbed,
} from "../../metrics/clustering/evaluate-fast.js";
import {
  evaluateClusteringLegacyAsync,
  legacySetNeedsEmbedding,
} from "../../metrics/clustering/evaluate-legacy.js";
import { EmbevalError } from "../../metrics/errors.js";
import type { Label, TaskData } from "../data.js";
import type { RunContext, ScoreDict } from "../runner.js";

/** Run either clustering variant on one subset. */
export async function runClustering(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "Clustering")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a clustering task`);
  if (spec.variant === "legacy") {
    if (data.kind !== "clustering-legacy")
      throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name}: expected cluster sets`);
    const sets = [];
    for (const set of data.sets) {
      const labels = [...set.labels];
      if (!legacySetNeedsEmbedding(labels)) sets.push({ labels });
      else
        sets.push({
          labels,
          embeddings: await ctx.encode({ texts: set.sentences, role: "symmetric", split: ctx.split }),
        });
    }
    const { scores } = await evaluateClusteringLegacyAsync(sets, { sklearn: ctx.sklearn });
    return { ...scores };
  }
  if (data.kind !== "clustering-fast")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name}: expected one row per document`);
  const opts = {
    maxFractionOfDocumentsToEmbed: spec.maxFractionOfDocumentsToEmbed,
    maxDocumentToEmbed: spec.maxDocumentToEmbed,
    nClusters: spec.nClusters,
    maxDocumentsPerCluster: spec.maxDocumentsPerCluster,
    kMeanBatchSize: spec.kMeansBatchSize,
    maxDepth: spec.maxDepth,
    seed: ctx.seed,
    sklearn: ctx.sklearn,
  };
  const idx = selectDocumentsToEmbed(data.sentences.length, opts, ctx.rng.clustering);
  const keep = idx ?? data.sentences.map((_, i) => i);
  const emb = await ctx.encode({
    texts: keep.map((i) => data.sentences[i]),
    role: "symmetric",
    split: ctx.split,
  });
  const labels = keep.map((i) => data.labels[i]) as (Label | Label[])[];
  const { scores } = await evaluateClusteringFastAsync(emb, labels, ctx.rng.clustering, opts);
  return { ...scores, main_score: scores[spec.mainScore] };
}
