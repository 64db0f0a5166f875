/** Retrieval-metric benchmark: trec_eval measures, mteb MRR and the full mteb evaluation on a seeded synthetic run. */

import { evaluateRetrieval } from "../../metrics/retrieval/evaluate.js";
import { mrrQuery } from "../../metrics/retrieval/mrr.js";
import { trecEvalQuery } from "../../metrics/retrieval/trec-eval.js";
import type { Qrels, Run } from "../../metrics/retrieval/types.js";
import { type BenchRow, timeIt } from "./types.js";

const N_QUERIES = 10_000;
const N_DOCS = 1_000;
const CORPUS = 20_000;
const K_VALUES = [1, 3, 5, 10, 20, 100, 1000];

/** mulberry32: a small seeded PRNG (benchmark data only). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 queries × 1,000 float32-valued scores (some exact ties), 1–8 graded relevant docs per query. */
function synthetic(seed: number): { qrels: Qrels; run: Run } {
  const rnd = mulberry32(seed);
  const ids = Array.from({ length: CORPUS }, (_, i) => `doc${i}`);
  const qrels = new Map<string, Map<string, number>>();
  const run = new Map<string, Map<string, number>>();
  for (let q = 0; q < N_QUERIES; q++) {
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

export async function bench(): Promise<BenchRow[]> {
  const { qrels, run } = synthetic(42);
  const workload = "10,000 queries x 1,000 ranked docs, k=1..1000";
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
  return rows;
}
