/**
 * Load-time transforms and audit of the retrieval-family tasks (Retrieval, Reranking, Instruction*) of the five
 * benchmarks. Each source was read in embeddings-benchmark/mteb at a version whose dataset path and revision equal the
 * registry's (commit prefixes in the comments); `AbsTaskRetrieval.load_data` + `RetrievalDatasetLoader` is the default
 * and is what src/data/load-retrieval.ts reproduces, so only overrides (`load_data`, `dataset_transform`) matter here.
 */
import type { TaskTransform } from "./types.js";

/**
 * RTEB v1-style `load_data` override (read at 05b1b43 / 2fc7d10 / e35434f): corpus, queries and qrels are read from
 * the configs the generic loader reads (corpus/queries/default, split test), but every document becomes
 * `{"title": "", "text": text}`: a corpus `title` column is ignored. Queries without qrels are dropped by mteb before
 * scoring (`_filter_queries_without_positives`), as the generic loader does at load time.
 */
const rteb = (file: string, cls: string): TaskTransform => ({
  source: `mteb/tasks/retrieval/${file} ${cls}`,
  steps: [{ kind: "removeColumns", columns: ["title"] }],
});

/** Ported transforms of retrieval-family tasks, by task name (row steps applied by src/data/retrieval-transform.ts). */
export const RETRIEVAL_TRANSFORMS: Readonly<Record<string, TaskTransform>> = {
  ChatDoctorRetrieval: rteb("eng/chat_doctor_retrieval.py", "ChatDoctorRetrieval"),
  DS1000Retrieval: rteb("code/ds1000_retrieval.py", "DS1000Retrieval"),
  FinQARetrieval: rteb("eng/fin_qa_retrieval.py", "FinQARetrieval"),
  FinanceBenchRetrieval: rteb("eng/finance_bench_retrieval.py", "FinanceBenchRetrieval"),
  FreshStackRetrieval: rteb("code/fresh_stack_retrieval.py", "FreshStackRetrieval"),
  HC3FinanceRetrieval: rteb("eng/hc3_finance_retrieval.py", "HC3FinanceRetrieval"),
  HumanEvalRetrieval: rteb("code/human_eval_retrieval.py", "HumanEvalRetrieval"),
  MBPPRetrieval: rteb("code/mbpp_retrieval.py", "MBPPRetrieval"),
  WikiSQLRetrieval: rteb("code/wiki_sql_retrieval.py", "WikiSQLRetrieval"),
};

/**
 * Retrieval-family tasks whose source overrides `load_data` with a layout that a dedicated loader reproduces (wired in
 * src/data/load-task.ts), so no row steps are needed: task → what the source does.
 */
export const RETRIEVAL_LOADER_LAYOUTS: Readonly<Record<string, string>> = {
  LEMBNarrativeQARetrieval:
    "05b1b43: dwzhu/LongEmbed config narrativeqa, split test (src/data/load-longembed.ts)",
  LEMBQMSumRetrieval: "05b1b43: dwzhu/LongEmbed config qmsum, split test (src/data/load-longembed.ts)",
  LEMBSummScreenFDRetrieval: "25cea64: config summ_screen_fd, split validation (src/data/load-longembed.ts)",
  LEMBWikimQARetrieval: "8a30d12: config 2wikimqa, split test, titles '' (src/data/load-longembed.ts)",
  BelebeleRetrieval:
    "2bea8dc at mteb/belebele@979a211: retrieval built from the MRC rows, subset a-b = passages of split a (unique link -> C<i>) and questions of split b (unique question text -> Q<i>) (src/data/retrieval-custom.ts)",
  CUREv1:
    "8a30d12: configs corpus and qrels shared by the subsets, queries-<subset> per language, each read at the eval split (src/data/retrieval-custom.ts)",
  LEMBNeedleRetrieval:
    "462e9ae: config needle; test_N keeps queries/corpus/qrels rows with context_length == N (src/data/load-longembed.ts)",
  MindSmallReranking:
    "9308c67 at mteb/MindSmallReranking@227478e: v1 rows (query list, positive, negative) of the default config; row i with positives and negatives gives sub-queries <split>_query<i>_<j>, docs deduplicated by text (first id wins: apositive_/negative_<md5 hex>_<list index, 5 digits>), qrels positive 1 / negative 0, top_ranked = positives then negatives; max_over_subqueries regroups by <split>_query<i>. A snapshot with corpus/queries/qrels/top_ranked configs is read generically, as the other stored source version c78a1e9 (no override; which of the two mteb 2.20.0 ships is not established) does (src/data/retrieval-custom.ts -> retrieval-mind.ts)",
};

/** Retrieval-family sources read at the registry's dataset revision: no row-changing transform. */
const PLAIN: readonly string[] = [
  // BEIR / MTEB(eng) sources: metadata only (some set ignore_identical_ids, an evaluation flag in the registry attrs)
  "ArguAna", // 2.x source with ignore_identical_ids
  "ClimateFEVER", // 19ad4c6
  "ClimateFEVERHardNegatives", // 19ad4c6
  "CQADupstackGamingRetrieval", // b095c40
  "CQADupstackUnixRetrieval", // e542519
  // 9308c67: AbsTaskAggregate of the 12 CQADupstack*Retrieval tasks, no data of its own; the 10 sub-tasks outside the
  // benchmarks (Android 4422dd6, English b095c40, Gis 34e4f03, Mathematica/Physics/Programmers/Wordpress 462e9ae,
  // Stats b095c40, Tex ce976b0, Webmasters 5d0445c) were read at their registry path+revision too: no transform
  "CQADupstackRetrieval",
  "DBPedia", // 01dd3d3
  "FEVER", // 19ad4c6
  "FEVERHardNegatives", // 19ad4c6
  "FiQA2018", // 462e9ae
  "HotpotQA", // 01dd3d3
  "HotpotQAHardNegatives", // 01dd3d3
  "MSMARCO", // 9db44df
  "NFCorpus", // b095c40
  "NQ", // 31ab60f
  "QuoraRetrieval", // 01dd3d3
  "SCIDOCS", // 9beb26d
  "SciFact", // 5828e62; the cached dataset loads to the registry's 300 queries / 5183 docs
  "TRECCOVID", // b1f55e9
  "Touche2020", // 161cefc
  "Touche2020Retrieval.v3", // 161cefc
  // other English / code / legal / reasoning sources
  "AILACasedocs", // b095c40
  "AILAStatutes", // 32c5699
  "AppsRetrieval", // aed0cbb
  "HagridRetrieval", // 15d60a9
  "LEMBPasskeyRetrieval", // a05510e: re-uploaded mteb/LEMBPasskeyRetrieval, generic loader (unlike the other LEMB tasks)
  "LegalBenchCorporateLobbying", // 462e9ae
  "LegalQuAD", // b095c40
  "LegalSummarization", // 91aad74
  "SpartQA", // 2d268f5
  "StackOverflowQA", // 462e9ae
  "SWEbenchCodeRetrieval", // 0684bb1: no load_data override, unlike the other embedding-benchmark/* tasks
  "TempReasonL1", // b04b46e
  "WinoGrande", // fe43f73
  // multilingual and non-English sources
  "CovidRetrieval", // 2ede697
  "MIRACLRetrievalHardNegatives", // b095c40
  "MLQARetrieval", // a source at 5bef8b6 (the older 3428156 one had no override either)
  "StatcanDialogueDatasetRetrieval", // source at mteb/...@6f9747b; the older McGill-NLP one had a custom load_data
  "TwitterHjerneRetrieval", // source at mteb/...@97ad556; the older sorenmulli one built the corpus in dataset_transform
  "WikipediaRetrievalMultilingual", // source at 5f6c91d (file path not indexed; found by revision)
  // reranking: every one is AbsTaskRetrieval over a top_ranked config, read by the generic loader
  "AlloprofReranking", // 462e9ae
  "AskUbuntuDupQuestions", // b095c40
  "RuBQReranking", // c07c289
  "T2Reranking", // 377f1b4
  "VoyageMMarcoReranking", // 14395dc
  "WebLINXCandidatesReranking", // source at mteb/...@107fdc2 (path not indexed; found by revision)
  "WikipediaRerankingMultilingual", // source at 803771c (path not indexed; found by revision)
  // instruction reranking: task_specific_scores reads the qrel_diff config, which load-retrieval.ts reads as `changed`
  "Core17InstructionRetrieval", // 0ec577c
  "News21InstructionRetrieval", // a88ef4c
  // stored source older than the registry's dataset (jhu-clsp/robust04-instructions-mteb), same shape as Core17/News21,
  // without a transform
  "Robust04InstructionRetrieval",
];

/**
 * Sources without row steps to apply: plain ones and the loader layouts (LongEmbed's v1 `load_data`: splits queries
 * (qid, text) / corpus (doc_id, text) / qrels (qid, doc_id) of one config, qrels `{qid: {doc_id: 1}}` keeping the last
 * row of each qid).
 */
export const RETRIEVAL_NO_TRANSFORM: readonly string[] = [...PLAIN, ...Object.keys(RETRIEVAL_LOADER_LAYOUTS)];

/** Retrieval-family task → why its transform is not applied (none left: MindSmallReranking's loader was the last). */
export const RETRIEVAL_NOT_YET_PORTED: Readonly<Record<string, string>> = {};
