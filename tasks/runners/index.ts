/** One runner per task kind; `runnerFor(spec)` picks it (switch on the TaskSpec discriminant). */
import { EmbevalError } from "../../metrics/errors.js";
import type { TaskData } from "../data.js";
import type { RunContext, ScoreDict } from "../runner.js";
import type { TaskSpec } from "../types.js";
import { runClassification, runMultilabel } from "./classification.js";
import { runClustering } from "./clustering.js";
import { runBitext, runPairClassification, runSts, runSummarization } from "./pairwise.js";
import { runRetrieval } from "./retrieval.js";

/** A runner: one (split, subset)'s data and the context in, mteb's score dict out. */
export type Runner = (data: TaskData, ctx: RunContext) => Promise<ScoreDict>;

/** The runner of a task, or a coded error for kinds embeval cannot score yet. */
export function runnerFor(spec: TaskSpec): Runner {
  switch (spec.kind) {
    case "Retrieval":
    case "Reranking":
    case "InstructionRetrieval":
    case "InstructionReranking":
      return runRetrieval;
    case "STS":
      return runSts;
    case "PairClassification":
      return runPairClassification;
    case "Classification":
      return runClassification;
    case "MultilabelClassification":
      return runMultilabel;
    case "Clustering":
      return runClustering;
    case "BitextMining":
      return runBitext;
    case "Summarization":
      return runSummarization;
    case "Any2AnyRetrieval":
    case "Regression":
    case "Aggregate":
      throw new EmbevalError("E_UNSUPPORTED", `${spec.name}: ${spec.kind} tasks cannot be run yet`, {
        hint:
          spec.kind === "Aggregate"
            ? `run its sub-tasks (${spec.aggregateOf.join(", ")}); reports can rebuild the aggregate`
            : "see the open issues for the plan",
      });
  }
}
