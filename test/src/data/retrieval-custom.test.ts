/** The custom retrieval loaders of tasks/transforms/retrieval.ts (Belebele, CUREv1) and their routing through load-task.ts. */
import { describe, expect, it } from "vitest";
import { loadTaskData } from "../../../src/data/load-task.js";
import {
  belebeleLanguages,
  buildBelebeleRetrieval,
  buildCureV1,
  loadBelebeleRetrieval,
  loadCureV1,
} from "../../../src/data/retrieval-custom.js";
import { localSource } from "../../../src/data/source.js";
import { getTask } from "../../../tasks/registry/index.js";
import { corpusText } from "../../../tasks/text.js";
import { datasetFolder } from "../../helpers/dataset-folder.js";

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
    const dir = datasetFolder({
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
    const dir = datasetFolder({
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
    const bele = datasetFolder({
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
    const cure = datasetFolder({
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
    const dir = datasetFolder({
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
