/** MindSmallReranking's max_over_subqueries: subqueries merged by id prefix, max score per document. */
import { describe, expect, it } from "vitest";
import { evaluateRetrieval } from "../../../metrics/retrieval/evaluate.js";
import { maxOverSubqueries } from "../../../tasks/runners/retrieval.js";

describe("maxOverSubqueries", () => {
  it("merges u1_a/u1_b into u1 with the max score per doc and the last subquery's qrels", () => {
    const qrels = new Map([
      ["u1_0", new Map([["d1", 1]])],
      ["u1_1", new Map([["d2", 1]])],
      ["u2_0", new Map([["d3", 1]])],
    ]);
    const run = new Map([
      [
        "u1_0",
        new Map([
          ["d1", 0.9],
          ["d2", 0.1],
          ["d3", 0.5],
        ]),
      ],
      [
        "u1_1",
        new Map([
          ["d2", 0.2],
          ["d3", 0.8],
        ]),
      ],
      [
        "u2_0",
        new Map([
          ["d3", 0.3],
          ["d1", 0.6],
        ]),
      ],
    ]);
    const merged = maxOverSubqueries(qrels, run, [1, 3]);
    // u1: d1 0.9, d2 0.2, d3 0.8 judged against u1_1's qrels {d2: 1} → d2 at rank 3; u2: d3 at rank 2.
    const expected = evaluateRetrieval(
      new Map([
        ["u1", new Map([["d2", 1]])],
        ["u2", new Map([["d3", 1]])],
      ]),
      new Map([
        [
          "u1",
          new Map([
            ["d1", 0.9],
            ["d2", 0.2],
            ["d3", 0.8],
          ]),
        ],
        [
          "u2",
          new Map([
            ["d3", 0.3],
            ["d1", 0.6],
          ]),
        ],
      ]),
      { kValues: [1, 3] },
    ).scores as Record<string, number>;
    expect(merged.max_over_subqueries_mrr_at_3).toBe((1 / 3 + 1 / 2) / 2);
    expect(merged.max_over_subqueries_map_at_3).toBe(expected.map_at_3);
    expect(Object.keys(merged).every((k) => k.startsWith("max_over_subqueries_"))).toBe(true);
  });
});
