/** p-MRR (FollowIR) and the instruction-reranking score dict: spec §6 table and every instruction-reranking case. */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../metrics/errors.js";
import { instructionRerankingScores, pMrr, rankInRun, rankScore } from "../../metrics/pmrr.js";
import { evaluateRetrieval } from "../../metrics/retrieval/evaluate.js";
import { rerankFromEmbeddings } from "../../metrics/retrieval/rerank.js";
import type { Run } from "../../metrics/retrieval/types.js";
import { listCases, loadCase, type OracleCase } from "../helpers/oracle.js";
import {
  expectClose,
  expectRetrievalCase,
  expectScoreDict,
  kValuesOf,
  matrixOf,
  qrelsOf,
  runOf,
  TOL_EXACTISH,
} from "./retrieval/_oracle.js";

const docs = (o: Record<string, number>) => new Map(Object.entries(o));
const A = { "0": 1, "1": 2, "2": 3, "3": 4 };
const B = { "0": 4, "1": 1, "2": 2, "3": 3 };
const pair = (og: Record<string, number>, changed: Record<string, number>): Run =>
  new Map([
    ["q-og", docs(og)],
    ["q-changed", docs(changed)],
  ]);
const diff = new Map([["q", ["0"]]]);

describe("p-MRR reference values (spec §6, mteb test_evaluation_metrics.py)", () => {
  it("identical runs give 0", () => {
    expect(pMrr(pair(A, A), diff).pMrr).toBe(0);
  });
  it("doc moving from rank 4 to rank 1 gives -0.75", () => {
    expect(pMrr(pair(A, B), diff).pMrr).toBe(-0.75);
  });
  it("doc moving from rank 1 to rank 4 gives +0.75", () => {
    expect(pMrr(pair(B, A), diff).pMrr).toBe(0.75);
  });
  it("fully tied identical runs give 0 whatever the dict order", () => {
    const t1 = { "0": 0.5, "1": 0.5, "2": 0.5 };
    const t2 = { "2": 0.5, "0": 0.5, "1": 0.5 };
    expect(pMrr(pair(t1, t2), diff).pMrr).toBe(0);
  });
});

describe("p-MRR building blocks", () => {
  it("ranks by (score, doc id) descending with doc ids compared by code point; absent = len + 1", () => {
    const run = docs({ a: 0.5, b: 0.5, c: 0.9 });
    expect(rankInRun(run, "c")).toEqual({ rank: 1, score: 0.9 });
    expect(rankInRun(run, "b")).toEqual({ rank: 2, score: 0.5 });
    expect(rankInRun(run, "a")).toEqual({ rank: 3, score: 0.5 });
    expect(rankInRun(run, "zz")).toEqual({ rank: 4, score: 0 });
  });
  it("rank_score uses mteb's float expression", () => {
    expect(rankScore(3, 3)).toBe(0);
    expect(rankScore(5, 2)).toBe(1 / 5 / (1 / 2) - 1);
    expect(rankScore(2, 9)).toBe(1 - 1 / 9 / (1 / 2));
    expect(rankScore(2, 9)).toBeCloseTo(7 / 9, 15);
  });
  it("skips queries without both runs and fails when nothing is scorable", () => {
    const r = pMrr(
      new Map([
        ["q-og", docs(A)],
        ["q-changed", docs(B)],
        ["e-og", docs(A)],
      ]),
      new Map([
        ["q", ["0"]],
        ["e", ["0"]],
        ["f", ["1"]],
      ]),
    );
    expect(r.skippedQids).toEqual(["e", "f"]);
    expect(r.pMrr).toBe(-0.75);
    try {
      pMrr(new Map([["e-og", docs(A)]]), new Map([["e", ["0"]]]));
      expect.unreachable();
    } catch (e) {
      expect(isEmbevalError(e, "E_EMPTY_INPUT")).toBe(true);
    }
  });
  it("averages per query first (groups sorted by id), then over queries", () => {
    const run: Run = new Map([
      ["b-og", docs(A)],
      ["b-changed", docs(B)],
      ["a-og", docs(A)],
      ["a-changed", docs(A)],
    ]);
    const r = pMrr(
      run,
      new Map([
        ["b", ["0", "1"]],
        ["a", ["0"]],
      ]),
    );
    // b: doc 0 rank 4→1 (-0.75), doc 1 rank 3→4 (1 − 3/4 = 0.25) → mean -0.25; a: 0.
    expect([...r.perQuery.keys()]).toEqual(["a", "b"]);
    expect(r.perQuery.get("b")).toBe(-0.25);
    expect(r.pMrr).toBe(-0.125);
  });
});

type Detail = {
  per_doc: {
    qid: string;
    doc_id: string;
    og_rank: number;
    new_rank: number;
    og_score: number;
    new_score: number;
    change: number;
    "p-MRR": number;
  }[];
  per_query: Record<string, number>;
  skipped_qids: string[];
};

function caseRun(c: OracleCase): Run {
  if (c.inputs.run) return runOf(c);
  return rerankFromEmbeddings({
    queryIds: c.json<string[]>(c.inputs.query_ids),
    queryEmbeddings: matrixOf(c, c.inputs.query_emb),
    corpusIds: c.json<string[]>(c.inputs.corpus_ids),
    corpusEmbeddings: matrixOf(c, c.inputs.corpus_emb),
    topRanked: new Map(Object.entries(c.json<Record<string, string[]>>(c.inputs.top_ranked))),
    qrels: qrelsOf(c),
  }).run;
}

const cases = listCases(["instruction-reranking"]);

describe("instruction-reranking oracle cases", () => {
  it("finds instruction-reranking cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const qrels = qrelsOf(c);
      const run = caseRun(c);
      const changed = new Map(Object.entries(c.json<Record<string, string[]>>(c.inputs.qrel_diff)));
      const kValues = kValuesOf(c);
      const { scores, pmrr } = instructionRerankingScores(qrels, run, changed, kValues);
      const exp = c.expected as { mteb: Record<string, unknown>; p_mrr_detail: Detail };

      // Top-level retrieval metrics over all queries (per-query, unrounded, nAUC too).
      expectRetrievalCase(c, evaluateRetrieval(qrels, run, { kValues }));
      expectScoreDict(scores, exp.mteb, `${name}.mteb`);

      // p-MRR: bit-exact (README: 1e-12; Kahan group mean makes it exact).
      expect(scores["p-MRR"]).toBe(exp.mteb["p-MRR"]);
      expect(exp.mteb.main_score).toBe(exp.mteb["p-MRR"]);
      const d = exp.p_mrr_detail;
      expect(pmrr.skippedQids).toEqual(d.skipped_qids);
      expect(pmrr.perDoc.length).toBe(d.per_doc.length);
      pmrr.perDoc.forEach((row, i) => {
        const e = d.per_doc[i];
        expect([row.qid, row.docId, row.ogRank, row.newRank, row.change]).toEqual([
          e.qid,
          e.doc_id,
          e.og_rank,
          e.new_rank,
          e.change,
        ]);
        expectClose(row.ogScore, e.og_score, 1e-6, `${e.qid}/${e.doc_id} og_score`);
        expectClose(row.newScore, e.new_score, 1e-6, `${e.qid}/${e.doc_id} new_score`);
        expectClose(row.pMrr, e["p-MRR"], TOL_EXACTISH, `${e.qid}/${e.doc_id} p-MRR`);
      });
      expect([...pmrr.perQuery.keys()]).toEqual(Object.keys(d.per_query).sort());
      for (const [q, v] of Object.entries(d.per_query))
        expectClose(pmrr.perQuery.get(q), v, 0, `per_query ${q}`);

      // Nested og / changed dicts, including their nAUC keys.
      for (const half of ["og", "changed"] as const) {
        const e = exp.mteb[half] as Record<string, unknown>;
        const n = expectScoreDict(scores[half], e, `${name}.${half}`);
        expect(n).toBe(Object.keys(e).length);
        expect(Object.keys(scores[half]).length).toBe(Object.keys(e).length);
      }
    });
  }
});
