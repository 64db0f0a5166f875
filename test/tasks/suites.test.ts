/** Benchmark suites: task counts and type mixes of spec mteb-benchmarks.md §2, per-task filters, aliases, and agreement with benchmarks.json. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../metrics/errors.js";
import { getSuite, listSuites, type SuiteTask, suiteTasks } from "../../tasks/suites.js";
import { SHARED_DIR } from "../helpers/shared.js";

const BENCH_PATH = join(SHARED_DIR, "mteb", "benchmarks.json");

function typeCounts(tasks: readonly SuiteTask[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of tasks) out[t.type] = (out[t.type] ?? 0) + 1;
  return out;
}

const byName = (tasks: readonly SuiteTask[], name: string): SuiteTask => {
  const t = tasks.find((x) => x.name === name);
  if (!t) throw new Error(`${name} not in suite`);
  return t;
};

describe("headline suites (spec §2)", () => {
  it("MTEB(eng, v2) = mteb-eng: 41 tasks of 7 types", () => {
    const ts = suiteTasks("mteb-eng");
    expect(ts.length).toBe(41);
    expect(typeCounts(ts)).toEqual({
      Classification: 8,
      Clustering: 8,
      PairClassification: 3,
      Reranking: 2,
      Retrieval: 10,
      STS: 9,
      Summarization: 1,
    });
  });

  it("MTEB(Multilingual, v2) = mmteb: 131 tasks of 9 types", () => {
    const ts = suiteTasks("mmteb");
    expect(ts.length).toBe(131);
    expect(typeCounts(ts)).toEqual({
      BitextMining: 13,
      Classification: 43,
      Clustering: 16,
      InstructionReranking: 3,
      MultilabelClassification: 5,
      PairClassification: 11,
      Reranking: 6,
      Retrieval: 18,
      STS: 16,
    });
  });

  it("BEIR = beir: 15 retrieval tasks, MSMARCO on dev, CQADupstack as the aggregate", () => {
    const ts = suiteTasks("beir");
    expect(ts.length).toBe(15);
    expect(typeCounts(ts)).toEqual({ Retrieval: 15 });
    expect(byName(ts, "MSMARCO").evalSplits).toEqual(["dev"]);
    expect(byName(ts, "CQADupstackRetrieval").task.kind).toBe("Aggregate");
    expect(ts.filter((t) => t.name !== "MSMARCO").every((t) => t.evalSplits.join() === "test")).toBe(true);
  });

  it("LongEmbed = longembed: 6 tasks, needle/passkey on 8 splits", () => {
    const ts = suiteTasks("longembed");
    expect(ts.map((t) => t.name).sort()).toEqual([
      "LEMBNarrativeQARetrieval",
      "LEMBNeedleRetrieval",
      "LEMBPasskeyRetrieval",
      "LEMBQMSumRetrieval",
      "LEMBSummScreenFDRetrieval",
      "LEMBWikimQARetrieval",
    ]);
    expect(byName(ts, "LEMBPasskeyRetrieval").evalSplits.length).toBe(8);
    expect(byName(ts, "LEMBSummScreenFDRetrieval").evalSplits).toEqual(["validation"]);
  });

  it("RTEB(beta) = rteb: the 17 public of 30 tasks; the 13 private ones are named but not run", () => {
    const s = getSuite("rteb");
    expect(s.name).toBe("RTEB(beta)");
    expect(s.publicOnlySummary).toBe(true);
    expect([s.taskNames.length, s.publicTaskNames.length, s.privateTaskNames.length]).toEqual([30, 17, 13]);
    expect([...s.privateTaskNames].sort()).toEqual(
      [
        "Code1Retrieval",
        "JapaneseCode1Retrieval",
        "EnglishFinance1Retrieval",
        "EnglishFinance2Retrieval",
        "EnglishFinance3Retrieval",
        "EnglishFinance4Retrieval",
        "EnglishHealthcare1Retrieval",
        "French1Retrieval",
        "FrenchLegal1Retrieval",
        "German1Retrieval",
        "GermanHealthcare1Retrieval",
        "GermanLegal1Retrieval",
        "JapaneseLegal1Retrieval",
      ].sort(),
    );
    const ts = suiteTasks("rteb");
    expect(ts.length).toBe(17);
    const cure = byName(ts, "CUREv1");
    expect([cure.hfSubsets.length, cure.evalSplits.length]).toEqual([3, 11]);
    expect(byName(ts, "MIRACLRetrievalHardNegatives").hfSubsets.length).toBe(18);
  });
});

describe("per-task filters", () => {
  it("MTEB(eng, v2) keeps only English subsets and the test split", () => {
    const ts = suiteTasks("MTEB(eng, v2)");
    for (const name of [
      "MassiveIntentClassification",
      "MassiveScenarioClassification",
      "MTOPDomainClassification",
    ]) {
      const t = byName(ts, name);
      expect([t.hfSubsets, t.evalSplits, t.languages], name).toEqual([["en"], ["test"], ["eng-Latn"]]);
      expect(t.filters, name).toEqual({
        languages: ["eng"],
        exclusive_language_filter: true,
        eval_splits: ["test"],
      });
    }
    expect(byName(ts, "AmazonCounterfactualClassification").hfSubsets).toEqual(["en"]);
    expect(byName(ts, "STS17").hfSubsets).toEqual(["en-en"]);
    expect(byName(ts, "STS22.v2").hfSubsets).toEqual(["en"]);
    expect(byName(ts, "Touche2020Retrieval.v3").filters.exclusive_language_filter).toBe(true);
  });

  it("MTEB(Multilingual, v2) keeps every subset and split of the metadata", () => {
    const ts = suiteTasks("mmteb");
    const massive = byName(ts, "MassiveIntentClassification");
    expect([massive.hfSubsets.length, massive.evalSplits]).toEqual([51, ["validation", "test"]]);
    expect(byName(ts, "STS17").hfSubsets.length).toBe(11);
    expect(byName(ts, "FloresBitextMining").hfSubsets.length).toBe(41412);
    expect(byName(ts, "BibleNLPBitextMining").evalSplits).toEqual(["train"]);
  });

  it("the RTEB language sub-suites narrow CUREv1 to one subset", () => {
    expect(byName(suiteTasks("rteb-eng"), "CUREv1").hfSubsets).toEqual(["en"]);
    expect(byName(suiteTasks("RTEB(fra, beta)"), "CUREv1").hfSubsets).toEqual(["fr"]);
    expect(suiteTasks("rteb-jpn")).toEqual([]);
  });

  it("filters suite tasks by language", () => {
    const german = suiteTasks("mmteb", { languages: ["deu"] });
    expect(german.length).toBeGreaterThan(10);
    expect(german.every((t) => t.languages.some((l) => l.startsWith("deu-")))).toBe(true);
    expect(suiteTasks("beir", { languages: ["deu"] })).toEqual([]);
  });
});

describe("names and aliases", () => {
  it("resolves embeval's and mteb's aliases, case-insensitively", () => {
    const cases: [string, string][] = [
      ["mteb-eng", "MTEB(eng, v2)"],
      ["MTEB(eng)", "MTEB(eng, v2)"],
      ["mmteb", "MTEB(Multilingual, v2)"],
      ["MMTEB", "MTEB(Multilingual, v2)"],
      ["MTEB(Multilingual)", "MTEB(Multilingual, v2)"],
      ["beir", "BEIR"],
      ["longembed", "LongEmbed"],
      ["LONGEMBED", "LongEmbed"],
      ["rteb", "RTEB(beta)"],
      ["MTEB", "MTEB(eng, v1)"],
      ["MTEB(eng, classic)", "MTEB(eng, v1)"],
      ["rteb-law", "RTEB(Law, beta)"],
    ];
    for (const [alias, name] of cases) expect(getSuite(alias).name, alias).toBe(name);
  });

  it("has no alias shared by two suites", () => {
    const seen = new Map<string, string>();
    for (const s of listSuites()) {
      for (const a of [s.name, ...s.aliases]) {
        const key = a.toLowerCase();
        expect(seen.get(key) ?? s.name, a).toBe(s.name);
        seen.set(key, s.name);
      }
    }
    expect(listSuites().length).toBe(14);
  });

  it("rejects unknown suites with E_TASK_NOT_FOUND and suggestions", () => {
    let err: unknown;
    try {
      getSuite("mteb-englsh");
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_TASK_NOT_FOUND")).toBe(true);
    expect(isEmbevalError(err) && err.hint).toContain('"mteb-eng"');
  });
});

describe.skipIf(!existsSync(BENCH_PATH))("agreement with ../shared/mteb/benchmarks.json", () => {
  it("has the same task instances, splits and subsets per benchmark", () => {
    const bench = JSON.parse(readFileSync(BENCH_PATH, "utf8")) as {
      benchmarks: Record<string, { tasks: { name: string; is_public: boolean; eval_splits: string[] }[] }>;
    };
    for (const [name, b] of Object.entries(bench.benchmarks)) {
      const ts = suiteTasks(name);
      const pub = b.tasks.filter((t) => t.is_public);
      expect(
        ts.map((t) => t.name),
        name,
      ).toEqual(pub.map((t) => t.name));
      for (const [i, t] of ts.entries())
        expect(t.evalSplits, `${name} ${t.name}`).toEqual(pub[i].eval_splits);
      expect(getSuite(name).taskNames).toEqual(b.tasks.map((t) => t.name));
    }
  });
});
