/**
 * Retrieval-family runner (mteb/abstasks/retrieval.py + search_wrappers.py): queries (role query, + instruction) and
 * the corpus (role document, title + " " + text, stripped) are encoded; full-corpus exact search or, for reranking
 * tasks, the candidate lists; then trec_eval metrics, MRR and nAUC with the task's flags.
 */
import { EmbevalError } from "../../metrics/errors.js";
import { instructionRerankingScores } from "../../metrics/pmrr.js";
import { evaluateRetrieval, type RetrievalEvaluation } from "../../metrics/retrieval/evaluate.js";
import { queriesToSearch, rerankFromEmbeddings } from "../../metrics/retrieval/rerank.js";
import { CORPUS_CHUNK_SIZE, searchCorpus } from "../../metrics/retrieval/search.js";
import type { Qrels, QueryMetrics, Run } from "../../metrics/retrieval/types.js";
import type { RetrievalData, TaskData } from "../data.js";
import { expectData, type RunContext, type ScoreDict, type ScoreValue } from "../runner.js";
import { corpusText, queryText } from "../text.js";
import type { InstructionRerankingTaskSpec, RetrievalTaskSpec } from "../types.js";

/** Run one (split, subset) of a retrieval or reranking task. */
export async function runRetrieval(data: TaskData, ctx: RunContext): Promise<ScoreDict> {
  const spec = ctx.spec;
  if (
    spec.kind !== "Retrieval" &&
    spec.kind !== "Reranking" &&
    spec.kind !== "InstructionRetrieval" &&
    spec.kind !== "InstructionReranking"
  ) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `${spec.name}: ${spec.kind} tasks are not scored by the retrieval runner`,
    );
  }
  const d = expectData(data, "retrieval", spec.name);
  const searched = new Set(
    queriesToSearch(
      d.queries.map((q) => q.id),
      d.qrels,
    ),
  );
  const queries = d.queries.filter((q) => searched.has(q.id));
  const queryIds = queries.map((q) => q.id);
  const queryTexts = queries.map((q) => queryText(q.text, q.instruction));
  if (ctx.search) {
    if (d.topRanked) {
      throw new EmbevalError(
        "E_UNSUPPORTED",
        `${spec.name}: reranking candidate lists with a lexical search backend`,
        {
          hint: "BM25 runs full-corpus retrieval tasks",
        },
      );
    }
    const run = await ctx.search(
      d.corpus,
      queries.map((q, i) => ({ id: q.id, text: queryTexts[i] })),
      spec.topK,
    );
    return scoreRun(spec, d, run, ctx);
  }
  const queryEmb = await ctx.encode({ texts: queryTexts, role: "query", split: ctx.split });
  const corpusIds = d.corpus.map((doc) => doc.id);
  const corpusTexts = d.corpus.map(corpusText);
  let run: Run;
  if (d.topRanked) {
    const corpusEmb = await ctx.encode({ texts: corpusTexts, role: "document", split: ctx.split });
    run = rerankFromEmbeddings({
      queryIds,
      queryEmbeddings: queryEmb,
      corpusIds,
      corpusEmbeddings: corpusEmb,
      topRanked: d.topRanked,
      topK: spec.topK,
      similarity: ctx.similarity,
    }).run;
  } else {
    run = await searchCorpus({
      queryIds,
      queryEmbeddings: queryEmb,
      corpusIds,
      corpusEmbeddings: (start, end) =>
        ctx.encode({ texts: corpusTexts.slice(start, end), role: "document", split: ctx.split }),
      topK: spec.topK,
      similarity: ctx.similarity,
      chunkSize: CORPUS_CHUNK_SIZE,
    });
  }
  return scoreRun(spec, d, run, ctx);
}

/** mteb's metrics for a finished run (p-MRR for instruction reranking). */
function scoreRun(
  spec: RetrievalTaskSpec | InstructionRerankingTaskSpec,
  d: RetrievalData,
  run: Run,
  ctx: RunContext,
): ScoreDict {
  if (spec.kind === "InstructionReranking") {
    if (!d.changed) {
      throw new EmbevalError("E_DATASET_MISSING", `${spec.name}: the dataset has no qrel_diff config`, {
        hint: "p-MRR needs the changed-relevance lists (config qrel_diff)",
      });
    }
    const { scores } = instructionRerankingScores(d.qrels, run, d.changed, spec.kValues);
    const flat = scores as unknown as Record<string, ScoreValue>;
    return { ...flat, main_score: flat[spec.mainScore] as number };
  }
  const evaluation = evaluateRetrieval(d.qrels, run, {
    kValues: spec.kValues,
    ignoreIdenticalIds: spec.ignoreIdenticalIds,
    skipFirstResult: spec.skipFirstResult,
  });
  const scores = evaluation.scores as Record<string, number>;
  if (spec.mainScore.startsWith("max_over_subqueries_"))
    Object.assign(scores, maxOverSubqueries(d.qrels, run, spec.kValues));
  emitQueryItems(evaluation, spec.mainScore, spec.kValues, ctx);
  if (!(spec.mainScore in scores)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `${spec.name}: main score ${spec.mainScore} is not computed by the retrieval runner`,
    );
  }
  return { ...scores, main_score: scores[spec.mainScore] };
}

const FAMILY: Record<string, keyof QueryMetrics> = {
  ndcg: "ndcg",
  map: "map",
  recall: "recall",
  precision: "precision",
  hit_rate: "success",
  mrr: "mrr",
};

/** Per-query values of the main metric (e.g. ndcg_at_10), in mteb's query order, when it is one of the @k families. */
function emitQueryItems(
  ev: RetrievalEvaluation,
  main: string,
  kValues: readonly number[],
  ctx: RunContext,
): void {
  const m = /^(ndcg|map|recall|precision|hit_rate|mrr)_at_(\d+)$/.exec(main);
  if (!ctx.emitItems || !m) return;
  const idx = kValues.indexOf(Number(m[2]));
  if (idx < 0) return;
  const family = FAMILY[m[1]];
  const ids = [...ev.queryIds];
  const values = ids.map((q) => {
    const row = ev.perQuery.get(q);
    return row ? (row[family] as readonly number[])[idx] : 0;
  });
  ctx.emitItems({ metric: main, kind: "mean", ids, values });
}

/**
 * mteb `max_over_subqueries` (MindSmallReranking): queries grouped by their id minus the last "_" part (in qrels
 * order), each document scored by its max over the group's subqueries, qrels from the group's last subquery; the
 * full metric set recomputed and prefixed `max_over_subqueries_`.
 */
export function maxOverSubqueries(
  qrels: Qrels,
  run: Run,
  kValues: readonly number[],
): Record<string, number> {
  const groups = new Map<string, string[]>();
  for (const q of qrels.keys()) {
    const base = q.split("_").slice(0, -1).join("_");
    const g = groups.get(base);
    if (g) g.push(q);
    else groups.set(base, [q]);
  }
  const newRun = new Map<string, Map<string, number>>();
  const newQrels = new Map<string, ReadonlyMap<string, number>>();
  for (const [base, ids] of groups) {
    const docs = new Map<string, number>();
    for (const q of ids) {
      for (const [doc, score] of run.get(q) ?? new Map<string, number>()) {
        const prev = docs.get(doc);
        docs.set(doc, prev === undefined ? score : Math.max(score, prev));
      }
    }
    newRun.set(base, docs);
    newQrels.set(base, qrels.get(ids[ids.length - 1]) ?? new Map());
  }
  const scores = evaluateRetrieval(newQrels, newRun, { kValues }).scores as Record<string, number>;
  return Object.fromEntries(Object.entries(scores).map(([k, v]) => [`max_over_subqueries_${k}`, v]));
}
