/**
 * Classification and multilabel runners (mteb/abstasks/classification.py, multilabel_classification.py): undersample
 * the training split with mteb's RNG, encode only the selected rows (their sorted union) and the eval split, probe.
 */

import { evaluateClassificationAsync } from "../../metrics/classification/evaluate.js";
import { undersampleExperiments } from "../../metrics/classification/undersample.js";
import { EmbevalError } from "../../metrics/errors.js";
import { evaluateMultilabel, planMultilabel } from "../../metrics/multilabel/evaluate.js";
import { compareCodePoints } from "../../metrics/ranking.js";
import type { Label, TaskData } from "../data.js";
import { asScoreValues, expectData, type RunContext, type ScoreDict } from "../runner.js";

/** Labels as integer ids in Python's sorted order (numbers numerically, strings by code point), like np.unique. */
export function labelIds(labels: readonly Label[]): { ids: number[]; classes: Label[] } {
  const uniq = [...new Set(labels)];
  const allNumbers = uniq.every((l) => typeof l === "number");
  uniq.sort((a, b) => (allNumbers ? (a as number) - (b as number) : compareCodePoints(String(a), String(b))));
  const index = new Map(uniq.map((l, i) => [l, i]));
  return { ids: labels.map((l) => index.get(l) as number), classes: uniq };
}

/** Classification: n_experiments undersampled logistic-regression probes. */
export async function runClassification(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "Classification")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a classification task`);
  const test = expectData(data, "classification", spec.name);
  const train = expectData(await ctx.loadSplit(spec.trainSplit), "classification", spec.name);
  // One id space for train and test labels (order-preserving, so sklearn's sorted classes_ are unchanged).
  const { ids } = labelIds([...train.labels, ...test.labels]);
  const trainIds = ids.slice(0, train.labels.length);
  const testIds = ids.slice(train.labels.length);
  const selected = undersampleExperiments(trainIds, spec.samplesPerLabel, spec.nExperiments, ctx.seed);
  const union = [...new Set(selected.flat())].sort((a, b) => a - b);
  const trainEmb = await ctx.encode({
    texts: union.map((i) => train.texts[i]),
    role: "symmetric",
    split: spec.trainSplit,
  });
  const testEmb = await ctx.encode({ texts: test.texts, role: "symmetric", split: ctx.split });
  const { scores, predictions } = await evaluateClassificationAsync({
    trainEmbeddings: trainEmb,
    trainRows: union,
    trainLabels: trainIds,
    testEmbeddings: testEmb,
    testLabels: testIds,
    nExperiments: spec.nExperiments,
    samplesPerLabel: spec.samplesPerLabel,
    seed: ctx.seed,
    mainScore: spec.mainScore === "ap" ? "accuracy" : spec.mainScore,
  });
  if (ctx.emitItems && spec.mainScore === "accuracy") {
    // Per test item: the fraction of experiments that classified it correctly (its mean is the mean accuracy).
    const values = testIds.map(
      (y, i) => predictions.reduce((n, p) => n + (p[i] === y ? 1 : 0), 0) / predictions.length,
    );
    ctx.emitItems({ metric: "accuracy", kind: "accuracy", ids: testIds.map((_, i) => String(i)), values });
  }
  const main = spec.mainScore === "ap" ? scores.ap : scores.main_score;
  return { ...scores, scores_per_experiment: asScoreValues(scores.scores_per_experiment), main_score: main };
}

/** Multilabel classification: kNN probes on rows undersampled with the task's shared default_rng. */
export async function runMultilabel(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (spec.kind !== "MultilabelClassification")
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} is not a multilabel task`);
  const test = expectData(data, "multilabel", spec.name);
  const train = expectData(await ctx.loadSplit(spec.trainSplit), "multilabel", spec.name);
  const opts = {
    nExperiments: spec.nExperiments,
    samplesPerLabel: spec.samplesPerLabel,
    nNeighbors: spec.nNeighbors,
    mainScore: spec.mainScore,
  };
  const plan = planMultilabel(train.labels, ctx.rng.multilabel, opts);
  const trainEmb = await ctx.encode({
    texts: plan.uniqueTrainIndices.map((i) => train.texts[i]),
    role: "symmetric",
    split: spec.trainSplit,
  });
  const testEmb = await ctx.encode({ texts: test.texts, role: "symmetric", split: ctx.split });
  const { scores } = evaluateMultilabel(
    {
      plan,
      trainLabels: train.labels,
      trainEmbeddings: trainEmb,
      testEmbeddings: testEmb,
      testLabels: test.labels,
    },
    opts,
  );
  return { ...scores, scores_per_experiment: asScoreValues(scores.scores_per_experiment) };
}
