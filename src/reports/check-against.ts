/**
 * `embeval report --check-against`: every printed cell of a paper's tables (jina-embeddings-v5-text, ../shared/paper)
 * vs embeval's value from mteb results trees, each mismatch labelled (issue 9 §2): rounding, dagger (†
 * self-evaluated), missing public result, task set differs, value differs.
 */
import { pyRound } from "../../metrics/numeric.js";
import type { ResultTree } from "../results/tree.js";
import { type CellValue, cellValue, checkAggregates } from "./check-against-compute.js";
import type { PaperCell, PaperLegend, RowModels } from "./check-against-paper.js";

/** A cell's status: `match` or one mismatch label. */
export type CheckStatus =
  | "match"
  | "rounding"
  | "dagger"
  | "missing public result"
  | "task set differs"
  | "value differs";

/** Every status, in the summary's order. */
export const CHECK_STATUSES: readonly CheckStatus[] = [
  "match",
  "rounding",
  "dagger",
  "missing public result",
  "task set differs",
  "value differs",
];

/** One checked cell. */
export interface CheckRow {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  readonly printed: string;
  readonly paper: number | null;
  readonly model: string | null;
  /** embeval's value ×100, unrounded (null when it cannot be computed). */
  readonly embeval: number | null;
  /** embeval − paper (null when either is missing). */
  readonly delta: number | null;
  readonly status: CheckStatus;
  /** Why: the missing tasks, the rounding path, the recomputation that reproduces the cell, ... */
  readonly detail: string;
}

/** The whole check: one row per CSV row, and the count of each status. */
export interface CheckReport {
  readonly rows: readonly CheckRow[];
  readonly counts: Readonly<Record<CheckStatus, number>>;
}

const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) < EPS;

/** Equal when rounded like the paper (Python's round to the printed number of decimals). */
export function roundsTo(value: number, printed: number, decimals: number): boolean {
  return same(pyRound(value, decimals), printed);
}

/** Decimal round-half-up (the paper's rounding: ties such as 77.25 → 77.3, which Python's round gives as 77.2). */
export function roundHalfUp(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return (Math.sign(value) * Math.floor(Math.abs(value) * f + 0.5 + 1e-7)) / f;
}

/** How `value` reaches `printed` by the paper's rounding other than Python's round: half-up, or double rounding. */
export function roundingPath(value: number, printed: number, decimals: number): string | null {
  if (same(roundHalfUp(value, decimals), printed)) return "round half up";
  for (let k = 1; k <= 3; k++) {
    const r = roundHalfUp(roundHalfUp(value, decimals + k), decimals);
    if (same(r, printed)) return `double rounding (half up to ${decimals + k}, then ${decimals} decimals)`;
  }
  return null;
}

function fmt(x: number): string {
  return x.toFixed(4).replace(/0+$/, "").replace(/\.$/, "");
}

/** Rows of the same table and column whose printed value embeval's value rounds to (swapped rows, typos). */
function otherRowsMatching(cell: PaperCell, v: number, all: readonly PaperCell[]): string[] {
  return all
    .filter(
      (c) => c.table === cell.table && c.column === cell.column && c.row !== cell.row && c.value !== null,
    )
    .filter((c) => roundsTo(v, c.value as number, c.decimals))
    .map((c) => c.row);
}

function classify(
  cell: PaperCell,
  model: string | null,
  cv: CellValue | null,
  all: readonly PaperCell[],
): Omit<CheckRow, "table" | "row" | "column" | "printed" | "paper" | "model"> {
  const v = cv?.value ?? null;
  const p = cell.value;
  const delta = v !== null && p !== null ? v - p : null;
  const base = { embeval: v, delta };
  if (model === null)
    return { ...base, status: "missing public result", detail: `row "${cell.row}" has no public model` };
  if (cv === null) return { ...base, status: "value differs", detail: "embeval cannot compute this column" };
  if (p === null)
    return { ...base, status: "value differs", detail: `no number in the printed cell "${cell.printed}"` };
  if (v !== null && roundsTo(v, p, cell.decimals)) return { ...base, status: "match", detail: "" };
  if (cell.dagger) {
    const why = v === null ? "no public result" : `public result gives ${fmt(v)}`;
    return { ...base, status: "dagger", detail: `† self-evaluated by the paper; ${why}` };
  }
  if (v === null) {
    const detail =
      cv.missing.length === 0
        ? `no results for ${model} in the trees`
        : `result absent: ${cv.missing.slice(0, 6).join(", ")}${cv.missing.length > 6 ? ", ..." : ""}`;
    return { ...base, status: "missing public result", detail };
  }
  const path = roundingPath(v, p, cell.decimals);
  if (path) return { ...base, status: "rounding", detail: path };
  const alt = cv.allSubsets;
  if (typeof alt === "number" && (roundsTo(alt, p, cell.decimals) || roundingPath(alt, p, cell.decimals))) {
    return {
      ...base,
      status: "task set differs",
      detail: `AmazonCounterfactual/MassiveIntent averaged over all subsets and splits gives ${fmt(alt)} (MTEB(eng, v2) uses en/test only)`,
    };
  }
  const others = otherRowsMatching(cell, v, all);
  const how = cv.note ? `; ${cv.note}` : "";
  const note =
    others.length > 0 ? `; embeval's value is printed in row(s) ${others.join(", ")} (swapped rows?)` : "";
  return {
    ...base,
    status: "value differs",
    detail: `delta ${delta !== null ? fmt(delta) : "?"}${how}${note}`,
  };
}

/** Checks every cell of the paper against the results tree. */
export function checkAgainst(
  tree: ResultTree,
  cells: readonly PaperCell[],
  legend: PaperLegend,
  rowModels: RowModels,
): CheckReport {
  const aggs = checkAggregates(tree);
  const rows: CheckRow[] = cells.map((cell) => {
    const model = rowModels[cell.row] ?? null;
    const cv = model === null ? null : cellValue(tree, aggs, legend, cell, model);
    return {
      table: cell.table,
      row: cell.row,
      column: cell.column,
      printed: cell.printed,
      paper: cell.value,
      model,
      ...classify(cell, model, cv, cells),
    };
  });
  const counts = Object.fromEntries(CHECK_STATUSES.map((s) => [s, 0])) as Record<CheckStatus, number>;
  for (const r of rows) counts[r.status]++;
  return { rows, counts };
}

/** `N cells: M match, a rounding, ...`. */
export function checkSummaryLine(report: CheckReport): string {
  const parts = CHECK_STATUSES.map((s) => `${report.counts[s]} ${s}`);
  return `${report.rows.length} cells: ${parts.join(", ")}`;
}
