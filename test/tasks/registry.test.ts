/** Task registry lookups: lazy loading, typed flags with mteb 2.20.0 defaults, filters, did-you-mean errors. */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../metrics/errors.js";
import {
  getTask,
  getTasks,
  hasTask,
  listTasks,
  registryInfo,
  taskNames,
} from "../../tasks/registry/index.js";
import { isTaskTableLoaded } from "../../tasks/registry/load.js";
import type { TaskKind, TaskSpec } from "../../tasks/types.js";

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("loading", () => {
  it("reads nothing at import time, then loads on the first lookup", () => {
    expect(isTaskTableLoaded()).toBe(false);
    expect(hasTask("SciFact")).toBe(true);
    expect(isTaskTableLoaded()).toBe(true);
  });

  it("registers 1,263 unique task names from mteb a905523d", () => {
    const names = taskNames();
    expect(names.length).toBe(1263);
    expect(new Set(names).size).toBe(1263);
    expect(registryInfo()).toEqual({ mtebCommit: "a905523d0111f999360b312bd4a601a0a97a0e1c", nTasks: 1263 });
  });

  it("returns the same object for repeated lookups", () => {
    expect(getTask("NFCorpus")).toBe(getTask("NFCorpus"));
  });
});

describe("getTask", () => {
  it("gives retrieval flags with mteb's defaults and overrides", () => {
    const scifact = getTask("SciFact");
    expect(scifact.kind).toBe("Retrieval");
    if (scifact.kind !== "Retrieval") throw new Error("narrowing");
    expect(scifact.kValues).toEqual([1, 3, 5, 10, 20, 100, 1000]);
    expect(scifact.topK).toBe(1000);
    expect(scifact.ignoreIdenticalIds).toBe(false);
    expect(scifact.mainScore).toBe("ndcg_at_10");
    expect(scifact.dataset).toEqual({
      path: "mteb/scifact",
      revision: "d56462d0e63a25450459c4f213e49ffdb866f7f9",
    });
    for (const n of ["ArguAna", "MSMARCO", "QuoraRetrieval", "FEVER", "FiQA2018"]) {
      const t = getTask(n);
      expect(t.kind === "Retrieval" && t.ignoreIdenticalIds, n).toBe(true);
    }
    const overridden = listTasks({ kind: "Retrieval" }).filter((t) => "k_values" in t.classAttrs);
    expect(overridden.length).toBeGreaterThan(0);
    for (const t of overridden) {
      if (t.kind !== "Retrieval") throw new Error("narrowing");
      expect(t.kValues).toEqual(t.classAttrs.k_values);
      expect(t.topK).toBe(Math.max(...t.kValues));
    }
  });

  it("gives the LongEmbed needle task its 8 splits and ndcg_at_1", () => {
    const t = getTask("LEMBNeedleRetrieval");
    expect(t.evalSplits.length).toBe(8);
    expect(t.evalSplits[0]).toBe("test_256");
    expect(t.mainScore).toBe("ndcg_at_1");
  });

  it("separates fast and legacy clustering (58 and 52 tasks)", () => {
    const clustering = listTasks({ kind: "Clustering" });
    const fast = clustering.filter((t) => t.kind === "Clustering" && t.variant === "fast");
    const legacy = clustering.filter((t) => t.kind === "Clustering" && t.variant === "legacy");
    expect([fast.length, legacy.length]).toEqual([58, 52]);
    const arxiv = getTask("ArXivHierarchicalClusteringP2P");
    if (arxiv.kind !== "Clustering" || arxiv.variant !== "fast") throw new Error("expected fast clustering");
    expect(arxiv.abstask).toBe("AbsTaskClustering");
    expect(arxiv.maxFractionOfDocumentsToEmbed).toBe(0.04);
    expect(arxiv.nClusters).toBe(10);
    expect(arxiv.maxDocumentsPerCluster).toBe(16384);
    expect(arxiv.kMeansBatchSize).toBe(512);
    const se = getTask("StackExchangeClustering.v2");
    if (se.kind !== "Clustering" || se.variant !== "fast") throw new Error("expected fast clustering");
    // Set to None in dataset_transform, not as a class attribute.
    expect(se.classAttrs).toEqual({});
    expect(se.maxFractionOfDocumentsToEmbed).toBeNull();
    const cls = getTask("CLSClusteringP2P.v2");
    if (cls.kind !== "Clustering" || cls.variant !== "fast") throw new Error("expected fast clustering");
    expect([cls.maxFractionOfDocumentsToEmbed, cls.maxDocumentToEmbed]).toEqual([null, 2048]);
    const snl = getTask("SNLHierarchicalClusteringP2P");
    if (snl.kind !== "Clustering" || snl.variant !== "fast") throw new Error("expected fast clustering");
    expect(snl.maxDepth).toBe(5);
    const old = getTask("TwentyNewsgroupsClustering");
    if (old.kind !== "Clustering") throw new Error("expected clustering");
    expect(old.variant).toBe("legacy");
    expect(old.kMeansBatchSize).toBe(500);
  });

  it("gives classification probes their samples_per_label and n_experiments", () => {
    const banking = getTask("Banking77Classification");
    if (banking.kind !== "Classification") throw new Error("expected classification");
    expect([banking.samplesPerLabel, banking.nExperiments, banking.trainSplit]).toEqual([8, 10, "train"]);
    expect(banking.supersededBy).toBe("Banking77Classification.v2");
    const acf = getTask("AmazonCounterfactualClassification");
    if (acf.kind !== "Classification") throw new Error("expected classification");
    expect(acf.samplesPerLabel).toBe(32);
    expect(Object.keys(acf.hfSubsets)).toEqual(["en-ext", "en", "de", "ja"]);
  });

  it("gives STS ranges, pair-classification prompt types and bitext parallel subsets", () => {
    const afqmc = getTask("AFQMC");
    if (afqmc.kind !== "STS") throw new Error("expected STS");
    expect([afqmc.minScore, afqmc.maxScore]).toEqual([0, 1]);
    const biosses = getTask("BIOSSES");
    if (biosses.kind !== "STS") throw new Error("expected STS");
    expect([biosses.minScore, biosses.maxScore, biosses.input1PromptType]).toEqual([0, 5, null]);
    expect(biosses.columnNames).toEqual(["sentence1", "sentence2"]);
    const terra = getTask("TERRa.V2");
    if (terra.kind !== "PairClassification") throw new Error("expected pair classification");
    expect([terra.input1PromptType, terra.input2PromptType]).toEqual(["document", "query"]);
    const flores = getTask("FloresBitextMining");
    if (flores.kind !== "BitextMining") throw new Error("expected bitext");
    expect(flores.parallelSubsets).toBe(true);
    expect(Object.keys(flores.hfSubsets).length).toBe(41412);
    expect(flores.hfSubsets["ace_Arab-bam_Latn"]).toEqual(["ace-Arab", "bam-Latn"]);
    expect(flores.stats).toBeNull();
  });

  it("marks aggregates, the multilabel Classification task and the deprecated SummEval evaluator", () => {
    const cqa = getTask("CQADupstackRetrieval");
    if (cqa.kind !== "Aggregate") throw new Error("expected aggregate");
    expect(cqa.type).toBe("Retrieval");
    expect(cqa.aggregateOf.length).toBe(12);
    expect(cqa.stats?.test.numQueries).toBe(13145);
    expect(cqa.stats?.test.numDocuments).toBe(457199);
    const ru = getTask("RuToxicOKMLCUPMultilabelClassification");
    expect([ru.type, ru.kind]).toEqual(["Classification", "MultilabelClassification"]);
    const summ = getTask("SummEval");
    const summ2 = getTask("SummEvalSummarization.v2");
    if (summ.kind !== "Summarization" || summ2.kind !== "Summarization")
      throw new Error("expected summarization");
    expect([summ.deprecatedEvaluator, summ2.deprecatedEvaluator]).toEqual([true, false]);
  });

  it("keeps prompts as a string or a per-prompt-type object", () => {
    expect(getTask("ArguAna").prompt).toEqual({
      query: "Given a claim, find documents that refute the claim",
    });
    expect(getTask("MassiveIntentClassification").prompt).toBe(
      "Given a user utterance as query, find the user intents",
    );
    expect(getTask("AFQMC").prompt).toBeNull();
  });

  it("uses main-score names that belong to each kind's typed union", () => {
    const allowed: Record<TaskKind, RegExp> = {
      Retrieval:
        /^((ndcg|map|recall|precision|mrr|hit_rate)_at_\d+|max_over_subqueries_map_at_1000|robustness_at_10|paired_accuracy)$/,
      Reranking:
        /^((ndcg|map|recall|precision|mrr|hit_rate)_at_\d+|max_over_subqueries_map_at_1000|paired_accuracy)$/,
      InstructionRetrieval: /^((ndcg|map|recall)_at_\d+|robustness_at_10)$/,
      Any2AnyRetrieval: /^(ndcg|map|recall)_at_\d+$/,
      InstructionReranking: /^p-MRR$/,
      STS: /^(cosine_spearman|cosine_pearson|spearman|pearson)$/,
      PairClassification: /^max_(ap|accuracy|f1|precision|recall)$/,
      Classification: /^(accuracy|f1)$/,
      MultilabelClassification: /^(accuracy|f1|lrap)$/,
      Clustering: /^(v_measure|ami)$/,
      BitextMining: /^f1$/,
      Summarization: /^cosine_spearman$/,
      Regression: /^kendalltau$/,
      Aggregate: /^(ndcg_at_10|accuracy)$/,
    };
    const counts = new Map<TaskKind, number>();
    for (const t of listTasks()) {
      expect(t.mainScore, t.name).toMatch(allowed[t.kind]);
      counts.set(t.kind, (counts.get(t.kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(counts)).toEqual({
      Any2AnyRetrieval: 1,
      Aggregate: 5,
      BitextMining: 32,
      Classification: 478,
      Clustering: 110,
      InstructionReranking: 5,
      InstructionRetrieval: 8,
      MultilabelClassification: 13,
      PairClassification: 49,
      Regression: 2,
      Reranking: 46,
      Retrieval: 460,
      STS: 50,
      Summarization: 4,
    });
  });
});

describe("unknown names", () => {
  it("throw E_TASK_NOT_FOUND with did-you-mean suggestions", () => {
    const e = thrown(() => getTask("SciFcat"));
    expect(isEmbevalError(e, "E_TASK_NOT_FOUND")).toBe(true);
    if (!isEmbevalError(e)) throw new Error("expected an EmbevalError");
    expect(e.message).toContain('"SciFcat"');
    expect(e.hint).toContain('"SciFact"');
    const lower = thrown(() => getTask("arguana"));
    expect(isEmbevalError(lower) && lower.hint).toContain('"ArguAna"');
    const none = thrown(() => getTask("zzzzzzzzzzzzzzzzzzzzzzzzzzzz"));
    expect(isEmbevalError(none) && none.hint).toContain("embeval list tasks");
  });

  it("getTasks fails on the first unknown name", () => {
    expect(getTasks(["SciFact", "NFCorpus"]).map((t) => t.name)).toEqual(["SciFact", "NFCorpus"]);
    expect(
      isEmbevalError(
        thrown(() => getTasks(["SciFact", "Nope"])),
        "E_TASK_NOT_FOUND",
      ),
    ).toBe(true);
  });
});

describe("listTasks", () => {
  const names = (ts: TaskSpec[]) => ts.map((t) => t.name);

  it("filters by type, language, suite and supersession", () => {
    expect(listTasks({ type: "Summarization" }).length).toBe(4);
    expect(listTasks({ type: ["STS", "Summarization"] }).length).toBe(54);
    const german = listTasks({ type: "STS", language: "deu" });
    expect(names(german)).toContain("GermanSTSBenchmark");
    expect(names(german)).not.toContain("BIOSSES");
    expect(names(listTasks({ type: "STS", language: "deu-Latn" }))).toEqual(names(german));
    expect(listTasks({ suite: "beir" }).length).toBe(15);
    expect(listTasks({ suite: "rteb" }).length).toBe(17);
    const all = listTasks().length;
    const current = listTasks({ includeSuperseded: false }).length;
    expect(all - current).toBe(190);
  });

  it("rejects an unknown suite with suggestions", () => {
    const e = thrown(() => listTasks({ suite: "beri" }));
    expect(isEmbevalError(e, "E_TASK_NOT_FOUND")).toBe(true);
    expect(isEmbevalError(e) && e.hint).toContain('"beir"');
  });
});
