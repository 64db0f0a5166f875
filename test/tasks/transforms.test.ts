/** The declared load-time transform table: every task of the five benchmarks is ported, audited clean, or listed as not yet ported. */
import { describe, expect, it } from "vitest";
import { getTask, hasTask } from "../../tasks/registry/index.js";
import { suiteTasks } from "../../tasks/suites.js";
import { RETRIEVAL_TRANSFORMS } from "../../tasks/transforms/retrieval.js";
import { NO_TRANSFORM, NOT_YET_PORTED, TASK_TRANSFORMS } from "../../tasks/transforms.js";

const SUITES = ["MTEB(eng, v2)", "MTEB(Multilingual, v2)", "BEIR", "LongEmbed", "RTEB(beta)"];
const suiteNames = [...new Set(SUITES.flatMap((s) => suiteTasks(s).map((t) => t.name)))];

describe("transform audit of the five benchmarks", () => {
  it("covers the 182 public tasks", () => {
    expect(suiteNames).toHaveLength(182);
  });

  it("puts every task in exactly one of: table, no-transform list, not-yet-ported list", () => {
    for (const name of suiteNames) {
      const places = [name in TASK_TRANSFORMS, NO_TRANSFORM.includes(name), name in NOT_YET_PORTED].filter(
        Boolean,
      );
      expect(places.length, name).toBe(1);
    }
  });

  it("names only registered tasks, each once", () => {
    const listed = [...Object.keys(TASK_TRANSFORMS), ...NO_TRANSFORM, ...Object.keys(NOT_YET_PORTED)];
    for (const name of listed) expect(hasTask(name), name).toBe(true);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("leaves no task of the five benchmarks not yet ported (all ported or audited clean)", () => {
    expect(NOT_YET_PORTED).toEqual({});
    const covered = suiteNames.filter((n) => n in TASK_TRANSFORMS || NO_TRANSFORM.includes(n));
    expect(covered).toHaveLength(182);
  });

  it("ports the non-retrieval transforms read in mteb's sources (tasks whose source transforms rows)", () => {
    // Derived by reading each source at the registry's dataset revision (see tasks/transforms.ts comments); the
    // retrieval family is audited in tasks/transforms/retrieval.ts.
    const others = Object.keys(TASK_TRANSFORMS).filter((n) => !(n in RETRIEVAL_TRANSFORMS));
    expect(others.sort()).toEqual(
      [
        "ArXivHierarchicalClusteringP2P",
        "ArXivHierarchicalClusteringS2S",
        "BibleNLPBitextMining",
        "BigPatentClustering.v2",
        "FinancialPhrasebankClassification",
        "MasakhaNEWSClassification",
        "MedrxivClusteringP2P.v2",
        "MedrxivClusteringS2S.v2",
        "MultiHateClassification",
        "SIB200ClusteringS2S",
        "STSBenchmarkMultilingualSTS",
        "ScalaClassification",
        "SprintDuplicateQuestions",
        "StackExchangeClustering.v2",
        "StackExchangeClusteringP2P.v2",
        "ToxicConversationsClassification",
        "TweetTopicSingleClassification",
        "TwentyNewsgroupsClustering.v2",
        "TwitterSemEval2015",
        "TwitterURLCorpus",
        "XNLI",
        // stale sources: subsampling baked into the re-upload (guarded)
        "CLSClusteringP2P.v2",
        "CSFDSKMovieReviewSentimentClassification",
        "CyrillicTurkicLangClassification",
        "CzechProductReviewSentimentClassification",
        "DBpediaClassification",
        "FilipinoShopeeReviewsClassification",
        "GreekLegalCodeClassification",
        "HALClusteringS2S.v2",
        "IndonesianIdClickbaitClassification",
        "NepaliNewsClassification",
        "OdiaNewsClassification",
        "PlscClusteringP2P.v2",
        "SentimentAnalysisHindi",
        "SinhalaNewsClassification",
        "SlovakMovieReviewSentimentClassification",
        "SwahiliNewsClassification",
        "WikiClusteringP2P.v2",
        // stale sources: column renames only
        "BulgarianStoreReviewSentimentClassfication",
        "CataloniaTweetClassification",
        "EstonianValenceClassification",
        "FaroeseSTS",
        "GujaratiNewsClassification",
        "IsiZuluNewsClassification",
        "ItaCaseholdClassification",
        "MalteseNewsClassification",
        "NorwegianCourtsBitextMining",
        "PpcPC",
        "SemRel24STS",
        "SiswatiNewsClassification",
        "TERRa",
      ].sort(),
    );
  });
});

describe("table entries", () => {
  for (const [name, t] of Object.entries(TASK_TRANSFORMS)) {
    it(`${name}: cites the task's mteb source file and uses splits the task has`, () => {
      const spec = getTask(name);
      expect(t.source.split(" ")[0]).toBe(spec.sourceFile);
      expect(t.steps.length).toBeGreaterThan(0);
      const known = new Set([
        ...spec.evalSplits,
        ...Object.keys(spec.stats ?? {}),
        "train",
        "validation",
        "test",
      ]);
      for (const s of t.steps) {
        if ((s.kind === "stratifiedSubsample" || s.kind === "trainTestSplit") && s.splits !== "eval") {
          for (const sp of s.splits) expect(known.has(sp), `${name} ${sp}`).toBe(true);
        }
        if (s.kind === "stratifiedSubsample") expect(s.nSamples).toBe(2048);
        if (s.kind === "splitAlias") expect(known.has(s.split)).toBe(true);
        if (s.kind === "resplit") expect(known.has(s.from), `${name} ${s.from}`).toBe(true);
      }
    });
  }

  it("stratified subsampling matches mteb's descriptive statistics (eval splits capped at 2048)", () => {
    for (const [name, t] of Object.entries(TASK_TRANSFORMS)) {
      const spec = getTask(name);
      for (const s of t.steps) {
        if (s.kind !== "stratifiedSubsample" && s.kind !== "trainTestSplit") continue;
        const splits = s.splits === "eval" ? spec.evalSplits : s.splits;
        for (const sp of splits) {
          const st = spec.stats?.[sp];
          if (!st) continue;
          const perSubset = st.subsets ? Object.values(st.subsets).map((x) => x.numSamples) : [st.numSamples];
          for (const n of perSubset) expect(n, `${name} ${sp}`).toBeLessThanOrEqual(2048);
        }
      }
    }
  });

  it("a baked subsample is evidenced by mteb's stats: every guarded split (and subset) has exactly 2048 rows", () => {
    let checked = 0;
    for (const [name, t] of Object.entries(TASK_TRANSFORMS)) {
      const spec = getTask(name);
      for (const s of t.steps) {
        if (s.kind !== "bakedSubsample") continue;
        for (const split of s.splits) {
          const st = spec.stats?.[split];
          expect(st, `${name} ${split}`).toBeDefined();
          const perSubset = st?.subsets
            ? Object.values(st.subsets).map((x) => x.numSamples)
            : [st?.numSamples];
          for (const n of perSubset) expect(n, `${name} ${split}`).toBe(2048);
          checked += perSubset.length;
        }
      }
    }
    expect(checked).toBe(20 + 13); // 17 tasks, 20 (task, split) pairs; WikiClusteringP2P.v2 has 14 subsets
  });

  it("a resplit's count sizes are the train/test row counts of every subset in mteb's descriptive statistics", () => {
    let checked = 0;
    for (const [name, t] of Object.entries(TASK_TRANSFORMS)) {
      const spec = getTask(name);
      for (const s of t.steps) {
        if (s.kind !== "resplit") continue;
        for (const [split, size] of [
          ["train", s.trainSize],
          ["test", s.testSize],
        ] as const) {
          const st = spec.stats?.[split];
          expect(st, `${name} ${split}`).toBeDefined();
          const perSubset = st?.subsets
            ? Object.values(st.subsets).map((x) => x.numSamples)
            : [st?.numSamples];
          for (const n of perSubset) expect(n, `${name} ${split}`).toBe(size);
          checked += perSubset.length;
        }
      }
    }
    expect(checked).toBe(22); // MultiHateClassification: 11 languages x (train, test)
  });
});
