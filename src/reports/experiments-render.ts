/** Markdown, JSON and HTML sections of the dims × quantization tables (experiments.ts) and their curves. */
import type { ExperimentRow, ExperimentTable } from "./experiments.js";
import { rowLabel } from "./experiments.js";
import { type Cell, num, table } from "./html-page.js";
import { formatScore } from "./markdown.js";
import { esc } from "./svg/escape.js";
import { quantCurvesSvg, type Series } from "./svg/quant-curves.js";

/** A delta in points with its sign and 2 decimals; blank when missing. */
export function formatDelta(d: number | null): string {
  if (d === null) return "";
  const r = d.toFixed(2);
  return d >= 0 && !r.startsWith("-") ? `+${r}` : r;
}

const quantLabel = (r: ExperimentRow): string =>
  `${r.kind.quantization ?? "float32"}${r.kind.renormalize ? ", renorm" : ""}`;

/** The sentence saying which tasks the means average and which were left out. */
export function taskNote(t: ExperimentTable): string {
  const retrieval = t.retrievalTasks.length
    ? `${t.retrievalTasks.length} of them Retrieval`
    : "none of them Retrieval (no retrieval mean)";
  const left = t.leftOut.length
    ? ` Left out (not scored in every compared result): ${t.leftOut
        .map((l) => `${l.task} (missing in ${l.missingIn.join(", ")})`)
        .join("; ")}.`
    : " No task was left out.";
  const notRun = t.notRun
    ? ` ${t.notRun} task(s) of the benchmark have no score in any compared result.`
    : "";
  return (
    `Means over the ${t.tasks.length} of ${t.benchmarkTasks} ${t.benchmark} tasks scored in every compared ` +
    `result (${retrieval}): ${t.tasks.join(", ") || "none"}.${left}${notRun}`
  );
}

const HEADER = ["Experiment", "Dim", "Quantization", "Mean", "Δ Mean", "Retrieval mean", "Δ Retrieval"];

function cells(t: ExperimentTable, r: ExperimentRow): string[] {
  return [
    rowLabel(r.key),
    r.dim === null ? "" : String(r.dim),
    quantLabel(r),
    formatScore(r.mean),
    formatDelta(r.deltaMean),
    t.retrievalTasks.length ? formatScore(r.retrievalMean) : "",
    t.retrievalTasks.length ? formatDelta(r.deltaRetrieval) : "",
  ];
}

const INTRO =
  "Per truncation dim and quantization (experiments/ folders of the model's main revision): scores ×100, " +
  "Δ = difference to the full-precision result in points.";

/** The markdown section ("" when there is no table). */
export function experimentsMarkdown(tables: readonly ExperimentTable[]): string {
  if (tables.length === 0) return "";
  const parts = ["## Dims × quantization", "", INTRO];
  const md = (s: string) => s.replace(/\|/g, "\\|");
  for (const t of tables) {
    parts.push("", `### ${t.model}`, "", taskNote(t), "");
    parts.push(`| ${HEADER.join(" | ")} |`, "|---|---:|---|---:|---:|---:|---:|");
    for (const r of t.rows) parts.push(`| ${cells(t, r).map(md).join(" | ")} |`);
  }
  return `${parts.join("\n")}\n`;
}

/** One row of the JSON output (scores ×100, deltas in points, unrounded). */
export interface ExperimentJsonRow {
  experiment: string | null;
  dim: number | null;
  truncated: boolean;
  renormalize: boolean;
  quantization: string | null;
  mean: number | null;
  retrieval_mean: number | null;
  delta_mean: number | null;
  delta_retrieval: number | null;
}

/** One model's JSON table. */
export interface ExperimentJson {
  model: string;
  full_dim: number | null;
  tasks: string[];
  retrieval_tasks: string[];
  left_out: { task: string; missing_in: string[] }[];
  not_run: number;
  rows: ExperimentJsonRow[];
}

const pct = (x: number | null): number | null => (x === null ? null : x * 100);

/** The JSON form of the tables. */
export function experimentsJson(tables: readonly ExperimentTable[]): ExperimentJson[] {
  return tables.map((t) => ({
    model: t.model,
    full_dim: t.fullDim,
    tasks: [...t.tasks],
    retrieval_tasks: [...t.retrievalTasks],
    left_out: t.leftOut.map((l) => ({ task: l.task, missing_in: [...l.missingIn] })),
    not_run: t.notRun,
    rows: t.rows.map((r) => ({
      experiment: r.key,
      dim: r.dim,
      truncated: r.kind.dim !== null,
      renormalize: r.kind.renormalize,
      quantization: r.kind.quantization,
      mean: pct(r.mean),
      retrieval_mean: pct(r.retrievalMean),
      delta_mean: r.deltaMean,
      delta_retrieval: r.deltaRetrieval,
    })),
  }));
}

/** One line per quantization kind (float32 first) of `measure`; rows without a dim or value are left off. */
export function experimentSeries(t: ExperimentTable, measure: "mean" | "retrievalMean"): Series[] {
  const byLabel = new Map<string, Series["points"][number][]>();
  for (const r of t.rows) {
    const label = quantLabel(r);
    const score = r[measure];
    if (!byLabel.has(label)) byLabel.set(label, []);
    if (r.dim !== null && score !== null)
      byLabel.get(label)?.push({ dim: r.dim, score, full: r.key === null });
  }
  return [...byLabel].map(([label, points]) => ({ label, points }));
}

function htmlTable(t: ExperimentTable): string {
  const header: Cell[] = HEADER.map((text) => ({ text }));
  const rows = t.rows.map((r) =>
    cells(t, r).map((c, i): Cell => (i === 0 || i === 2 ? { text: c } : num(c))),
  );
  return table(header, rows);
}

/** The HTML section: per model a table and the curves (benchmark mean, and retrieval mean when there is one). */
export function experimentsHtml(tables: readonly ExperimentTable[]): string {
  if (tables.length === 0) return "";
  const parts = [`<h2 id="experiments">Dims × quantization</h2><p class="note">${esc(INTRO)}</p>`];
  for (const t of tables) {
    parts.push(`<h3>${esc(t.model)}</h3><p class="legend">${esc(taskNote(t))}</p>`, htmlTable(t));
    const unplaced =
      t.fullDim === null ? " Rows without a truncation dim are not drawn (full dim unknown)." : "";
    const figs = [
      {
        svg: quantCurvesSvg(
          `${t.model}: ${t.benchmark} mean per dim and quantization`,
          experimentSeries(t, "mean"),
        ),
        what: "Benchmark mean",
      },
    ];
    if (t.retrievalTasks.length)
      figs.push({
        svg: quantCurvesSvg(
          `${t.model}: retrieval mean per dim and quantization`,
          experimentSeries(t, "retrievalMean"),
        ),
        what: "Retrieval mean",
      });
    const shown = figs.filter((f) => f.svg !== "");
    if (shown.length === 0) continue;
    const caption = (what: string) =>
      esc(`${what} vs dim, one line per quantization; hollow point = full precision.${unplaced}`);
    parts.push(
      `<div class="curves">${shown
        .map((f) => `<figure>${f.svg}<figcaption class="legend">${caption(f.what)}</figcaption></figure>`)
        .join("")}</div>`,
    );
  }
  return parts.join("");
}
