/** Turns a compact registry record into a typed TaskSpec, applying mteb 2.20.0's class defaults (mteb/abstasks/*.py; spec mteb-evaluators.md §4–13). */
import { EmbevalError } from "../../metrics/errors.js";
import type {
  AbsTaskBase,
  JsonValue,
  PromptType,
  SplitStats,
  SubsetStats,
  TaskCommon,
  TaskSpec,
  TaskType,
} from "../types.js";
import { TASK_DEFAULTS as D } from "./defaults.js";
import { LOAD_TIME_ATTRS } from "./overrides.js";
import type { SplitStatsRecord, SubsetStatsRecord, TaskRecord } from "./records.js";
import { deriveSubsetLangs } from "./subset-langs.js";

type Attrs = Readonly<Record<string, JsonValue>>;

function bad(name: string, what: string): never {
  throw new EmbevalError("E_PARSE", `registry entry ${name}: ${what}`, {
    hint: "regenerate the registry: npx tsx scripts/generate-registry.ts",
  });
}

function numAttr(a: Attrs, key: string, fallback: number, task: string): number {
  const v = a[key];
  if (v === undefined) return fallback;
  if (typeof v !== "number") bad(task, `${key} is not a number`);
  return v;
}

function numOrNullAttr(a: Attrs, key: string, fallback: number | null, task: string): number | null {
  const v = a[key];
  if (v === undefined) return fallback;
  if (v !== null && typeof v !== "number") bad(task, `${key} is not a number or null`);
  return v;
}

function boolAttr(a: Attrs, key: string, fallback: boolean, task: string): boolean {
  const v = a[key];
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") bad(task, `${key} is not a boolean`);
  return v;
}

function strAttr(a: Attrs, key: string, fallback: string, task: string): string {
  const v = a[key];
  if (v === undefined) return fallback;
  if (typeof v !== "string") bad(task, `${key} is not a string`);
  return v;
}

function promptTypeAttr(a: Attrs, key: string, task: string): PromptType | null {
  const v = a[key];
  if (v === undefined || v === null) return null;
  if (v !== "query" && v !== "document") bad(task, `${key} is not "query" or "document"`);
  return v;
}

function kValuesAttr(a: Attrs, task: string): readonly number[] {
  const v = a.k_values;
  if (v === undefined) return D.retrieval.kValues;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) bad(task, "k_values is not a number list");
  return v as readonly number[];
}

function columnNamesAttr(a: Attrs, task: string): readonly [string, string] {
  const v = a.column_names;
  if (v === undefined) return D.sts.columnNames;
  if (!Array.isArray(v) || v.length !== 2 || !v.every((x) => typeof x === "string")) {
    bad(task, "column_names is not a pair of strings");
  }
  return [v[0] as string, v[1] as string];
}

function subsetStats(r: SubsetStatsRecord): SubsetStats {
  return {
    numSamples: r.n,
    ...(r.q !== undefined ? { numQueries: r.q } : {}),
    ...(r.d !== undefined ? { numDocuments: r.d } : {}),
    ...(r.c !== undefined ? { numberOfCharacters: r.c } : {}),
  };
}

function splitStats(r: SplitStatsRecord): SplitStats {
  const subsets: Record<string, SubsetStats> | undefined = r.subsets
    ? Object.fromEntries(Object.entries(r.subsets).map(([k, v]) => [k, subsetStats(v)]))
    : undefined;
  return {
    ...subsetStats(r),
    ...(r.rel !== undefined ? { numRelevantDocs: r.rel } : {}),
    ...(r.top !== undefined ? { numTopRanked: r.top } : {}),
    ...(r.labels !== undefined ? { uniqueLabels: r.labels } : {}),
    ...(subsets ? { subsets } : {}),
  };
}

/** hf_subset → languages, in evaluation order, rebuilt from the compact record. */
export function hfSubsetsOf(r: TaskRecord): Record<string, readonly string[]> {
  const out: Record<string, readonly string[]> = {};
  for (const key of r.subsets ?? ["default"]) {
    const langs = r.subsetLangs?.[key] ?? deriveSubsetLangs(key, r.languages);
    if (langs === null) bad(r.name, `no languages for subset ${key}`);
    out[key] = langs;
  }
  return out;
}

function common(r: TaskRecord): TaskCommon {
  const attrs: Attrs = r.attrs ?? {};
  return {
    name: r.name,
    type: r.type as TaskType,
    abstask: r.abstask as AbsTaskBase,
    taskClass: r.taskClass,
    dataset: r.dataset,
    evalSplits: r.evalSplits,
    hfSubsets: hfSubsetsOf(r),
    languages: r.languages,
    isMultilingual: r.isMultilingual,
    category: r.category === "t2c" ? "t2c" : "t2t",
    modalities: r.modalities,
    domains: r.domains ?? [],
    license: r.license,
    reference: r.reference,
    supersededBy: r.supersededBy ?? null,
    adaptedFrom: r.adaptedFrom ?? [],
    prompt: r.prompt ?? null,
    fastLoading: boolAttr(attrs, "fast_loading", false, r.name),
    classAttrs: attrs,
    sourceFile: r.sourceFile,
    benchmarks: r.benchmarks ?? [],
    stats: r.stats ? Object.fromEntries(Object.entries(r.stats).map(([k, v]) => [k, splitStats(v)])) : null,
  };
}

const RETRIEVAL_KINDS = new Set(["Retrieval", "Reranking", "InstructionRetrieval", "Any2AnyRetrieval"]);

/** Builds the typed spec of one record; the evaluator kind follows the abstask base (see `TaskKind`). */
export function decodeTask(r: TaskRecord): TaskSpec {
  const c = common(r);
  // Typed flags follow the class attributes plus what dataset_transform sets at load time.
  const a: Attrs = { ...c.classAttrs, ...LOAD_TIME_ATTRS[r.name] };
  const n = r.name;
  // Main-score names are checked against each kind's union by test/tasks/registry.test.ts.
  const ms = r.mainScore as never;
  switch (r.abstask) {
    case "AbsTaskAggregate":
      return {
        ...c,
        kind: "Aggregate",
        mainScore: ms,
        aggregateOf: r.aggregateOf ?? bad(n, "no aggregate_of"),
      };
    case "AbsTaskRetrieval": {
      const kValues = kValuesAttr(a, n);
      const flags = {
        kValues,
        topK: Math.max(...kValues),
        ignoreIdenticalIds: boolAttr(a, "ignore_identical_ids", D.retrieval.ignoreIdenticalIds, n),
        skipFirstResult: boolAttr(a, "skip_first_result", D.retrieval.skipFirstResult, n),
      };
      if (r.type === "InstructionReranking") {
        return { ...c, ...flags, kind: "InstructionReranking", mainScore: ms };
      }
      if (!RETRIEVAL_KINDS.has(r.type)) bad(n, `type ${r.type} on AbsTaskRetrieval`);
      return { ...c, ...flags, kind: r.type as "Retrieval", mainScore: ms };
    }
    case "AbsTaskSTS":
      return {
        ...c,
        kind: "STS",
        mainScore: ms,
        minScore: numAttr(a, "min_score", D.sts.minScore, n),
        maxScore: numAttr(a, "max_score", D.sts.maxScore, n),
        columnNames: columnNamesAttr(a, n),
        input1PromptType: promptTypeAttr(a, "input1_prompt_type", n),
        input2PromptType: promptTypeAttr(a, "input2_prompt_type", n),
      };
    case "AbsTaskPairClassification":
      return {
        ...c,
        kind: "PairClassification",
        mainScore: ms,
        input1PromptType: promptTypeAttr(a, "input1_prompt_type", n),
        input2PromptType: promptTypeAttr(a, "input2_prompt_type", n),
      };
    case "AbsTaskClassification": {
      const C = D.classification;
      return {
        ...c,
        kind: "Classification",
        mainScore: ms,
        samplesPerLabel: numAttr(a, "samples_per_label", C.samplesPerLabel, n),
        nExperiments: numAttr(a, "n_experiments", C.nExperiments, n),
        trainSplit: strAttr(a, "train_split", C.trainSplit, n),
        labelColumnName: strAttr(a, "label_column_name", C.labelColumnName, n),
        inputColumnName: strAttr(a, "input_column_name", C.inputColumnName, n),
        isCrossValidation: boolAttr(a, "is_cross_validation", C.isCrossValidation, n),
        nSplits: numAttr(a, "n_splits", C.nSplits, n),
        numSamples: numOrNullAttr(a, "num_samples", null, n),
      };
    }
    case "AbsTaskMultilabelClassification": {
      const M = D.multilabel;
      return {
        ...c,
        kind: "MultilabelClassification",
        mainScore: ms,
        samplesPerLabel: numAttr(a, "samples_per_label", M.samplesPerLabel, n),
        nExperiments: numAttr(a, "n_experiments", M.nExperiments, n),
        nNeighbors: M.nNeighbors,
        trainSplit: strAttr(a, "train_split", M.trainSplit, n),
        labelColumnName: strAttr(a, "label_column_name", M.labelColumnName, n),
      };
    }
    case "AbsTaskClustering": {
      const F = D.clusteringFast;
      return {
        ...c,
        kind: "Clustering",
        variant: "fast",
        mainScore: ms,
        maxFractionOfDocumentsToEmbed: numOrNullAttr(
          a,
          "max_fraction_of_documents_to_embed",
          F.maxFractionOfDocumentsToEmbed,
          n,
        ),
        maxDocumentToEmbed: numOrNullAttr(a, "max_document_to_embed", F.maxDocumentToEmbed, n),
        maxDocumentsPerCluster: numAttr(a, "max_documents_per_cluster", F.maxDocumentsPerCluster, n),
        nClusters: numAttr(a, "n_clusters", F.nClusters, n),
        kMeansBatchSize: numAttr(a, "k_mean_batch_size", F.kMeansBatchSize, n),
        maxDepth: numOrNullAttr(a, "max_depth", F.maxDepth, n),
        inputColumnName: strAttr(a, "input_column_name", F.inputColumnName, n),
        labelColumnName: strAttr(a, "label_column_name", F.labelColumnName, n),
      };
    }
    case "AbsTaskClusteringLegacy":
      return {
        ...c,
        kind: "Clustering",
        variant: "legacy",
        mainScore: ms,
        kMeansBatchSize: D.clusteringLegacy.kMeansBatchSize,
      };
    case "AbsTaskBitextMining":
      return {
        ...c,
        kind: "BitextMining",
        mainScore: ms,
        parallelSubsets: boolAttr(a, "parallel_subsets", D.bitextMining.parallelSubsets, n),
      };
    case "AbsTaskSummarization":
      return {
        ...c,
        kind: "Summarization",
        mainScore: ms,
        minScore: numAttr(a, "min_score", D.summarization.minScore, n),
        maxScore: numAttr(a, "max_score", D.summarization.maxScore, n),
        deprecatedEvaluator: n === "SummEval" || n === "SummEvalFr",
      };
    case "AbsTaskRegression":
      return { ...c, kind: "Regression", mainScore: ms };
    default:
      return bad(n, `unknown abstask base ${r.abstask}`);
  }
}
