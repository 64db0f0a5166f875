/**
 * embeval's value of each printed cell of the jina-embeddings-v5-text paper's tables, from mteb results trees:
 * Tables 2/3 = MTEB(Multilingual, v2) / MTEB(eng, v2) summaries, Table 4 = the cross-benchmark retrieval table,
 * A2–A19 = per-task scores (mteb leaderboard aggregation, src/results/aggregate.ts), ×100.
 */
import type { BenchmarkAggregate, ModelAggregate } from "../results/aggregate.js";
import type { ResultTree } from "../results/tree.js";
import type { PaperCell, PaperLegend } from "./check-against-paper.js";
import {
  type CrossAggregates,
  type CrossBenchKey,
  crossAggregates,
  RETRIEVAL_COLUMNS,
  type RetrievalColumn,
  retrievalRow,
} from "./retrieval-table.js";

/** embeval's value of one cell (×100) and what it lacks. */
export interface CellValue {
  readonly value: number | null;
  /** Tasks whose score is absent (named in the `missing public result` label). */
  readonly missing: readonly string[];
  /** The value with AmazonCounterfactual/MassiveIntent averaged over all subsets and splits (Table 3, A6). */
  readonly allSubsets?: number | null;
  /** How embeval computed the cell when the paper does not say (shown with a mismatch). */
  readonly note?: string;
}

/** Tasks the v5 rows of the paper's Table 3 average over all subsets/splits (MTEB(eng, v2) uses en/test only). */
export const ALL_SUBSET_TASKS = [
  "AmazonCounterfactualClassification",
  "MassiveIntentClassification",
] as const;

type BenchKey = CrossBenchKey;

/** The aggregates a check needs, computed once per tree (the five benchmarks of the retrieval table). */
export type CheckAggregates = CrossAggregates;

/** Aggregates the five benchmarks (BEIR with CQADupstackRetrieval rebuilt from its 12 sub-tasks). */
export const checkAggregates: (tree: ResultTree) => CheckAggregates = crossAggregates;

function meanOf(tasks: readonly string[], scores: Readonly<Record<string, number | null>>): CellValue {
  const missing = tasks.filter((t) => typeof scores[t] !== "number");
  if (tasks.length === 0 || missing.length > 0) return { value: null, missing };
  let s = 0;
  for (const t of tasks) s += scores[t] as number;
  return { value: (s / tasks.length) * 100, missing };
}

function modelIn(agg: BenchmarkAggregate, model: string): ModelAggregate | undefined {
  return agg.models.find((m) => m.model === model);
}

/** Task scores of a model with ALL_SUBSET_TASKS replaced by their flat mean over every stored (split, subset). */
export function allSubsetScores(tree: ResultTree, m: ModelAggregate): Record<string, number | null> {
  const out: Record<string, number | null> = { ...m.tasks };
  const model = tree.models.find((x) => x.model === m.model);
  for (const t of ALL_SUBSET_TASKS) {
    if (!(t in out)) continue;
    const scores = model?.tasks.get(t)?.result.scores ?? {};
    const vals = Object.values(scores)
      .flat()
      .map((e) => e.main_score)
      .filter((v): v is number => typeof v === "number");
    out[t] = vals.length === 0 ? null : vals.reduce((a, b) => a + b, 0) / vals.length;
  }
  return out;
}

/** Summary cell (Avg Tasks, Avg Type or a type) from task scores. */
function summaryCell(
  agg: BenchmarkAggregate,
  scores: Readonly<Record<string, number | null>>,
  column: string,
  legend: PaperLegend,
): CellValue | null {
  const names = agg.tasks.map((t) => t.name);
  const ofType = (type: string) => agg.tasks.filter((t) => t.type === type).map((t) => t.name);
  if (column === "Avg Tasks") return meanOf(names, scores);
  if (column === "Avg Type") {
    const per = agg.types.map((type) => meanOf(ofType(type), scores));
    const missing = per.flatMap((p) => p.missing);
    if (missing.length > 0) return { value: null, missing };
    return { value: per.reduce((a, p) => a + (p.value as number), 0) / per.length, missing };
  }
  const type = legend.typeColumns[column];
  if (type === undefined || !agg.types.includes(type)) return null;
  return meanOf(ofType(type), scores);
}

function withAlt(cell: CellValue | null, alt: CellValue | null): CellValue | null {
  if (cell === null) return null;
  return alt && alt.value !== cell.value ? { ...cell, allSubsets: alt.value } : cell;
}

const TABLE4_COLUMNS: readonly string[] = RETRIEVAL_COLUMNS.map((c) => c.key);

/** Table 4: the cross-benchmark retrieval table (retrieval-table.ts), ×100. */
function table4(aggs: CheckAggregates, model: string, column: string): CellValue | null {
  if (column !== "Avg Tasks" && !TABLE4_COLUMNS.includes(column)) return null;
  const row = retrievalRow(aggs, model);
  const cell = column === "Avg Tasks" ? row.avg : row.cells[column as RetrievalColumn];
  const value = cell.value === null ? null : cell.value * 100;
  if (column !== "Avg Tasks" || value === null) return { value, missing: cell.missing };
  return {
    value,
    missing: cell.missing,
    note: "embeval takes the mean of the five columns (the paper's recipe is not stated)",
  };
}

const SUMMARY: Readonly<Record<string, BenchKey>> = { "2": "mmteb", "3": "eng" };
const APPENDIX_BENCH: Readonly<Record<string, BenchKey>> = {
  "MTEB(eng, v2)": "eng",
  "MTEB(Multilingual, v2)": "mmteb",
  BEIR: "beir",
  LongEmbed: "long",
  "RTEB(beta) public": "rteb",
};

/**
 * embeval's value for a cell of `model`; null when embeval does not know the table or column.
 * A model absent from the trees gets value null with no missing tasks named.
 */
export function cellValue(
  tree: ResultTree,
  aggs: CheckAggregates,
  legend: PaperLegend,
  cell: PaperCell,
  model: string,
): CellValue | null {
  const present = tree.models.some((m) => m.model === model);
  if (!present) return { value: null, missing: [] };
  if (cell.table === "4") return table4(aggs, model, cell.column);
  const sk = SUMMARY[cell.table];
  if (sk) {
    const m = modelIn(aggs[sk], model);
    if (!m) return { value: null, missing: aggs[sk].tasks.map((t) => t.name) };
    const alt = sk === "eng" ? summaryCell(aggs[sk], allSubsetScores(tree, m), cell.column, legend) : null;
    return withAlt(summaryCell(aggs[sk], m.tasks, cell.column, legend), alt);
  }
  const t = legend.appendix[cell.table];
  const bk = t ? APPENDIX_BENCH[t.benchmark] : undefined;
  if (!t || !bk) return null;
  const m = modelIn(aggs[bk], model);
  const scores = m?.tasks ?? {};
  const task = t.columns[cell.column];
  const tasks = task !== undefined ? [task] : /^avg\.?$/i.test(cell.column) ? Object.values(t.columns) : null;
  if (tasks === null) return null;
  const alt = bk === "eng" && m ? meanOf(tasks, allSubsetScores(tree, m)) : null;
  return withAlt(meanOf(tasks, scores), alt);
}
