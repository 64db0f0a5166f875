/** STS scoring: reproduces mteb 2.20 mteb/_evaluators/any_sts_evaluator.py + mteb/abstasks/sts.py (scores dict). */
import { pearson, spearman } from "./correlation.js";
import { EmbevalError } from "./errors.js";
import type { Matrix } from "./matrix.js";
import {
  pairedEuclidean,
  pairedManhattan,
  type SimilarityFn,
  similarityPairwise,
  sklearnPairedCosine,
} from "./similarity.js";

/** Options of an STS task: the gold range used for normalisation and the model's similarity function. */
export interface StsOptions {
  /** Lowest gold score of the task (mteb default 0). */
  minScore: number;
  /** Highest gold score of the task (mteb default 5). */
  maxScore: number;
  /** The model's similarity (ModelMeta.similarity_fn_name). */
  similarityFn: SimilarityFn;
}

/** mteb's STS score dict (main_score = cosine_spearman). */
export interface StsScores {
  pearson: number;
  spearman: number;
  cosine_pearson: number;
  cosine_spearman: number;
  manhattan_pearson: number;
  manhattan_spearman: number;
  euclidean_pearson: number;
  euclidean_spearman: number;
  main_score: number;
}

/** The four per-pair score lists mteb correlates with the gold scores (higher = more similar). */
export interface StsPairScores {
  /** `1 − paired_cosine_distances` in the embedding dtype. */
  cosine: Float64Array;
  /** `−paired_manhattan_distances`. */
  manhattan: Float64Array;
  /** `−paired_euclidean_distances`. */
  euclidean: Float64Array;
  /** `model.similarity_pairwise` (torch float32). */
  similarity: Float64Array;
}

/** The pairwise scores of mteb's STS evaluator, as float64 copies of the dtype-exact values. */
export function stsPairScores(e1: Matrix, e2: Matrix, similarityFn: SimilarityFn): StsPairScores {
  const negate = (v: ArrayLike<number>) => Float64Array.from(v, (x) => -x);
  return {
    cosine: Float64Array.from(sklearnPairedCosine(e1, e2)),
    manhattan: negate(pairedManhattan(e1, e2)),
    euclidean: negate(pairedEuclidean(e1, e2)),
    similarity: Float64Array.from(similarityPairwise(similarityFn, e1, e2)),
  };
}

/** mteb's gold normalisation `(x − min)/(max − min)` in Python floats. */
export function normalizeGold(gold: ArrayLike<number>, minScore: number, maxScore: number): Float64Array {
  if (!(maxScore > minScore)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `maxScore (${maxScore}) must exceed minScore (${minScore})`);
  }
  return Float64Array.from(gold, (x) => (x - minScore) / (maxScore - minScore));
}

/**
 * Score one STS subset: `scipy.pearsonr`/`spearmanr` of the normalised gold against the model's pairwise similarity
 * and against scikit-learn's cosine / negated Manhattan / negated Euclidean on the raw embeddings.
 */
export function scoreSts(e1: Matrix, e2: Matrix, gold: ArrayLike<number>, opts: StsOptions): StsScores {
  if (e1.rows !== gold.length) {
    throw new EmbevalError("E_SHAPE_MISMATCH", `${e1.rows} embedding pairs but ${gold.length} gold scores`, {
      hint: "pass one gold score per sentence pair",
    });
  }
  if (gold.length < 2) throw new EmbevalError("E_EMPTY_INPUT", "STS needs at least 2 pairs");
  const g = normalizeGold(gold, opts.minScore, opts.maxScore);
  const s = stsPairScores(e1, e2, opts.similarityFn);
  const cosineSpearman = spearman(g, s.cosine);
  return {
    pearson: pearson(g, s.similarity),
    spearman: spearman(g, s.similarity),
    cosine_pearson: pearson(g, s.cosine),
    cosine_spearman: cosineSpearman,
    manhattan_pearson: pearson(g, s.manhattan),
    manhattan_spearman: spearman(g, s.manhattan),
    euclidean_pearson: pearson(g, s.euclidean),
    euclidean_spearman: spearman(g, s.euclidean),
    main_score: cosineSpearman,
  };
}
