/** Summarization: reproduces mteb 2.20 mteb/_evaluators/text/summarization_evaluator.py (v2 and deprecated v1). */
import { pearson, spearman } from "./correlation.js";
import { EmbevalError } from "./errors.js";
import { type Matrix, takeRows } from "./matrix.js";
import { npMean } from "./numeric.js";
import { pearsonPValue, spearmanPValue } from "./pvalues.js";
import { cosSim, dotScore, type SimilarityFn, similarityMatrix } from "./similarity.js";

/** Which evaluator: `v2` (SummEval*.v2, mean of r) or `legacy` (SummEval/SummEvalFr v1, mean of (r + p)/2). */
export type SummarizationEvaluator = "v2" | "legacy";

export interface SummarizationOptions {
  minScore: number;
  maxScore: number;
  similarityFn: SimilarityFn;
  evaluator: SummarizationEvaluator;
}

/** mteb's summarization score dict (main_score = cosine_spearman). */
export interface SummarizationScores {
  pearson: number;
  spearman: number;
  cosine_spearman: number;
  cosine_pearson: number;
  dot_pearson: number;
  dot_spearman: number;
  main_score: number;
}

/** Per-text predictions: one value per machine summary (max over that text's human summaries). */
export interface SummarizationPredictions {
  cosine: number[][];
  dot: number[][];
  similarity: number[][];
  gold: number[][];
}

/** Why a text was skipped: which lists had a single distinct value. */
export interface SkippedSample {
  sample: number;
  constant: ("human" | "dot" | "cosine")[];
}

export interface SummarizationResult {
  scores: SummarizationScores;
  /** Indices of the texts that were scored. */
  kept: number[];
  skipped: SkippedSample[];
  /** Predictions of every text, kept or not. */
  predictions: SummarizationPredictions;
}

function maxOf(v: ArrayLike<number>): number {
  let m = v[0];
  for (let i = 1; i < v.length; i++) if (v[i] > m || Number.isNaN(v[i])) m = v[i];
  return m;
}

function rangeRows(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

/**
 * Max cosine / max dot / max model similarity of every machine summary against its text's human summaries,
 * one machine summary at a time (identical summaries give bit-identical values, as mteb's per-row torch calls).
 */
export function summarizationPredictions(
  human: Matrix,
  humanCounts: ArrayLike<number>,
  machine: Matrix,
  machineCounts: ArrayLike<number>,
  similarityFn: SimilarityFn,
): Omit<SummarizationPredictions, "gold"> {
  const sum = (c: ArrayLike<number>) => Array.from(c).reduce((a, b) => a + b, 0);
  if (
    sum(humanCounts) !== human.rows ||
    sum(machineCounts) !== machine.rows ||
    humanCounts.length !== machineCounts.length
  ) {
    throw new EmbevalError("E_SHAPE_MISMATCH", "summary counts do not match the embedding rows", {
      hint: "human_counts must sum to the human rows and relevance lengths to the machine rows",
    });
  }
  const out: Omit<SummarizationPredictions, "gold"> = { cosine: [], dot: [], similarity: [] };
  let h0 = 0;
  let m0 = 0;
  for (let t = 0; t < humanCounts.length; t++) {
    const hs = takeRows(human, rangeRows(h0, humanCounts[t]));
    const cos: number[] = [];
    const dot: number[] = [];
    const sim: number[] = [];
    for (let k = 0; k < machineCounts[t]; k++) {
      const m = takeRows(machine, [m0 + k]);
      cos.push(maxOf(cosSim(m, hs)));
      dot.push(maxOf(dotScore(m, hs)));
      const pairSims = rangeRows(0, hs.rows).map(
        (j) => similarityMatrix(similarityFn, m, takeRows(hs, [j]))[0],
      );
      sim.push(maxOf(Float32Array.from(pairSims)));
    }
    out.cosine.push(cos);
    out.dot.push(dot);
    out.similarity.push(sim);
    h0 += humanCounts[t];
    m0 += machineCounts[t];
  }
  return out;
}

const single = (v: number[]) => new Set(v).size === 1;

/**
 * Score a summarization subset. `relevance[t]` holds one gold score per machine summary of text t. A text is
 * skipped when its gold, dot or cosine list has a single distinct value (the model-similarity list is not checked).
 */
export function scoreSummarization(
  human: Matrix,
  humanCounts: ArrayLike<number>,
  machine: Matrix,
  relevance: ReadonlyArray<ArrayLike<number>>,
  opts: SummarizationOptions,
): SummarizationResult {
  if (!(opts.maxScore > opts.minScore)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `maxScore (${opts.maxScore}) must exceed minScore (${opts.minScore})`,
    );
  }
  const machineCounts = relevance.map((r) => r.length);
  const p = summarizationPredictions(human, humanCounts, machine, machineCounts, opts.similarityFn);
  const gold = relevance.map((r) =>
    Array.from(r, (x) => (x - opts.minScore) / (opts.maxScore - opts.minScore)),
  );
  const kept: number[] = [];
  const skipped: SkippedSample[] = [];
  gold.forEach((g, t) => {
    const constant: SkippedSample["constant"] = [];
    if (single(g)) constant.push("human");
    if (single(p.dot[t])) constant.push("dot");
    if (single(p.cosine[t])) constant.push("cosine");
    if (constant.length > 0) skipped.push({ sample: t, constant });
    else kept.push(t);
  });
  if (kept.length === 0) throw new EmbevalError("E_EMPTY_INPUT", "every summarization sample was skipped");
  const legacy = opts.evaluator === "legacy";
  // legacy: np.mean over [(r, p), ...] = pairwise mean of the flattened [r0, p0, r1, p1, ...].
  const agg = (corr: typeof pearson, pval: (r: number, n: number) => number, preds: number[][]) => {
    const vals: number[] = [];
    for (const t of kept) {
      const r = corr(gold[t], preds[t]);
      vals.push(r);
      if (legacy) vals.push(pval(r, gold[t].length));
    }
    return npMean(vals);
  };
  const cosineSpearman = agg(spearman, spearmanPValue, p.cosine);
  return {
    scores: {
      pearson: agg(pearson, pearsonPValue, p.similarity),
      spearman: agg(spearman, spearmanPValue, p.similarity),
      cosine_spearman: cosineSpearman,
      cosine_pearson: agg(pearson, pearsonPValue, p.cosine),
      dot_pearson: agg(pearson, pearsonPValue, p.dot),
      dot_spearman: agg(spearman, spearmanPValue, p.dot),
      main_score: cosineSpearman,
    },
    kept,
    skipped,
    predictions: { ...p, gold },
  };
}
