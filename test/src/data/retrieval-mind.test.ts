/** MindSmallReranking's v1 loader (src/data/retrieval-mind.ts): sub-query ids, md5 doc ids, drops, and max_over_subqueries. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fromRows } from "../../../metrics/matrix.js";
import { loadTaskData } from "../../../src/data/load-task.js";
import { buildMindSmallReranking, md5Hex } from "../../../src/data/retrieval-mind.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";
import { newTaskRngState } from "../../../tasks/runner.js";
import { runnerFor } from "../../../tasks/runners/index.js";
import { datasetFolder } from "../../helpers/dataset-folder.js";

const _jsonl = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join("\n")}\n`;
const md5 = (t: string) => createHash("md5").update(Buffer.from(t, "utf8")).digest("hex");

/** A dataset folder: `files` (name → rows) and a card mapping config → [split, file] pairs. */
function folder(files: Record<string, object[]>, configs: Record<string, [string, string][]>): string {
  const spec: Record<string, { config: string; split: string; rows: object[] }> = {};
  for (const [config, splits] of Object.entries(configs))
    for (const [split, file] of splits) spec[file] = { config, split, rows: files[file] };
  return datasetFolder(spec);
}

// Row 1 has no positives and row 3 no negatives: dropped, but still counted in the row index of the query ids.
const ROWS = [
  { query: ["h1", "h2"], positive: ["A"], negative: ["B", "Café ☕ news"] },
  { query: ["h3"], positive: [], negative: ["B"] },
  { query: ["h4"], positive: ["Café ☕ news", "D"], negative: ["A"] },
  { query: ["h5"], positive: ["E"], negative: [] },
  { query: ["h6"], positive: ["E", "E"], negative: ["E", "F"] },
];

describe("md5Hex", () => {
  it("is python's hashlib.md5(text.encode()).hexdigest() (values from CPython)", () => {
    expect(md5Hex("A")).toBe("7fc56270e7a70fa81a5935b72eacbe29");
    expect(md5Hex("B")).toBe("9d5ed678fe57bcca610140957afab571");
    expect(md5Hex("Café ☕ news")).toBe("1dc1f96717b3cfdb0d26e3ac24f6e329");
  });
});

describe("buildMindSmallReranking", () => {
  const d = buildMindSmallReranking(ROWS, "test");
  const A = `apositive_${md5("A")}_00000`;
  const B = `negative_${md5("B")}_00000`;
  const CAFE = `negative_${md5("Café ☕ news")}_00001`; // first seen as row 0's second negative
  const D = `apositive_${md5("D")}_00001`; // new at index 1 of row 2's positives
  const E = `apositive_${md5("E")}_00000`;
  const F = `negative_${md5("F")}_00001`;

  it("expands each kept row into <split>_query<row>_<sub> ids; rows lacking positives or negatives are dropped", () => {
    expect(d.queries).toEqual([
      { id: "test_query0_0", text: "h1" },
      { id: "test_query0_1", text: "h2" },
      { id: "test_query2_0", text: "h4" },
      { id: "test_query4_0", text: "h6" },
    ]);
    expect([...d.qrels.keys()]).toEqual(d.queries.map((q) => q.id));
  });

  it("dedupes docs by text in first-sight order, the first id winning across positive/negative", () => {
    expect(A).toBe("apositive_7fc56270e7a70fa81a5935b72eacbe29_00000");
    expect(d.corpus).toEqual([
      { id: A, title: "", text: "A" },
      { id: B, title: "", text: "B" },
      { id: CAFE, title: "", text: "Café ☕ news" },
      { id: D, title: "", text: "D" },
      { id: E, title: "", text: "E" },
      { id: F, title: "", text: "F" },
    ]);
  });

  it("marks positives 1 and negatives 0 (a repeated text keeps its first key position and its last value)", () => {
    const rel = (q: string) => [...(d.qrels.get(q) ?? [])];
    expect(rel("test_query0_0")).toEqual([
      [A, 1],
      [B, 0],
      [CAFE, 0],
    ]);
    expect(rel("test_query0_1")).toEqual(rel("test_query0_0"));
    expect(rel("test_query2_0")).toEqual([
      [CAFE, 1],
      [D, 1],
      [A, 0],
    ]);
    expect(rel("test_query4_0")).toEqual([
      [E, 0],
      [F, 0],
    ]);
  });

  it("lists candidates positives first, then negatives, repeats kept", () => {
    expect(d.topRanked?.get("test_query0_1")).toEqual([A, B, CAFE]);
    expect(d.topRanked?.get("test_query2_0")).toEqual([CAFE, D, A]);
    expect(d.topRanked?.get("test_query4_0")).toEqual([E, E, E, F]);
    expect(d.topRanked?.size).toBe(4);
  });

  it("names the split in the ids and rejects rows whose query is not a list of texts", () => {
    expect(buildMindSmallReranking([ROWS[0]], "dev").queries[1].id).toBe("dev_query0_1");
    expect(() =>
      buildMindSmallReranking([{ query: "h1", positive: ["A"], negative: ["B"] }], "test"),
    ).toThrow(/column "query" is not a list of texts/);
    expect(() => buildMindSmallReranking([{ positive: ["A"], negative: ["B"] }], "test")).toThrow(
      /no "query"/,
    );
    // Missing positive/negative columns read as [] (instance.get(..., [])): the row is dropped.
    expect(buildMindSmallReranking([{ query: ["h"], positive: ["A"] }], "test").queries).toEqual([]);
  });
});

describe("MindSmallReranking end to end", () => {
  const spec = getTask("MindSmallReranking");
  // Two kept rows (row 1 is dropped), vectors chosen by hand: sub-query q-a ranks P1 second, q-b first; q-c ranks P2 first.
  const dir = folder(
    {
      "test.jsonl": [
        { query: ["q-a", "q-b"], positive: ["P1"], negative: ["N1", "N2"] },
        { query: ["q-x"], positive: [], negative: ["N1"] },
        { query: ["q-c"], positive: ["P2"], negative: ["N1"] },
      ],
    },
    { default: [["test", "test.jsonl"]] },
  );
  const vec: Record<string, number[]> = {
    P1: [1, 0, 0],
    N1: [0, 1, 0],
    N2: [0, 0, 1],
    P2: [1, 1, 0],
    "q-a": [0.2, 1, 0], // N1 0.98 > P1 0.20 > N2 0: AP 1/2
    "q-b": [1, 0, 0.5], // P1 0.89 > N2 0.45 > N1 0: AP 1
    "q-c": [1, 1, 0.1], // P2 1.00 > N1 0.70: AP 1
  };

  it("loads through load-task.ts and scores max_over_subqueries over each row's sub-queries", async () => {
    const data = await loadTaskData(spec, localSource(dir), "test", "default");
    if (data.kind !== "retrieval") throw new Error("not retrieval data");
    expect(data.queries.map((q) => q.id)).toEqual(["test_query0_0", "test_query0_1", "test_query2_0"]);
    expect(data.corpus.map((c) => c.text)).toEqual(["P1", "N1", "N2", "P2"]);
    const encoded: string[] = [];
    const scores = await runnerFor(spec)(data, {
      spec,
      split: "test",
      subset: "default",
      encode: async (req) => {
        encoded.push(...req.texts);
        return fromRows(req.texts.map((t) => vec[t]));
      },
      similarity: "cosine",
      sklearn: "1.9",
      rng: newTaskRngState(),
      seed: 42,
      loadSplit: () => Promise.reject(new Error("not needed")),
    });
    expect(encoded).toEqual(["q-a", "q-b", "q-c", "P1", "N1", "N2", "P2"]);
    // Per sub-query: AP 1/2, 1, 1 → map 5/6. Merged: row 0 takes max(P1) 0.89, max(N1) 0.98, max(N2) 0.45 → P1
    // second, AP 1/2; row 2 AP 1 → 3/4 (a per-sub-query grouping would give 5/6 again).
    expect(scores.map_at_1000).toBe(0.83333); // mteb stores trec_eval means as round(mean, 5)
    expect(scores.map_at_1000).not.toBe(scores.max_over_subqueries_map_at_1000);
    expect(scores.max_over_subqueries_map_at_1000).toBe(0.75);
    expect(scores.max_over_subqueries_mrr_at_10).toBe(0.75);
    expect(scores.max_over_subqueries_recall_at_1).toBe(0.5);
    expect(scores.main_score).toBe(scores.max_over_subqueries_map_at_1000);
  });

  it("reads a snapshot with corpus/queries/qrels/top_ranked configs with the generic loader (source c78a1e9)", async () => {
    const generic = folder(
      {
        "corpus.jsonl": [
          { _id: "d1", title: "", text: "P1" },
          { _id: "d2", title: "", text: "N1" },
        ],
        "queries.jsonl": [{ _id: "test_query0_0", text: "q-a" }],
        "qrels.jsonl": [
          { "query-id": "test_query0_0", "corpus-id": "d1", score: 1 },
          { "query-id": "test_query0_0", "corpus-id": "d2", score: 0 },
        ],
        "top_ranked.jsonl": [{ "query-id": "test_query0_0", "corpus-ids": ["d1", "d2"] }],
      },
      {
        corpus: [["test", "corpus.jsonl"]],
        queries: [["test", "queries.jsonl"]],
        default: [["test", "qrels.jsonl"]],
        top_ranked: [["test", "top_ranked.jsonl"]],
      },
    );
    const data = await loadTaskData(spec, localSource(generic), "test", "default");
    if (data.kind !== "retrieval") throw new Error("not retrieval data");
    expect(data.corpus.map((c) => c.id)).toEqual(["d1", "d2"]);
    expect(data.topRanked?.get("test_query0_0")).toEqual(["d1", "d2"]);
  });

  it("agrees with the registry's statistics identities (queries + documents = samples, ~41 candidates each)", () => {
    const st = spec.stats?.test;
    if (!st) throw new Error("no stats");
    expect((st.numQueries ?? 0) + (st.numDocuments ?? 0)).toBe(st.numSamples);
    // Every sub-query of a row shares the row's candidates and positives: 97,008,807 candidates and 4,320,958
    // positives over 2,362,514 sub-queries, yet only 5,277 distinct texts (docs deduplicated by text).
    expect(st.numQueries).toBe(2362514);
    expect(st.numDocuments).toBe(5277);
    expect(st.numRelevantDocs).toBeLessThan(st.numTopRanked ?? 0);
  });
});
