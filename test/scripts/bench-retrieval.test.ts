/** Retrieval-metric benchmark: embeval's timed path on hand-computed queries, the exchange file, parity with the numpy reference. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mrrQuery } from "../../metrics/retrieval/mrr.js";
import { trecEvalQuery } from "../../metrics/retrieval/trec-eval.js";
import { findPython } from "../../scripts/bench/python.js";
import { embevalMeans } from "../../scripts/bench/retrieval.js";
import { runRetrievalReference, writeExchangeFile } from "../../scripts/bench/retrieval-reference.js";

const m = (o: Record<string, number>) => new Map(Object.entries(o));
// q1 ranks b, c, a (grades 0, 1, 2); q2 ties x/y at 0.25 → y first (doc id descending); q3/q4 have no judgments.
const run = new Map([
  ["q1", m({ a: 0.5, b: 0.875, c: 0.75 })],
  ["q2", m({ x: 0.25, y: 0.25 })],
  ["q3", m({ a: 1 })],
  ["q4", m({ a: 1 })],
]);
const qrels = new Map([
  ["q1", m({ a: 2, c: 1 })],
  ["q2", m({ x: 1 })],
  ["q4", new Map<string, number>()],
]);
const L3 = Math.log2(3);

describe("embevalMeans (the timed embeval side)", () => {
  it("equals hand-computed trec_eval and MRR means at k = 1 and 3", () => {
    const r = embevalMeans(qrels, run, [1, 3]);
    const ndcg3q1 = (1 / L3 + 2 / 2) / (2 + 1 / L3);
    expect(r.ndcg).toEqual([0, (ndcg3q1 + 1 / L3) / 2]);
    expect(r.map).toEqual([0, ((1 / 2 + 2 / 3) / 2 + 1 / 2) / 2]);
    expect(r.recall).toEqual([0, 1]);
    expect(r.precision).toEqual([0, (2 / 3 + 1 / 3) / 2]);
    expect(r.success).toEqual([0, 1]);
    expect(r.mrr).toEqual([0, 0.5]);
  });
  it("ranks MRR in doubles when scores are not float32 values (float32 tie, doubles differ)", () => {
    const docs = m({ a: 0.1 + 1e-12, b: 0.1 });
    const judged = m({ a: 1 });
    const r = embevalMeans(new Map([["q", judged]]), new Map([["q", docs]]), [1]);
    expect(r.recall).toEqual([0]); // float32: tie → doc id descending → b first
    expect(r.mrr).toEqual([1]); // doubles: a first
    expect(r.recall).toEqual(trecEvalQuery(docs, judged, [1]).recall);
    expect(r.mrr).toEqual(mrrQuery(docs, judged, [1]));
  });
});

describe("exchange file and numpy reference", () => {
  const dir = mkdtempSync(join(tmpdir(), "embeval-bench-retrieval-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("writes k, run and qrels lines, tab-separated, scores as round-trip decimals", () => {
    const path = join(dir, "x.tsv");
    writeExchangeFile(
      path,
      new Map([["q1", m({ a: 0.1 + 1e-12, b: 0.25 })]]),
      new Map([["q1", m({ a: 2 })]]),
      [1, 10],
    );
    expect(readFileSync(path, "utf8")).toBe(
      "k\t1\t10\nr\tq1\ta\t0.10000000000100001\tb\t0.25\nq\tq1\ta\t2\n",
    );
  });
  it("refuses ids the format cannot carry", () => {
    expect(() => writeExchangeFile(join(dir, "y.tsv"), new Map([["q\t1", m({})]]), new Map(), [1])).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
  });
  const python = findPython(["numpy"]);
  it.skipIf(python === undefined)(
    "the numpy reference computes the same means (runs when a python3 with numpy exists)",
    () => {
      const ks = [1, 3, 5];
      const mixed = new Map([...run, ["q5", m({ a: 0.1 + 1e-12, b: 0.1, c: 0.3 })]]);
      const judged = new Map([...qrels, ["q5", m({ a: 1, z: 3 })]]);
      const ref = runRetrievalReference(mixed, judged, ks, 1)!;
      const ours = embevalMeans(judged, mixed, ks);
      expect(ref.queries).toBe(3);
      for (const family of ["ndcg", "map", "recall", "precision", "success", "mrr"] as const) {
        ours[family].forEach((x, i) => {
          expect(ref.means[family][i]).toBeCloseTo(x, 14);
        });
      }
    },
  );
});
