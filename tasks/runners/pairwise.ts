/** Runners for STS, pair classification, bitext mining and summarization (mteb's pairwise evaluators). */

import { scoreBitext } from "../../metrics/bitext.js";
import { EmbevalError } from "../../metrics/errors.js";
import { nearestNeighboursFast } from "../../metrics/kernels/nearest.js";
import { scorePairClassification } from "../../metrics/pair.js";
import { sklearnPairedCosine } from "../../metrics/similarity.js";
import { scoreSts } from "../../metrics/sts.js";
import { scoreSummarization } from "../../metrics/summarization.js";
import type { TaskData } from "../data.js";
import { roleOf } from "../encode.js";
import { expectData, type RunContext, type ScoreDict } from "../runner.js";

/** STS: sentence1 and sentence2 in one encode call each, then mteb's correlations. */
export async function runSts(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "STS") throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not an STS task`);
  const d = expectData(data, "sts", spec.name);
  const e1 = await ctx.encode({ texts: d.sentence1, role: roleOf(spec.input1PromptType), split: ctx.split });
  const e2 = await ctx.encode({ texts: d.sentence2, role: roleOf(spec.input2PromptType), split: ctx.split });
  if (ctx.emitItems && spec.mainScore === "cosine_spearman") {
    const cos = sklearnPairedCosine(e1, e2);
    ctx.emitItems({
      metric: "cosine_spearman",
      kind: "correlation",
      statistic: "spearman",
      ids: d.scores.map((_, i) => String(i)),
      values: d.scores.map((g, i) => [g, cos[i]]),
    });
  }
  const scores = scoreSts(e1, e2, d.scores, {
    minScore: spec.minScore,
    maxScore: spec.maxScore,
    similarityFn: ctx.similarity,
  });
  return { ...scores, main_score: scores[spec.mainScore] };
}

/** Pair classification: five score functions, best-threshold accuracy/F1, AP, max over functions. */
export async function runPairClassification(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "PairClassification")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a pair-classification task`);
  const d = expectData(data, "pair", spec.name);
  const e1 = await ctx.encode({ texts: d.sentence1, role: roleOf(spec.input1PromptType), split: ctx.split });
  const e2 = await ctx.encode({ texts: d.sentence2, role: roleOf(spec.input2PromptType), split: ctx.split });
  const scores = scorePairClassification(e1, e2, d.labels, {
    similarityFn: ctx.similarity,
    mainScore: spec.mainScore,
  });
  return { ...scores, main_score: scores.main_score };
}

/** Bitext mining: nearest sentence2 row for each sentence1 row; weighted P/R/F1. */
export async function runBitext(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "BitextMining")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a bitext-mining task`);
  const d = expectData(data, "bitext", spec.name);
  const e1 = await ctx.encode({ texts: d.sentence1, role: "symmetric", split: ctx.split });
  const e2 = await ctx.encode({ texts: d.sentence2, role: "symmetric", split: ctx.split });
  const predictions = await nearestNeighboursFast(e1, e2, ctx.similarity);
  const { scores } = scoreBitext(e1, e2, { similarityFn: ctx.similarity, gold: d.gold, predictions });
  return { ...scores, main_score: scores[spec.mainScore] };
}

/** Summarization: all human summaries in one call, all machine summaries in another. */
export async function runSummarization(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "Summarization")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a summarization task`);
  const d = expectData(data, "summarization", spec.name);
  const human = await ctx.encode({ texts: d.human.flat(), role: "symmetric", split: ctx.split });
  const machine = await ctx.encode({ texts: d.machine.flat(), role: "symmetric", split: ctx.split });
  const r = scoreSummarization(
    human,
    d.human.map((h) => h.length),
    machine,
    d.relevance.map((x) => [...x]),
    {
      minScore: spec.minScore,
      maxScore: spec.maxScore,
      similarityFn: ctx.similarity,
      evaluator: spec.deprecatedEvaluator ? "legacy" : "v2",
    },
  );
  return { ...r.scores, main_score: r.scores[spec.mainScore] };
}
