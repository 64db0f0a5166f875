/**
 * Load one (split, hf_subset) of a registered task into typed task data, the way mteb's loaders and the task's
 * declared transforms (tasks/transforms.ts, applied by ./transform.ts) shape it: config per subset, `fast_loading` tasks
 * split by `lang`, `dataset.split` slices.
 */
import type { Label, TaskData } from "../../tasks/data.js";
import { TASK_TRANSFORMS } from "../../tasks/transforms.js";
import type { TaskSpec } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";
import type { Row, Value } from "./files/value.js";
import { loadLongEmbed, usesLongEmbedLoader } from "./load-longembed.js";
import { loadRetrieval } from "./load-retrieval.js";
import { CUSTOM_RETRIEVAL_LOADERS } from "./retrieval-custom.js";
import { applyRetrievalTransform } from "./retrieval-transform.js";
import { columns } from "./rows.js";
import type { DatasetSource } from "./source.js";
import { readSplit } from "./splits.js";
import { parseSplitSlice, sliceRows, subsetConfigName, transformSplit } from "./transform.js";

/** The hf_subsets of a task, checked against a selection (a subset the task lacks is a coded error). */
export function selectSubsets(spec: TaskSpec, wanted?: readonly string[]): string[] {
  const all = Object.keys(spec.hfSubsets);
  if (!wanted) return all;
  const unknown = wanted.filter((s) => !all.includes(s));
  if (unknown.length > 0) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `${spec.name} has no hf_subset ${unknown.join(", ")}`, {
      hint: `its subsets: ${all.slice(0, 20).join(", ")}${all.length > 20 ? ", ..." : ""}`,
    });
  }
  return all.filter((s) => wanted.includes(s));
}

/**
 * Whether a dataset snapshot holds a subset, from its card's config names: single-subset, fast-loading (one config
 * with a `lang` column) and parallel-subset tasks read one config; others need the subset's own config (retrieval:
 * `<subset>-corpus`).
 */
export function subsetAvailable(spec: TaskSpec, configNames: ReadonlySet<string>, subset: string): boolean {
  if (subset === "default" || spec.fastLoading) return true;
  if (spec.kind === "BitextMining" && spec.parallelSubsets) return true;
  if (spec.name === "BelebeleRetrieval") return true; // one default config, one split per language (retrieval-custom.ts)
  if (spec.name === "CUREv1") return configNames.has(`queries-${subset}`);
  const config = subsetConfigName(TASK_TRANSFORMS[spec.name], subset);
  return configNames.has(config) || configNames.has(`${subset}-corpus`);
}

function isMulti(spec: TaskSpec): boolean {
  const subsets = Object.keys(spec.hfSubsets);
  return !(subsets.length === 1 && subsets[0] === "default");
}

/** fast_loading tasks read the one default config once per split and split it by `lang` (as mteb does). */
const fastRows = new WeakMap<DatasetSource, Map<string, Promise<Row[]>>>();

function readFastSplit(source: DatasetSource, config: string | undefined, split: string): Promise<Row[]> {
  let memo = fastRows.get(source);
  if (!memo) {
    memo = new Map();
    fastRows.set(source, memo);
  }
  const key = `${config ?? ""}\u0000${split}`;
  let rows = memo.get(key);
  if (!rows) {
    rows = readSplit(source, { config, split });
    memo.set(key, rows);
    rows.catch(() => memo.delete(key));
  }
  return rows;
}

/** Raw rows of one split of one subset (config per subset, or the fast-loading `lang` split), sliced by `dataset.split`. */
async function rawRows(spec: TaskSpec, source: DatasetSource, split: string, subset: string): Promise<Row[]> {
  const slice = spec.dataset.split === undefined ? undefined : parseSplitSlice(spec.dataset.split);
  const sliced = (rows: Row[]): Row[] => (slice && slice.split === split ? sliceRows(rows, slice) : rows);
  if (!isMulti(spec)) return sliced(await readSplit(source, { config: spec.dataset.name, split }));
  if (spec.fastLoading) {
    const rows = await readFastSplit(source, spec.dataset.name, split);
    const kept = rows.filter((r) => r.lang === subset);
    if (kept.length === 0) {
      throw new EmbevalError(
        "E_DATASET_MISSING",
        `${source.describe}: no rows with lang "${subset}" in split "${split}"`,
      );
    }
    return sliced(kept);
  }
  return sliced(await readSplit(source, { config: subset, split }));
}

/** Rows of one split of one subset after the task's declared load-time transform (tasks/transforms.ts). */
async function subsetRows(
  spec: TaskSpec,
  source: DatasetSource,
  split: string,
  subset: string,
): Promise<Row[]> {
  const transform = TASK_TRANSFORMS[spec.name];
  return transformSplit(transform, {
    split,
    subset,
    evalSplits: spec.evalSplits,
    readRaw: (s) => rawRows(spec, source, s, subsetConfigName(transform, subset)),
    where: `${spec.name} (${source.describe}) ${subset}/${split}`,
  });
}

const labelsOf = (v: unknown[]): Label[] => v.map((x) => (typeof x === "number" ? x : String(x)));

/** Load one (split, subset) of a task. */
export async function loadTaskData(
  spec: TaskSpec,
  source: DatasetSource,
  split: string,
  subset: string,
): Promise<TaskData> {
  selectSubsets(spec, [subset]);
  const where = `${spec.name} (${source.describe}) ${subset}/${split}`;
  const col = columns(where);
  switch (spec.kind) {
    case "Retrieval":
    case "Reranking":
    case "InstructionRetrieval":
    case "InstructionReranking":
    case "Any2AnyRetrieval": {
      if (usesLongEmbedLoader(spec.dataset)) return loadLongEmbed(source, spec.dataset.name, split);
      const custom = CUSTOM_RETRIEVAL_LOADERS[spec.name];
      const data = custom
        ? await custom(source, split, subset)
        : await loadRetrieval(source, split, subset, isMulti(spec));
      return applyRetrievalTransform(data, TASK_TRANSFORMS[spec.name], {
        split,
        evalSplits: spec.evalSplits,
        where: `${spec.name} (${source.describe}) ${subset}/${split}`,
      });
    }
    case "STS": {
      const rows = await subsetRows(spec, source, split, subset);
      const [c1, c2] = spec.columnNames;
      col.require(rows, [c1, c2, "score"]);
      return {
        kind: "sts",
        sentence1: rows.map((r, i) => col.str(r, c1, i)),
        sentence2: rows.map((r, i) => col.str(r, c2, i)),
        scores: rows.map((r, i) => col.num(r, "score", i)),
      };
    }
    case "PairClassification": {
      let rows = await subsetRows(spec, source, split, subset);
      // v1 datasets store one row of lists (mteb unwraps with Dataset.from_dict(row0)).
      if (rows.length === 1 && Array.isArray(rows[0].sentence1)) {
        const r = rows[0];
        const n = (r.sentence1 as unknown[]).length;
        rows = Array.from({ length: n }, (_, i) => ({
          sentence1: (r.sentence1 as Value[])[i],
          sentence2: col.list(r, "sentence2", 0)[i],
          labels: col.list(r, "labels", 0)[i],
        }));
      }
      return {
        kind: "pair",
        sentence1: rows.map((r, i) => col.str(r, "sentence1", i)),
        sentence2: rows.map((r, i) => col.str(r, "sentence2", i)),
        labels: rows.map((r, i) => col.num(r, "labels", i)),
      };
    }
    case "Classification": {
      const rows = await subsetRows(spec, source, split, subset);
      col.require(rows, [spec.inputColumnName, spec.labelColumnName]);
      return {
        kind: "classification",
        texts: rows.map((r, i) => col.str(r, spec.inputColumnName, i)),
        labels: rows.map((r, i) => col.label(r, spec.labelColumnName, i)),
      };
    }
    case "MultilabelClassification": {
      const rows = await subsetRows(spec, source, split, subset);
      return {
        kind: "multilabel",
        texts: rows.map((r, i) => col.str(r, "text", i)),
        labels: rows.map((r, i) => labelsOf(col.list(r, spec.labelColumnName, i))),
      };
    }
    case "Clustering": {
      const rows = await subsetRows(spec, source, split, subset);
      if (spec.variant === "legacy") {
        return {
          kind: "clustering-legacy",
          sets: rows.map((r, i) => ({
            sentences: col.list(r, "sentences", i).map(String),
            labels: labelsOf(col.list(r, "labels", i)),
          })),
        };
      }
      const input = spec.inputColumnName;
      const label = spec.labelColumnName;
      // A v1 layout (one row of lists per cluster set) is flattened, as the tasks' dataset_transform does.
      if (rows.length > 0 && Array.isArray(rows[0][input])) {
        return {
          kind: "clustering-fast",
          sentences: rows.flatMap((r, i) => col.list(r, input, i).map(String)),
          labels: rows.flatMap((r, i) => labelsOf(col.list(r, label, i))),
        };
      }
      return {
        kind: "clustering-fast",
        sentences: rows.map((r, i) => col.str(r, input, i)),
        labels: rows.map((r, i) =>
          Array.isArray(r[label]) ? labelsOf(r[label] as unknown[]) : col.label(r, label, i),
        ),
      };
    }
    case "BitextMining": {
      if (spec.parallelSubsets) {
        // mteb AbsTaskBitextMining(parallel_subsets=True): one dataset per split whose columns are languages; the
        // subset "a-b" pairs column a (sentence1) with column b (sentence2).
        const rows = await readFastSplit(source, spec.dataset.name, split);
        const [c1, c2] = subset.split("-");
        col.require(rows, [c1, c2]);
        return {
          kind: "bitext",
          sentence1: rows.map((r, i) => col.str(r, c1, i)),
          sentence2: rows.map((r, i) => col.str(r, c2, i)),
        };
      }
      const rows = await subsetRows(spec, source, split, subset);
      return {
        kind: "bitext",
        sentence1: rows.map((r, i) => col.str(r, "sentence1", i)),
        sentence2: rows.map((r, i) => col.str(r, "sentence2", i)),
      };
    }
    case "Summarization": {
      const rows = await subsetRows(spec, source, split, subset);
      return {
        kind: "summarization",
        human: rows.map((r, i) => col.list(r, "human_summaries", i).map(String)),
        machine: rows.map((r, i) => col.list(r, "machine_summaries", i).map(String)),
        relevance: rows.map((r, i) => col.list(r, "relevance", i).map(Number)),
      };
    }
    case "Regression":
    case "Aggregate":
      throw new EmbevalError("E_UNSUPPORTED", `${spec.name}: ${spec.kind} tasks have no loader`, {
        hint:
          spec.kind === "Aggregate" ? `evaluate its sub-tasks: ${spec.aggregateOf.join(", ")}` : undefined,
      });
  }
}
