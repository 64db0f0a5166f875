/** Every `retrieval` oracle case: mteb dict, unrounded means, per-query trec_eval + MRR, nAUC. */
import { describe, expect, it } from "vitest";
import { MTEB_DOUBLE_RANKING } from "../../../metrics/ranking.js";
import { evaluateRetrieval, postprocessRun } from "../../../metrics/retrieval/evaluate.js";
import { trecEvalQuery } from "../../../metrics/retrieval/trec-eval.js";
import { listCases, loadCase } from "../../helpers/oracle.js";
import { expectClose, expectRetrievalCase, kValuesOf, qrelsOf, runOf, TOL_EXACTISH } from "./_oracle.js";

const cases = listCases(["retrieval"]);

describe("retrieval oracle cases", () => {
  it("finds retrieval cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const p = c.params as { ignore_identical_ids?: boolean; skip_first_result?: boolean };
      const ev = evaluateRetrieval(qrelsOf(c), runOf(c), {
        kValues: kValuesOf(c),
        ignoreIdenticalIds: p.ignore_identical_ids === true,
        skipFirstResult: p.skip_first_result === true,
      });
      expectRetrievalCase(c, ev);
    });
  }

  // trec_eval_double_scores_mean = what trec_eval 10 (double sims) reports; mteb's pytrec_eval uses float32.
  for (const name of cases) {
    const hasDouble = "trec_eval_double_scores_mean" in loadCase(name).expected;
    it.skipIf(!hasDouble)(
      `${name}: double-score trec_eval means differ only through the ranking precision`,
      () => {
        const c = loadCase(name);
        const exp = c.expected as Record<string, Record<string, number>>;
        const expDouble = exp.trec_eval_double_scores_mean;
        const p = c.params as { ignore_identical_ids?: boolean; skip_first_result?: boolean };
        const kValues = kValuesOf(c);
        const qrels = qrelsOf(c);
        const run = postprocessRun(runOf(c), {
          ignoreIdenticalIds: p.ignore_identical_ids === true,
          skipFirstResult: p.skip_first_result === true,
        });
        const rows = [...run]
          .filter(([q]) => (qrels.get(q)?.size ?? 0) > 0)
          .map(([q, docs]) => trecEvalQuery(docs, qrels.get(q)!, kValues, MTEB_DOUBLE_RANKING));
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        kValues.forEach((k, i) => {
          expectClose(
            mean(rows.map((r) => r.ndcg[i])),
            expDouble[`ndcg_cut_${k}`],
            TOL_EXACTISH,
            `ndcg_cut_${k}`,
          );
          expectClose(
            mean(rows.map((r) => r.map[i])),
            expDouble[`map_cut_${k}`],
            TOL_EXACTISH,
            `map_cut_${k}`,
          );
          expectClose(mean(rows.map((r) => r.precision[i])), expDouble[`P_${k}`], TOL_EXACTISH, `P_${k}`);
        });
        expectClose(mean(rows.map((r) => r.recipRank)), expDouble.recip_rank, TOL_EXACTISH, "recip_rank");
      },
    );
  }

  it.skipIf(!cases.includes("retrieval_float64_scores"))(
    "retrieval_float64_scores: float32 order (trec_eval) and double order (MRR) really differ",
    () => {
      const c = loadCase("retrieval_float64_scores");
      const exp = c.expected as Record<string, Record<string, number>>;
      const ev = evaluateRetrieval(qrelsOf(c), runOf(c), { kValues: kValuesOf(c) });
      expect(exp.trec_eval_mean.ndcg_cut_1).not.toBe(exp.trec_eval_double_scores_mean.ndcg_cut_1);
      expect(ev.unrounded.ndcg[0]).toBe(exp.trec_eval_mean.ndcg_cut_1);
      expect(ev.unrounded.mrr.at(-1)).toBe(exp.trec_eval_double_scores_mean.recip_rank);
    },
  );
});
