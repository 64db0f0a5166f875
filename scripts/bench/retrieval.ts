/** Retrieval-metric benchmark: trec_eval, MRR and evaluateRetrieval timings, and figures.metrics vs a numpy reference (ref/retrieval_metrics.py) on the same run. */

import { evaluateRetrieval, scoreQuery } from "../../metrics/retrieval/evaluate.js";
import { mrrQuery } from "../../metrics/retrieval/mrr.js";
import { pyMean } from "../../metrics/retrieval/score-dict.js";
import { trecEvalQuery } from "../../metrics/retrieval/trec-eval.js";
import type { Qrels, QueryMetrics, Run } from "../../metrics/retrieval/types.js";
import { mulberry32 } from "../prng.js";
import { type ReferenceMeans, runRetrievalReference } from "./retrieval-reference.js";
import { type BenchOutput, type BenchRow, timeIt } from "./types.js";

const N_QUERIES = Number(process.env.RETRIEVAL_BENCH_QUERIES ?? 10_000);
const N_DOCS = 1_000;
const CORPUS = 20_000;
const K_VALUES = [1, 3, 5, 10, 20, 100, 1000];
const REPS = 3;

/** `nQueries` queries × 1,000 float32-valued scores (some exact ties), 1–8 graded relevant docs per query. */
function synthetic(seed: number, nQueries: number): { qrels: Qrels; run: Run } {
  const rnd = mulberry32(seed);
  const ids = Array.from({ length: CORPUS }, (_, i) => `doc${i}`);
  const qrels = new Map<string, Map<string, number>>();
  const run = new Map<string, Map<string, number>>();
  for (let q = 0; q < nQueries; q++) {
    const qid = `q${q}`;
    const docs = new Map<string, number>();
    const start = Math.floor(rnd() * CORPUS);
    for (let i = 0; i < N_DOCS; i++) {
      docs.set(ids[(start + i * 7) % CORPUS], Math.fround(Math.round(rnd() * 4096) / 4096));
    }
    const judged = new Map<string, number>();
    const nRel = 1 + Math.floor(rnd() * 8);
    for (let r = 0; r < nRel; r++) {
      const inRun = rnd() < 0.8;
      const id = inRun
        ? ids[(start + Math.floor(rnd() * N_DOCS) * 7) % CORPUS]
        : ids[Math.floor(rnd() * CORPUS)];
      judged.set(id, 1 + Math.floor(rnd() * 3));
    }
    qrels.set(qid, judged);
    run.set(qid, docs);
  }
  return { qrels, run };
}

/** What the reference computes, done by embeval: per-query measures (evaluateRetrieval's path) and the means. */
export function embevalMeans(qrels: Qrels, run: Run, kValues: readonly number[]): ReferenceMeans {
  const rows: QueryMetrics[] = [];
  for (const [qid, docs] of run) {
    const judgments = qrels.get(qid);
    if (judgments !== undefined && judgments.size > 0) rows.push(scoreQuery(docs, judgments, kValues));
  }
  const mean = (family: keyof ReferenceMeans) => kValues.map((_, i) => pyMean(rows.map((r) => r[family][i])));
  return {
    ndcg: mean("ndcg"),
    map: mean("map"),
    recall: mean("recall"),
    precision: mean("precision"),
    success: mean("success"),
    mrr: mean("mrr"),
  };
}

/** Largest absolute difference between two sets of means (every family, every k). */
function maxDiff(a: ReferenceMeans, b: ReferenceMeans): number {
  let worst = 0;
  for (const family of Object.keys(a) as (keyof ReferenceMeans)[]) {
    a[family].forEach((x, i) => {
      worst = Math.max(worst, Math.abs(x - b[family][i]));
    });
  }
  return worst;
}

export async function bench(): Promise<BenchOutput> {
  const { qrels, run } = synthetic(42, N_QUERIES);
  const workload = `${N_QUERIES.toLocaleString("en-US")} queries x ${N_DOCS.toLocaleString("en-US")} ranked docs, k=1..1000`;
  const rows: BenchRow[] = [];
  const trec = await timeIt(() => {
    for (const [qid, docs] of run) trecEvalQuery(docs, qrels.get(qid)!, K_VALUES);
  });
  rows.push({ name: "trec_eval ndcg_cut+map_cut+recall+P+success", workload, ...trec });
  const mrr = await timeIt(() => {
    for (const [qid, docs] of run) mrrQuery(docs, qrels.get(qid)!, K_VALUES);
  });
  rows.push({ name: "mteb MRR@k", workload, ...mrr });
  const full = await timeIt(() => evaluateRetrieval(qrels, run, { kValues: K_VALUES }), 1);
  rows.push({ name: "evaluateRetrieval (all metrics + nAUC + score dict)", workload, ...full });

  let ours: ReferenceMeans | undefined;
  const mine = await timeIt(() => {
    ours = embevalMeans(qrels, run, K_VALUES);
  }, REPS);
  rows.push({ name: "embeval measures + means (vs numpy)", workload, ...mine });
  const ref = runRetrievalReference(run, qrels, K_VALUES, REPS);
  const at10 = K_VALUES.indexOf(10);
  const embeval_s = mine.ms / 1000;
  const base = { embeval_s, queries: N_QUERIES, docs_per_query: N_DOCS, k_values: K_VALUES.join(",") };
  if (ref === undefined || ours === undefined) {
    console.log("metrics: no python3 with numpy on this machine; reporting embeval's time alone");
    const figures = { ...base, reference_s: null, ratio: null, reference: "missing (no numpy)" };
    return { rows, figures: { metrics: figures } };
  }
  rows.push({
    name: "numpy reference (same measures + means)",
    workload,
    ms: ref.seconds * 1000,
    reps: REPS,
  });
  const diff = maxDiff(ours, ref.means);
  const agree = Math.abs(ours.ndcg[at10] - ref.means.ndcg[at10]) <= 1e-12 && diff <= 1e-12;
  if (!agree) {
    console.error(
      `\n!!! METRICS MISMATCH: embeval nDCG@10 ${ours.ndcg[at10]} vs numpy ${ref.means.ndcg[at10]}; ` +
        `largest difference over all measures ${diff}\n`,
    );
  }
  console.log(
    `metrics: embeval ${embeval_s.toFixed(3)} s, numpy ${ref.seconds.toFixed(3)} s ` +
      `(dict->array ${ref.convert_seconds.toFixed(3)} s + kernel ${ref.kernel_seconds.toFixed(3)} s), ` +
      `embeval/numpy ${(embeval_s / ref.seconds).toFixed(2)}; mean nDCG@10 ${ours.ndcg[at10]} (max diff ${diff})`,
  );
  const figures = {
    ...base,
    reference_s: ref.seconds,
    reference_convert_s: ref.convert_seconds,
    reference_kernel_s: ref.kernel_seconds,
    ratio: embeval_s / ref.seconds,
    reference: `numpy ${ref.numpy}`,
    ndcg_at_10: ours.ndcg[at10],
    reference_ndcg_at_10: ref.means.ndcg[at10],
    max_abs_diff: diff,
    identical: diff === 0,
    agree,
  };
  return { rows, figures: { metrics: figures } };
}
