/**
 * The markdown report (`embeval report --format md`): a leaderboard-style summary table and one table per task
 * type with abbreviated task columns and a legend, like a model paper's appendix. Scores ×100, rounded to 2
 * decimals here only (mteb/leaderboard/table.py _format_scores).
 */
import type { BenchmarkAggregate, ModelAggregate } from "../results/aggregate.js";
import type { PerLanguageTable } from "../results/per-language.js";
import type { LanguageMethod } from "../results/per-language-paper.js";
import { abbreviateTasks } from "./abbreviate.js";
import type { ExperimentTable } from "./experiments.js";
import { experimentsMarkdown } from "./experiments-render.js";

/** A score cell: ×100 with 2 decimals, blank when missing. */
export function formatScore(x: number | null): string {
  return x === null ? "" : (x * 100).toFixed(2);
}

/** Parameter count as the leaderboard abbreviates it (e.g. 596M, 1.2B); blank when unknown. */
export function formatParams(n: number | null | undefined): string {
  if (n === null || n === undefined || n <= 0) return "";
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${Math.round(n / 1e6)}M`;
  return `${Math.round(n / 1e3)}K`;
}

/** Escapes a table cell (pipes, newlines). */
function cell(s: string): string {
  return s.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function table(header: readonly string[], rows: readonly (readonly string[])[], numericFrom: number): string {
  const align = header.map((_, i) => (i >= numericFrom ? "---:" : "---"));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${align.join("|")}|`, ...rows.map(line)].join("\n");
}

function summary(agg: BenchmarkAggregate): string {
  const showMeta = agg.models.some((m) => m.meta?.nParameters || m.meta?.embedDim);
  const header = ["Rank (Borda)", "Model", ...(showMeta ? ["Params", "Dim"] : []), "Avg Tasks"];
  if (agg.hasTaskTypeMean) header.push("Avg Type", ...agg.types);
  const rows = agg.models.map((m) => {
    const r = [String(m.bordaRank), m.model];
    if (showMeta) r.push(formatParams(m.meta?.nParameters), m.meta?.embedDim ? String(m.meta.embedDim) : "");
    r.push(formatScore(m.meanTask));
    if (agg.hasTaskTypeMean)
      r.push(formatScore(m.meanTaskType), ...agg.types.map((t) => formatScore(m.byType[t])));
    return r;
  });
  return table(header, rows, 2);
}

function typeSection(agg: BenchmarkAggregate, type: string): string {
  const tasks = agg.tasks.filter((t) => t.type === type).map((t) => t.name);
  const labels = abbreviateTasks(tasks);
  const header = ["Model", ...labels, "Avg"];
  const rows = agg.models.map((m) => [
    m.model,
    ...tasks.map((t) => formatScore(m.tasks[t])),
    formatScore(m.byType[type]),
  ]);
  const legend = tasks.map((t, i) => `${labels[i]} = ${t}`).join("; ");
  return `### ${type} (${tasks.length} task${tasks.length === 1 ? "" : "s"})\n\n${table(header, rows, 1)}\n\n${cell(legend)}`;
}

function missingNotes(models: readonly ModelAggregate[], nTasks: number): string[] {
  return models
    .filter((m) => m.missing.length > 0)
    .map((m) =>
      m.missing.length === nTasks
        ? `- ${m.model}: no task of this benchmark`
        : `- ${m.model}: missing ${m.missing.length} task${m.missing.length === 1 ? "" : "s"}: ${m.missing.join(", ")}`,
    );
}

const LANGUAGE_NOTES: Record<LanguageMethod, [string, string]> = {
  mteb: [
    "mteb leaderboard method",
    "Mean main score of every (task, split, subset) row whose languages include the column's language, nulls ignored: " +
      "row-weighted, so tasks with many subsets (bitext pairs) dominate; models ordered by a Borda rank over languages.",
  ],
  paper: [
    "papers' heat-map recipe",
    "Monolingual rows only (cross-lingual pairs, the same language in two scripts and multi-language bitext rows " +
      "dropped), each keyed by its first language (ISO 639-1 where one exists, macrolanguages merged), row-weighted " +
      "mean; models ordered by a Borda rank over languages.",
  ],
};

function languageSection(t: PerLanguageTable, method: LanguageMethod): string {
  const header = ["Model", ...t.languages];
  const rows = t.models.map((m) => [m.model, ...t.languages.map((l) => formatScore(m.scores[l]))]);
  const [title, note] = LANGUAGE_NOTES[method];
  return [`## Per language (${title})`, "", note, "", table(header, rows, 1)].join("\n");
}

/**
 * Renders the whole markdown report; `perLanguage` adds a per-language table made by `languageMethod` (default
 * mteb's), `experiments` the dims × quantization tables.
 */
export function renderMarkdownReport(
  agg: BenchmarkAggregate,
  perLanguage?: PerLanguageTable | null,
  languageMethod: LanguageMethod = "mteb",
  experiments: readonly ExperimentTable[] = [],
): string {
  const parts = [`# ${agg.benchmark}`, ""];
  parts.push(
    "Scores ×100 (mteb main scores), rounded to 2 decimals. Task score = mean over the benchmark's (split, subset) pairs; " +
      "a mean over an incomplete task set is left blank, never computed over fewer tasks.",
  );
  if (agg.rebuildCqadupstack) {
    const rebuilt = agg.models.filter((m) => m.rebuilt.length > 0).map((m) => m.model);
    parts.push(
      "",
      `**CQADupstackRetrieval rebuilt from its 12 sub-task files** (--rebuild-cqadupstack; mteb and its leaderboard never do this) for: ${rebuilt.length ? rebuilt.join(", ") : "no model"}.`,
    );
  }
  parts.push("", "## Summary", "", summary(agg));
  const notes = missingNotes(agg.models, agg.tasks.length);
  if (notes.length) parts.push("", "Missing results:", "", ...notes);
  if (agg.excluded.length)
    parts.push("", `Without any result on this benchmark (not shown): ${agg.excluded.join(", ")}.`);
  parts.push("", "## Tasks by type");
  for (const type of agg.types) parts.push("", typeSection(agg, type));
  if (perLanguage) parts.push("", languageSection(perLanguage, languageMethod));
  if (experiments.length > 0) parts.push("", experimentsMarkdown(experiments).trimEnd());
  return `${parts.join("\n")}\n`;
}
