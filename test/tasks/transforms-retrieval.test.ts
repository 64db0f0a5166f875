/** The retrieval-family audit (tasks/transforms/retrieval.ts) and the loaders it ports (src/data/retrieval-*.ts). */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { usesLongEmbedLoader } from "../../src/data/load-longembed.js";
import { loadTaskData } from "../../src/data/load-task.js";
import {
  belebeleLanguages,
  buildBelebeleRetrieval,
  buildCureV1,
  CUSTOM_RETRIEVAL_LOADERS,
  loadBelebeleRetrieval,
  loadCureV1,
} from "../../src/data/retrieval-custom.js";
import { applyRetrievalTransform, transformRetrievalRows } from "../../src/data/retrieval-transform.js";
import { localSource } from "../../src/data/source.js";
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

/** Write a dataset folder with a card whose configs map (config, split) to one jsonl file each. */
function dataset(files: Record<string, { config: string; split: string; rows: object[] }>): string {
  const dir = mkdtempSync(join(tmpdir(), "embeval-retrieval-"));
  const configs = new Map<string, string[]>();
  for (const [file, f] of Object.entries(files)) {
    writeFileSync(join(dir, file), `${f.rows.map((r) => JSON.stringify(r)).join("\n")}\n`);
    const lines = configs.get(f.config) ?? [];
    lines.push(`  - split: ${f.split}\n    path: ${file}`);
    configs.set(f.config, lines);
  }
  const card = [...configs].map(([c, l]) => `- config_name: ${c}\n  data_files:\n${l.join("\n")}`).join("\n");
  writeFileSync(join(dir, "README.md"), `---\nconfigs:\n${card}\n---\n`);
  return dir;
}

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

describe("BelebeleRetrieval (custom load_data)", () => {
  const deu = [
    { link: "L1", flores_passage: "P1 de", question: "F1" },
    { link: "L1", flores_passage: "P1 de", question: "F2" },
    { link: "L2", flores_passage: "P2 de", question: "F1" },
  ];
  const eng = [
    { link: "L1", flores_passage: "P1 en", question: "Q-a" },
    { link: "L1", flores_passage: "P1 en", question: "Q-b" },
    { link: "L2", flores_passage: "P2 en", question: "Q-c" },
  ];

  it("passages by first-seen link, queries by first-seen question text, a repeated question keeps both passages", () => {
    const d = buildBelebeleRetrieval(deu, deu);
    expect(d.corpus).toEqual([
      { id: "C0", title: "", text: "P1 de" },
      { id: "C1", title: "", text: "P2 de" },
    ]);
    expect(d.queries).toEqual([
      { id: "Q0", text: "F1" },
      { id: "Q1", text: "F2" },
    ]);
    expect(d.qrels).toEqual(
      new Map([
        [
          "Q0",
          new Map([
            ["C0", 1],
            ["C1", 1],
          ]),
        ],
        ["Q1", new Map([["C0", 1]])],
      ]),
    );
  });

  it("subset a-b: passages in language a, questions in language b (read from the language splits)", async () => {
    expect(belebeleLanguages("deu_Latn-eng_Latn")).toEqual({ corpus: "deu_Latn", questions: "eng_Latn" });
    expect(() => belebeleLanguages("deu-eng")).toThrow(
      expect.objectContaining({ code: "E_INVALID_ARGUMENT" }),
    );
    const dir = dataset({
      "deu.jsonl": { config: "default", split: "deu_Latn", rows: deu },
      "eng.jsonl": { config: "default", split: "eng_Latn", rows: eng },
    });
    const d = await loadBelebeleRetrieval(localSource(dir), "deu_Latn-eng_Latn");
    expect(d.corpus.map((c) => c.text)).toEqual(["P1 de", "P2 de"]);
    expect(d.queries.map((q) => q.text)).toEqual(["Q-a", "Q-b", "Q-c"]);
    expect(d.qrels.get("Q2")).toEqual(new Map([["C1", 1]]));
    expect(() => buildBelebeleRetrieval(deu.slice(0, 1), eng)).toThrow(
      expect.objectContaining({ code: "E_PARSE" }),
    );
  });

  it("agrees with the registry: 376 subsets of 488 passages each and at most 900 questions", () => {
    const subsets = getTask("BelebeleRetrieval").stats?.test.subsets ?? {};
    expect(Object.keys(subsets)).toHaveLength(376);
    for (const [name, s] of Object.entries(subsets)) {
      expect(s.numDocuments, name).toBe(488);
      expect(s.numQueries ?? 0, name).toBeLessThanOrEqual(900);
      belebeleLanguages(name);
    }
  });
});

describe("CUREv1 (custom load_data)", () => {
  const corpus = [
    { _id: "d1", title: "T1", text: "one" },
    { _id: "d2", title: "", text: "two" },
    { _id: "d1", title: "T1b", text: "one again" },
  ];
  const qrels = [
    { "query-id": "q1", "corpus-id": "d1", score: 2 },
    { "query-id": "q2", "corpus-id": "d2", score: 1 },
  ];

  it("dict semantics for ids, titles kept, queries without qrels dropped", () => {
    const queries = [
      { _id: "q1", text: "first" },
      { _id: "q3", text: "no qrels" },
      { _id: "q2", text: "second" },
    ];
    const d = buildCureV1(corpus, queries, qrels);
    expect(d.corpus).toEqual([
      { id: "d1", title: "T1b", text: "one again" },
      { id: "d2", title: "", text: "two" },
    ]);
    expect(d.queries.map((q) => q.id)).toEqual(["q1", "q2"]);
    expect(d.qrels.get("q1")).toEqual(new Map([["d1", 2]]));
  });

  it("reads shared corpus/qrels configs and the subset's queries config at the eval split", async () => {
    const dir = dataset({
      "c.jsonl": { config: "corpus", split: "dermatology", rows: corpus },
      "qr.jsonl": { config: "qrels", split: "dermatology", rows: qrels },
      "es.jsonl": { config: "queries-es", split: "dermatology", rows: [{ _id: "q2", text: "segunda" }] },
      "en.jsonl": { config: "queries-en", split: "dermatology", rows: [{ _id: "q1", text: "first" }] },
    });
    const d = await loadCureV1(localSource(dir), "dermatology", "es");
    expect(d.queries).toEqual([{ id: "q2", text: "segunda" }]);
    expect(d.corpus).toHaveLength(2);
    const spec = getTask("CUREv1");
    expect(Object.keys(spec.hfSubsets).sort()).toEqual(["en", "es", "fr"]);
    expect(spec.evalSplits).toContain("dermatology");
    expect(spec.stats?.dermatology?.subsets?.es?.numQueries).toBe(200);
  });
});

describe("load-task.ts routes the custom loaders and applies retrieval row steps", () => {
  it("BelebeleRetrieval and CUREv1 load through loadTaskData", async () => {
    const rows = [
      { link: "L1", flores_passage: "P1", question: "Q-a" },
      { link: "L2", flores_passage: "P2", question: "Q-b" },
    ];
    const bele = dataset({
      "deu.jsonl": { config: "default", split: "deu_Latn", rows },
      "eng.jsonl": { config: "default", split: "eng_Latn", rows },
    });
    const b = await loadTaskData(
      getTask("BelebeleRetrieval"),
      localSource(bele),
      "test",
      "deu_Latn-eng_Latn",
    );
    if (b.kind !== "retrieval") throw new Error("not retrieval data");
    expect(b.corpus.map((c) => c.id)).toEqual(["C0", "C1"]);
    expect(b.queries.map((q) => q.id)).toEqual(["Q0", "Q1"]);
    const cure = dataset({
      "c.jsonl": { config: "corpus", split: "dermatology", rows: [{ _id: "d1", title: "", text: "one" }] },
      "qr.jsonl": {
        config: "qrels",
        split: "dermatology",
        rows: [{ "query-id": "q1", "corpus-id": "d1", score: 1 }],
      },
      "fr.jsonl": { config: "queries-fr", split: "dermatology", rows: [{ _id: "q1", text: "un" }] },
    });
    const c = await loadTaskData(getTask("CUREv1"), localSource(cure), "dermatology", "fr");
    if (c.kind !== "retrieval") throw new Error("not retrieval data");
    expect(c.queries).toEqual([{ id: "q1", text: "un" }]);
  });

  it("an RTEB task's corpus loses its title (mteb's load_data override), so documents embed as text only", async () => {
    const dir = dataset({
      "c.jsonl": { config: "corpus", split: "test", rows: [{ _id: "d1", title: "Title", text: "body" }] },
      "q.jsonl": { config: "queries", split: "test", rows: [{ _id: "q1", text: "ask" }] },
      "r.jsonl": {
        config: "default",
        split: "test",
        rows: [{ "query-id": "q1", "corpus-id": "d1", score: 1 }],
      },
    });
    const d = await loadTaskData(getTask("MBPPRetrieval"), localSource(dir), "test", "default");
    if (d.kind !== "retrieval") throw new Error("not retrieval data");
    expect(d.corpus.map((doc) => corpusText(doc))).toEqual(["body"]);
    const plain = await loadTaskData(getTask("SWEbenchCodeRetrieval"), localSource(dir), "test", "default");
    if (plain.kind !== "retrieval") throw new Error("not retrieval data");
    expect(plain.corpus.map((doc) => corpusText(doc))).toEqual(["Title body"]);
  });
});
