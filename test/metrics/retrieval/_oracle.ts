/** Shared oracle assertions for the retrieval, reranking and instruction-reranking cases (README tolerances). */
import { expect } from "vitest";
import { type Matrix, matrix } from "../../../metrics/matrix.js";
import type { RetrievalEvaluation } from "../../../metrics/retrieval/evaluate.js";
import { qrelsFromTriples, runFromTriples } from "../../../metrics/retrieval/triples.js";
import type { Qrels, RetrievalScoreDict, Run } from "../../../metrics/retrieval/types.js";
import { type OracleCase, readTriples } from "../../helpers/oracle.js";

/** Per-query / unrounded tolerance and nAUC tolerance from the oracle README. */
export const TOL_EXACTISH = 1e-12;
export const TOL_NAUC = 1e-9;

type Dict = Record<string, unknown>;

/** The case's k_values (required). */
export function kValuesOf(c: OracleCase): number[] {
  const k = c.params.k_values;
  if (!Array.isArray(k)) throw new Error(`${c.name}: params.k_values missing`);
  return k as number[];
}

export function qrelsOf(c: OracleCase): Qrels {
  return qrelsFromTriples(readTriples(c.text(c.inputs.qrels)));
}

export function runOf(c: OracleCase): Run {
  return runFromTriples(readTriples(c.text(c.inputs.run)));
}

/** A 2-D .npy input as a Matrix, dtype kept. */
export function matrixOf(c: OracleCase, file: string): Matrix {
  const a = c.npy(file);
  if ((a.dtype !== "float32" && a.dtype !== "float64") || a.shape.length !== 2) {
    throw new Error(`${c.name}/${file}: expected a 2-D float array, got ${a.dtype} ${a.shape}`);
  }
  return matrix(a.data, a.shape[0], a.shape[1]);
}

/** Compare a value against expected: null ⇔ NaN, else |a − e| ≤ tol (tol 0 = identical). */
export function expectClose(actual: number | undefined, expected: unknown, tol: number, what: string): void {
  expect(actual, `${what} is missing`).toBeTypeOf("number");
  if (expected === null || (typeof expected === "number" && Number.isNaN(expected))) {
    expect(Number.isNaN(actual), `${what}: expected NaN, got ${actual}`).toBe(true);
    return;
  }
  expect(typeof expected, `${what}: expected value type`).toBe("number");
  const e = expected as number;
  if (tol === 0) expect(actual, what).toBe(e);
  else expect(Math.abs((actual as number) - e), `${what}: ${actual} vs ${e}`).toBeLessThanOrEqual(tol);
}

const TREC_FAMILIES = ["ndcg_at_", "map_at_", "recall_at_", "precision_at_", "hit_rate_at_", "accuracy"];

/**
 * Check a score dict against an expected mteb dict: rounded trec_eval families exactly, MRR and others at
 * 1e-12, nAUC (keys starting with nauc_) at 1e-9. Nested dicts / p-MRR / main_score are skipped here.
 * Returns the number of keys compared.
 */
export function expectScoreDict(actual: RetrievalScoreDict, expected: Dict, what: string): number {
  const got = actual as Record<string, number>;
  let n = 0;
  for (const [key, value] of Object.entries(expected)) {
    if (key === "main_score" || key === "p-MRR" || key === "og" || key === "changed") continue;
    const tol = key.startsWith("nauc_")
      ? TOL_NAUC
      : TREC_FAMILIES.some((f) => key.startsWith(f))
        ? 0
        : TOL_EXACTISH;
    expectClose(got[key], value, tol, `${what}.${key}`);
    n++;
  }
  return n;
}

/** Full retrieval-style comparison: query ids, mteb, mteb_unrounded, per_query, mteb_nauc, main_score. */
export function expectRetrievalCase(c: OracleCase, ev: RetrievalEvaluation): void {
  const exp = c.expected as Dict;
  expect(ev.queryIds, `${c.name}: evaluated query ids`).toEqual(exp.evaluated_query_ids);
  expect(ev.queryIds.length).toBe(exp.num_queries_evaluated);
  const n = expectScoreDict(ev.scores, exp.mteb as Dict, `${c.name}.mteb`);
  expect(n).toBeGreaterThan(10);

  const unrounded = exp.mteb_unrounded as Record<string, number>;
  const fam = ev.unrounded;
  ev.kValues.forEach((k, i) => {
    expectClose(fam.ndcg[i], unrounded[`ndcg_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.ndcg@${k}`);
    expectClose(fam.map[i], unrounded[`map_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.map@${k}`);
    expectClose(fam.recall[i], unrounded[`recall_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.recall@${k}`);
    expectClose(fam.precision[i], unrounded[`precision_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.P@${k}`);
    expectClose(fam.mrr[i], unrounded[`mrr_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.mrr@${k}`);
    expectClose(fam.hitRate[i], unrounded[`hit_rate_at_${k}`], TOL_EXACTISH, `${c.name}.unrounded.hit@${k}`);
  });

  const perQuery = exp.per_query as Record<string, Record<string, number>>;
  expect(Object.keys(perQuery).sort()).toEqual([...ev.queryIds].sort());
  for (const [qid, e] of Object.entries(perQuery)) {
    const m = ev.perQuery.get(qid);
    expect(m, `${c.name}: per-query ${qid}`).toBeDefined();
    if (!m) continue;
    const w = `${c.name}.per_query.${qid}`;
    ev.kValues.forEach((k, i) => {
      expectClose(m.ndcg[i], e[`ndcg_cut_${k}`], TOL_EXACTISH, `${w}.ndcg_cut_${k}`);
      expectClose(m.map[i], e[`map_cut_${k}`], TOL_EXACTISH, `${w}.map_cut_${k}`);
      expectClose(m.recall[i], e[`recall_${k}`], TOL_EXACTISH, `${w}.recall_${k}`);
      expectClose(m.precision[i], e[`P_${k}`], TOL_EXACTISH, `${w}.P_${k}`);
      expectClose(m.success[i], e[`success_${k}`], TOL_EXACTISH, `${w}.success_${k}`);
      expectClose(m.mrr[i], e[`mteb_MRR@${k}`], TOL_EXACTISH, `${w}.mteb_MRR@${k}`);
    });
    if ("recip_rank" in e) expectClose(m.recipRank, e.recip_rank, TOL_EXACTISH, `${w}.recip_rank`);
    if ("num_ret" in e) expect(m.numRet, `${w}.num_ret`).toBe(e.num_ret);
    if ("num_rel" in e) expect(m.numRel, `${w}.num_rel`).toBe(e.num_rel);
  }

  const nauc = exp.mteb_nauc as Record<string, number | null> | undefined;
  expect(nauc, `${c.name}: mteb_nauc`).toBeDefined();
  for (const [key, value] of Object.entries(nauc ?? {})) {
    expectClose(ev.nauc.get(key), value, TOL_NAUC, `${c.name}.nauc.${key}`);
  }
  expect(ev.nauc.size).toBe(Object.keys(nauc ?? {}).length);

  const mteb = exp.mteb as Dict;
  if ("main_score" in mteb) {
    const name = String(exp.main_score_name ?? c.params.main_score);
    if (name !== "p-MRR")
      expectClose((ev.scores as Record<string, number>)[name], mteb.main_score, 0, `${c.name}.main_score`);
  }
}
