/** Load-time transforms and audit of the retrieval-family tasks (Retrieval, Reranking, Instruction*) of the five benchmarks. */
import type { TaskTransform } from "./types.js";

/** Ported transforms of retrieval-family tasks, by task name (each citing its mteb source). */
export const RETRIEVAL_TRANSFORMS: Readonly<Record<string, TaskTransform>> = {};

/** Retrieval-family sources read at the registry's dataset revision: no row-changing transform. */
export const RETRIEVAL_NO_TRANSFORM: readonly string[] = [];

const UNAUDITED =
  "retrieval-family source not audited yet (retrieval loaders rarely transform; any dataset_transform is not applied)";

/** Retrieval-family task → why its transform is not applied. */
export const RETRIEVAL_NOT_YET_PORTED: Readonly<Record<string, string>> = Object.fromEntries(
  [
    "AILACasedocs",
    "AILAStatutes",
    "AlloprofReranking",
    "AppsRetrieval",
    "ArguAna",
    "AskUbuntuDupQuestions",
    "BelebeleRetrieval",
    "CQADupstackGamingRetrieval",
    "CQADupstackRetrieval",
    "CQADupstackUnixRetrieval",
    "CUREv1",
    "ChatDoctorRetrieval",
    "ClimateFEVER",
    "ClimateFEVERHardNegatives",
    "Core17InstructionRetrieval",
    "CovidRetrieval",
    "DBPedia",
    "DS1000Retrieval",
    "FEVER",
    "FEVERHardNegatives",
    "FiQA2018",
    "FinQARetrieval",
    "FinanceBenchRetrieval",
    "FreshStackRetrieval",
    "HC3FinanceRetrieval",
    "HagridRetrieval",
    "HotpotQA",
    "HotpotQAHardNegatives",
    "HumanEvalRetrieval",
    "LEMBNarrativeQARetrieval",
    "LEMBNeedleRetrieval",
    "LEMBPasskeyRetrieval",
    "LEMBQMSumRetrieval",
    "LEMBSummScreenFDRetrieval",
    "LEMBWikimQARetrieval",
    "LegalBenchCorporateLobbying",
    "LegalQuAD",
    "LegalSummarization",
    "MBPPRetrieval",
    "MIRACLRetrievalHardNegatives",
    "MLQARetrieval",
    "MSMARCO",
    "MindSmallReranking",
    "NFCorpus",
    "NQ",
    "News21InstructionRetrieval",
    "QuoraRetrieval",
    "Robust04InstructionRetrieval",
    "RuBQReranking",
    "SCIDOCS",
    "SWEbenchCodeRetrieval",
    "SciFact",
    "SpartQA",
    "StackOverflowQA",
    "StatcanDialogueDatasetRetrieval",
    "T2Reranking",
    "TRECCOVID",
    "TempReasonL1",
    "Touche2020",
    "Touche2020Retrieval.v3",
    "TwitterHjerneRetrieval",
    "VoyageMMarcoReranking",
    "WebLINXCandidatesReranking",
    "WikiSQLRetrieval",
    "WikipediaRerankingMultilingual",
    "WikipediaRetrievalMultilingual",
    "WinoGrande",
  ].map((name) => [name, UNAUDITED]),
);
