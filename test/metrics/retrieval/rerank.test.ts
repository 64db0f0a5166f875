/** Reranking from embeddings (every `reranking` oracle case) and the heap-order / top-k rules. */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../metrics/errors.js";
import { fromRows } from "../../../metrics/matrix.js";
import { evaluateRetrieval } from "../../../metrics/retrieval/evaluate.js";
import { queriesToSearch, rerankFromEmbeddings } from "../../../metrics/retrieval/rerank.js";
import type { Run } from "../../../metrics/retrieval/types.js";
import { listCases, loadCase, type OracleCase } from "../../helpers/oracle.js";
import { expectRetrievalCase, kValuesOf, matrixOf, qrelsOf } from "./_oracle.js";

/** README: reranking `results` scores about 1e-6 (float32 cosine). */
const TOL_RESULTS = 1e-6;

function rerankCase(c: OracleCase) {
  const qrels = qrelsOf(c);
  return {
    qrels,
    res: rerankFromEmbeddings({
      queryIds: c.json<string[]>(c.inputs.query_ids),
      queryEmbeddings: matrixOf(c, c.inputs.query_emb),
      corpusIds: c.json<string[]>(c.inputs.corpus_ids),
      corpusEmbeddings: matrixOf(c, c.inputs.corpus_emb),
      topRanked: new Map(Object.entries(c.json<Record<string, string[]>>(c.inputs.top_ranked))),
      similarity: (c.params.similarity_fn as "cosine" | "dot" | undefined) ?? "cosine",
      qrels,
    }),
  };
}

function expectedRun(c: OracleCase): Run {
  const results = (c.expected as { results: Record<string, Record<string, number>> }).results;
  return new Map(Object.entries(results).map(([q, docs]) => [q, new Map(Object.entries(docs))]));
}

const cases = listCases(["reranking"]);

describe("reranking oracle cases", () => {
  it("finds reranking cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(`${name}: results built from the embeddings`, () => {
      const c = loadCase(name);
      const { res } = rerankCase(c);
      const exp = expectedRun(c);
      let orderChecked = 0;
      const info = (
        c.expected as {
          rerank_info: { queries_searched: string[]; queries_missing_from_top_ranked: string[] };
        }
      ).rerank_info;
      expect([...res.run.keys()]).toEqual(info.queries_searched);
      expect(res.missingFromTopRanked).toEqual(info.queries_missing_from_top_ranked);
      for (const [qid, docs] of exp) {
        const mine = res.run.get(qid);
        expect(mine, qid).toBeDefined();
        // Same documents, scores within float32 cosine noise.
        expect(new Set((mine ?? new Map()).keys()), `${qid} documents`).toEqual(new Set(docs.keys()));
        // Same heap insertion order, including torch.topk's order among exact ties (reranking_ties).
        expect([...(mine ?? new Map()).keys()], `${qid} heap order`).toEqual([...docs.keys()]);
        orderChecked++;
        for (const [d, s] of docs)
          expect(Math.abs(mine!.get(d)! - s), `${qid}/${d}`).toBeLessThanOrEqual(TOL_RESULTS);
      }
      expect(orderChecked).toBe(exp.size);
    });

    it(`${name}: metrics from our reranked run`, () => {
      const c = loadCase(name);
      const { qrels, res } = rerankCase(c);
      expectRetrievalCase(c, evaluateRetrieval(qrels, res.run, { kValues: kValuesOf(c) }));
    });

    it(`${name}: metrics from the oracle's run`, () => {
      const c = loadCase(name);
      expectRetrievalCase(c, evaluateRetrieval(qrelsOf(c), expectedRun(c), { kValues: kValuesOf(c) }));
    });
  }
});

describe("rerankFromEmbeddings rules", () => {
  const corpusIds = ["a", "b", "c", "d"];
  // Query [1,0]; cosines: a=1, b=0, c=1 (tie with a), d=-1.
  const Q = fromRows([[1, 0]]);
  const C = fromRows([
    [2, 0],
    [0, 3],
    [5, 0],
    [-1, 0],
  ]);

  it("fills each result dict in Python heapq order (min-heap of (score, id))", () => {
    const { run } = rerankFromEmbeddings({
      queryIds: ["q"],
      queryEmbeddings: Q,
      corpusIds,
      corpusEmbeddings: C,
      topRanked: new Map([["q", ["a", "b", "c", "d"]]]),
    });
    // topk order a(1), c(1), b(0), d(-1); CPython heapq.heappush of those tuples gives the array
    // [(-1.0, 'd'), (0.0, 'b'), (1.0, 'a'), (1.0, 'c')] (checked with python3).
    expect([...run.get("q")!]).toEqual([
      ["d", -1],
      ["b", 0],
      ["a", 1],
      ["c", 1],
    ]);
  });

  it("keeps only the top_k candidates and leaves queries without candidates empty", () => {
    const { run, missingFromTopRanked } = rerankFromEmbeddings({
      queryIds: ["q", "none"],
      queryEmbeddings: fromRows([
        [1, 0],
        [0, 1],
      ]),
      corpusIds,
      corpusEmbeddings: C,
      topRanked: new Map([["q", ["d", "b", "a"]]]),
      topK: 2,
    });
    expect(new Set(run.get("q")!.keys())).toEqual(new Set(["a", "b"]));
    expect(run.get("none")!.size).toBe(0);
    expect(missingFromTopRanked).toEqual(["none"]);
  });

  it("searches only queries with non-empty qrels when qrels are given", () => {
    const qrels = new Map([
      ["q2", new Map([["a", 0]])],
      ["q3", new Map<string, number>()],
    ]);
    expect(queriesToSearch(["q1", "q2", "q3"], qrels)).toEqual(["q2"]);
  });

  it("rejects unknown candidates and empty candidate lists with EmbevalError", () => {
    const call = (ids: string[]) =>
      rerankFromEmbeddings({
        queryIds: ["q"],
        queryEmbeddings: Q,
        corpusIds,
        corpusEmbeddings: C,
        topRanked: new Map([["q", ids]]),
      });
    expect(() => call(["zzz"])).toThrow(/not in the corpus/);
    try {
      call([]);
      expect.unreachable();
    } catch (e) {
      expect(isEmbevalError(e, "E_EMPTY_INPUT")).toBe(true);
    }
  });
});

describe("rerankFromEmbeddings with the distance similarities", () => {
  // query [1, 2, 3]; candidate i = [1, 2, 3 + i]: squared distance i² exactly on both cdist paths, except i = 0
  function run(n: number, similarity: "euclidean" | "manhattan") {
    const docs = Array.from({ length: n }, (_, i) => [1, 2, 3 + i]);
    const ids = docs.map((_, i) => `d${String(i).padStart(2, "0")}`);
    return rerankFromEmbeddings({
      queryIds: ["q"],
      queryEmbeddings: fromRows([[1, 2, 3]]),
      corpusIds: ids,
      corpusEmbeddings: fromRows(docs),
      topRanked: new Map([["q", [...ids].reverse()]]),
      topK: 3,
      similarity,
    }).run.get("q");
  }
  it("euclidean: > 25 candidates take torch's matmul path (self-distance clamped to 1e-15), ≤ 25 the direct one", () => {
    const clamped = -Math.fround(Math.sqrt(Math.fround(1e-30)));
    const many = run(30, "euclidean");
    expect(new Map([...(many ?? [])].sort())).toEqual(
      new Map([
        ["d00", clamped],
        ["d01", -1],
        ["d02", -2],
      ]),
    );
    const few = run(10, "euclidean");
    expect(few?.get("d00")).toBe(-0);
    expect(few?.get("d02")).toBe(-2);
  });
  it("manhattan: −Σ|a−b|", () => {
    expect(new Map([...(run(30, "manhattan") ?? [])].sort())).toEqual(
      new Map([
        ["d00", -0],
        ["d01", -1],
        ["d02", -2],
      ]),
    );
  });
});
