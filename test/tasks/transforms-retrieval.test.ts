import { describe, expect, it } from "vitest";
import { usesLongEmbedLoader } from "../../src/data/load-longembed.js";
import { loadTaskData } from "../../src/data/load-task.js";
import { CUSTOM_RETRIEVAL_LOADERS } from "../../src/data/retrieval-custom.js";
import { applyRetrievalTransform, transformRetrievalRows } from "../../src/data/retrieval-transform.js";
import { getTask } from "../../tasks/registry/index.js";
import { suiteTasks } from "../../tasks/suites.js";
import { corpusText } from "../../tasks/text.js";
import {
  RETRIEVAL_LOADER_LAYOUTS,
  RETRIEVAL_NO_TRANSFORM,
  RETRIEVAL_NOT_YET_PORTED,
  RETRIEVAL_TRANSFORMS,
} from "../../tasks/transforms/retrieval.js";
import { fixtureSource } from "../helpers/fixture-source.js";

const SUITES = ["MTEB(eng, v2)", "MTEB(Multilingual, v2)", "BEIR", "LongEmbed", "RTEB(beta)"];
const FAMILY = ["Retrieval", "Reranking", "InstructionRetrieval", "InstructionReranking", "Any2AnyRetrieval"];
const family = [...new Set(SUITES.flatMap((s) => suiteTasks(s).map((t) => t.name)))].filter((n) =>
  FAMILY.includes(getTask(n).type),
);

describe("retrieval-family audit", () => {
  it("places each of the 67 retrieval-family tasks of the five benchmarks in exactly one table", () => {
    expect(family).toHaveLength(67);
    const listed = [
      ...Object.keys(RETRIEVAL_TRANSFORMS),
      ...RETRIEVAL_NO_TRANSFORM,
      ...Object.keys(RETRIEVAL_NOT_YET_PORTED),
    ];
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...family].sort());
    expect(Object.keys(RETRIEVAL_TRANSFORMS)).toHaveLength(9);
    expect(RETRIEVAL_NO_TRANSFORM).toHaveLength(58);
    expect(RETRIEVAL_NOT_YET_PORTED).toEqual({});
  });

  it("MindSmallReranking, the last one ported, is a custom-loader layout citing its source", () => {
    expect(RETRIEVAL_LOADER_LAYOUTS.MindSmallReranking).toMatch(
      /^9308c67 at mteb\/MindSmallReranking@227478e/,
    );
    expect(CUSTOM_RETRIEVAL_LOADERS).toHaveProperty("MindSmallReranking");
    expect(RETRIEVAL_NO_TRANSFORM).toContain("MindSmallReranking");
    expect(getTask("MindSmallReranking").dataset.revision.startsWith("227478e")).toBe(true);
  });

  it("cites each ported task's source file; the RTEB load_data overrides blank the corpus title", () => {
    for (const [name, t] of Object.entries(RETRIEVAL_TRANSFORMS)) {
      expect(t.source.split(" ")[0], name).toBe(getTask(name).sourceFile);
      expect(getTask(name).dataset.path.startsWith("embedding-benchmark/"), name).toBe(true);
      expect(t.steps).toEqual([{ kind: "removeColumns", columns: ["title"] }]);
    }
    // The one embedding-benchmark/* task without the override.
    expect(getTask("SWEbenchCodeRetrieval").dataset.path).toBe("embedding-benchmark/SWEbenchCodeRetrieval");
    expect(RETRIEVAL_NO_TRANSFORM).toContain("SWEbenchCodeRetrieval");
  });

  it("loader layouts are the dwzhu/LongEmbed tasks and the custom loaders, which load-task.ts routes", () => {
    const layouts = Object.keys(RETRIEVAL_LOADER_LAYOUTS).filter((n) => !(n in CUSTOM_RETRIEVAL_LOADERS));
    expect(layouts).toHaveLength(5);
    for (const name of Object.keys(CUSTOM_RETRIEVAL_LOADERS))
      expect(RETRIEVAL_LOADER_LAYOUTS).toHaveProperty(name);
    for (const name of layouts) {
      expect(RETRIEVAL_NO_TRANSFORM, name).toContain(name);
      expect(usesLongEmbedLoader(getTask(name).dataset), name).toBe(true);
    }
    // Passkey reads a re-uploaded mteb/ dataset with the generic loader.
    expect(usesLongEmbedLoader(getTask("LEMBPasskeyRetrieval").dataset)).toBe(false);
    expect(getTask("LEMBNeedleRetrieval").evalSplits).toContain("test_4096");
  });

  it("the custom loaders are exactly the loader layouts that name src/data/retrieval-custom.ts", () => {
    const named = Object.entries(RETRIEVAL_LOADER_LAYOUTS)
      .filter(([, what]) => what.includes("retrieval-custom.ts"))
      .map(([name]) => name);
    expect(Object.keys(CUSTOM_RETRIEVAL_LOADERS).sort()).toEqual(named.sort());
  });

  it("SciFact (no transform): the cached dataset loads to the registry's descriptive statistics", async () => {
    const spec = getTask("SciFact");
    const data = await loadTaskData(spec, fixtureSource(spec), "test", "default");
    if (data.kind !== "retrieval") throw new Error("not retrieval data");
    const st = spec.stats?.test;
    expect(st?.numQueries).toBe(300);
    expect(data.queries).toHaveLength(300);
    expect(data.corpus).toHaveLength(st?.numDocuments ?? -1);
    expect(data.corpus).toHaveLength(5183);
    const rel = [...data.qrels.values()].reduce((n, m) => n + m.size, 0);
    expect(rel).toBe(st?.numRelevantDocs);
    expect(rel).toBe(339);
  });
});

describe("transformRetrievalRows", () => {
  const ctx = { split: "test", evalSplits: ["test"] };
  it("drops the corpus title for an RTEB task, so the embedded text is the text alone", () => {
    const rows = [{ id: "d1", title: "Heading", text: " body " }];
    const out = transformRetrievalRows(RETRIEVAL_TRANSFORMS.ChatDoctorRetrieval, "corpus", rows, ctx);
    expect(out).toEqual([{ id: "d1", text: " body " }]);
    expect(corpusText({ text: String(out[0].text) })).toBe("body");
    expect(corpusText({ title: "Heading", text: " body " })).toBe("Heading  body");
    expect(rows[0].title).toBe("Heading"); // the caller's rows are not mutated
    const q = [{ id: "q1", text: "why?" }];
    expect(transformRetrievalRows(RETRIEVAL_TRANSFORMS.ChatDoctorRetrieval, "queries", q, ctx)).toEqual(q);
  });

  it("applies no steps without a transform and refuses split-building steps", () => {
    expect(transformRetrievalRows(undefined, "qrels", [{ a: 1 }], ctx)).toEqual([{ a: 1 }]);
    const bad = { source: "x", steps: [{ kind: "trainTestSplit", splits: ["test"], testSize: 2 }] } as const;
    expect(() => transformRetrievalRows(bad, "corpus", [{ a: 1 }], ctx)).toThrow(
      expect.objectContaining({ code: "E_UNSUPPORTED" }),
    );
    const filter = { source: "x", steps: [{ kind: "filter", where: { column: "score", in: [1] } }] } as const;
    const qrels = [
      { "query-id": "q", "corpus-id": "a", score: 1 },
      { "query-id": "q", "corpus-id": "b", score: 0 },
    ];
    expect(transformRetrievalRows(filter, "qrels", qrels, ctx)).toEqual([qrels[0]]);
  });
});

describe("applyRetrievalTransform (wiring after a loader)", () => {
  const ctx = { split: "test", evalSplits: ["test"] };
  const data = {
    kind: "retrieval",
    corpus: [
      { id: "d1", title: "Heading", text: "body" },
      { id: "d2", text: "other" },
    ],
    queries: [
      { id: "q1", text: "why?", instruction: "be brief" },
      { id: "q2", text: "how?" },
    ],
    qrels: new Map([
      ["q1", new Map([["d1", 1]])],
      ["q2", new Map([["d2", 0]])],
    ]),
  } as const;

  it("RTEB title removal changes only the corpus titles", () => {
    const out = applyRetrievalTransform(data, RETRIEVAL_TRANSFORMS.FinQARetrieval, ctx);
    expect(out.corpus).toEqual([
      { id: "d1", text: "body" },
      { id: "d2", text: "other" },
    ]);
    expect(out.queries).toEqual(data.queries);
    expect(out.qrels).toEqual(data.qrels);
    expect(applyRetrievalTransform(data, undefined, ctx)).toBe(data);
  });

  it("a qrels filter drops the queries it leaves without qrels; an emptied split is E_EMPTY_INPUT", () => {
    const keepRelevant = {
      source: "x",
      steps: [{ kind: "filter", where: { column: "score", notIn: [0] } }],
    } as const;
    const out = applyRetrievalTransform(data, keepRelevant, ctx);
    expect(out.queries.map((q) => q.id)).toEqual(["q1"]);
    expect(out.corpus).toEqual(data.corpus);
    const none = { source: "x", steps: [{ kind: "filter", where: { column: "score", in: [5] } }] } as const;
    expect(() => applyRetrievalTransform(data, none, ctx)).toThrow(
      expect.objectContaining({ code: "E_EMPTY_INPUT" }),
    );
  });
});
