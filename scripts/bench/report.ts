/** reports/bench.json (figures, rows, machine) merged run by run, and reports/bench.md rendered from that json only. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { EmbevalError } from "../../metrics/errors.js";
import type { BenchFigures, BenchRow } from "./types.js";

/** One measured row as stored in the json: the bench module that produced it plus the row. */
export interface ReportRow extends BenchRow {
  module: string;
}

/** The machine the numbers come from (CPU, cores, memory, OS, node, onnxruntime, pythons). */
export type MachineInfo = Record<string, string | number>;

/** reports/bench.json: one section per figure group, then machine, generated time and every row. */
export interface BenchReport {
  figures: BenchFigures;
  machine: MachineInfo;
  generated: string;
  rows: ReportRow[];
}

/** One figure group's target from issue 7 and the rule that decides it. */
interface Target {
  section: string;
  text: string;
  key: string;
  /** met when `value op bound`. */
  op: ">=" | "<=" | "<";
  bound: number;
  /** The workload: minimum figures (e.g. `{ queries: 10000 }`) for the verdict to count. */
  workload?: Readonly<Record<string, number>>;
}

/** Targets of issue 7 §3 (time ratios are embeval / reference, so lower is better; search is a GFLOP/s ratio). */
export const TARGETS: readonly Target[] = [
  {
    section: "search",
    text: "exact search ≥ 0.6 of numpy's float32 matmul GFLOP/s",
    key: "ratio",
    op: ">=",
    bound: 0.6,
  },
  {
    section: "metrics",
    text: "retrieval metrics no slower than the numpy reference",
    key: "ratio",
    op: "<=",
    bound: 1,
    workload: { queries: 10_000 },
  },
  {
    section: "kmeans",
    text: "MiniBatchKMeans ≤ 1.5× scikit-learn's time",
    key: "ratio",
    op: "<=",
    bound: 1.5,
  },
  {
    section: "logreg",
    text: "logistic regression ≤ 1.5× scikit-learn's time",
    key: "ratio",
    op: "<=",
    bound: 1.5,
  },
  {
    section: "memory",
    text: "peak RSS of a 1,000,000 × 768 corpus search with 10,000 queries below 4.5 GB",
    key: "peak_rss_gb",
    op: "<",
    bound: 4.5,
    workload: { docs: 1_000_000, queries: 10_000, dim: 768 },
  },
];

/** What each group's figures mean, printed under its heading. */
export const NOTES: Readonly<Record<string, string>> = {
  search: "ratio = gflops / numpy_gflops (higher is better), both measured in this run.",
  metrics:
    "ratio = embeval_s / reference_s (time, lower is better). Both sides start from the parsed run and qrels as " +
    "id-keyed maps (JS Map / Python dict, as mteb hands them to pytrec_eval) and end at the per-k means of nDCG, " +
    "MAP, recall, P, success and MRR; file writing and parsing are not timed. The reference's time is its " +
    "dict-to-array conversion (reference_convert_s) plus its numpy kernel (reference_kernel_s). " +
    "`agree` says whether every mean matched within 1e-12 (max_abs_diff), `identical` whether bit for bit.",
  kmeans: "ratio = embeval_s / sklearn_s (time, lower is better).",
  logreg: "ratio = embeval_s / sklearn_s (time, lower is better).",
  encode:
    "ratio = embedder_s / bare_ort_s (time). The embedder tokenizes (tokenize_s alone), sorts by length, pads, " +
    "runs the session and pools; the bare session gets the same sorted, pre-tokenized batches; " +
    "ratio_vs_tokenize_plus_bare = embedder_s / (tokenize_s + bare_ort_s) is the embedder's own overhead.",
};

/** Figure groups in the order of issue 7; any other group follows alphabetically. */
const ORDER = ["search", "metrics", "kmeans", "logreg", "memory", "encode"];

/** "met", "not met" or "not measured" for one target; "results differ" when the section says its results disagree. */
export function verdict(
  target: Target,
  figures: BenchFigures,
): "met" | "not met" | "not measured" | "results differ" {
  if (figures[target.section]?.agree === false) return "results differ";
  const value = figures[target.section]?.[target.key];
  if (typeof value !== "number" || !Number.isFinite(value)) return "not measured";
  const ok =
    target.op === ">="
      ? value >= target.bound
      : target.op === "<="
        ? value <= target.bound
        : value < target.bound;
  return ok ? "met" : "not met";
}

/** Where the measured workload is smaller than the (e.g. "docs 50000 < 1000000"), else undefined. */
export function reducedWorkload(target: Target, figures: BenchFigures): string | undefined {
  const short = Object.entries(target.workload ?? {}).flatMap(([key, min]) => {
    const v = figures[target.section]?.[key];
    return typeof v === "number" && v >= min ? [] : [`${key} ${formatValue(v)} < ${min}`];
  });
  return short.length > 0 ? short.join(", ") : undefined;
}

/** The verdict as the md prints it, qualified when the measured workload was smaller than the issue's. */
export function verdictText(target: Target, figures: BenchFigures): string {
  const v = verdict(target, figures);
  const reduced = v === "not measured" ? undefined : reducedWorkload(target, figures);
  return reduced === undefined ? v : `${v} (reduced workload: ${reduced})`;
}

/**
 * Merge one run into the previous report. `fresh` (a full report run) starts from nothing; otherwise the run's
 * figure sections replace the previous ones of the same name and its modules' rows replace theirs.
 */
export function mergeReport(
  previous: BenchReport | undefined,
  run: {
    modules: readonly string[];
    rows: readonly ReportRow[];
    figures: BenchFigures;
    machine: MachineInfo;
    generated: string;
  },
  fresh: boolean,
): BenchReport {
  const base = fresh || previous === undefined ? { figures: {}, rows: [] } : previous;
  const figures: BenchFigures = { ...base.figures, ...run.figures };
  const kept = base.rows.filter((r) => !run.modules.includes(r.module));
  return { figures, machine: run.machine, generated: run.generated, rows: [...kept, ...run.rows] };
}

function sectionNames(figures: BenchFigures): string[] {
  const rest = Object.keys(figures)
    .filter((k) => !ORDER.includes(k))
    .sort();
  return [...ORDER.filter((k) => k in figures), ...rest];
}

/** The json text: sections in issue order, then machine, generated, rows. */
export function reportJson(report: BenchReport): string {
  const out: Record<string, unknown> = {};
  for (const name of sectionNames(report.figures)) out[name] = report.figures[name];
  out.machine = report.machine;
  out.generated = report.generated;
  out.rows = report.rows;
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Parse reports/bench.json text back into a report (the inverse of `reportJson`). */
export function parseReport(text: string): BenchReport {
  const raw = JSON.parse(text) as Record<string, unknown>;
  const figures: BenchFigures = {};
  for (const [k, v] of Object.entries(raw)) {
    if (k !== "machine" && k !== "generated" && k !== "rows") figures[k] = v as BenchFigures[string];
  }
  return {
    figures,
    machine: (raw.machine ?? {}) as MachineInfo,
    generated: String(raw.generated ?? ""),
    rows: (raw.rows ?? []) as ReportRow[],
  };
}

/** A number as the md shows it: integers whole, others to 4 significant digits. */
export function formatValue(v: number | string | boolean | null | undefined): string {
  if (v === null || v === undefined) return "—";
  if (typeof v !== "number") return String(v);
  if (!Number.isFinite(v) || Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? String(Number(v.toPrecision(4))) : v.toExponential(3);
}

/** A table cell: pipes escaped so a workload text cannot break the table. */
const cell = (v: number | string | boolean | null | undefined): string =>
  formatValue(v).replaceAll("|", "\\|");

/** reports/bench.md from the report alone (deterministic: same json, same md). */
export function renderMarkdown(report: BenchReport): string {
  const lines = [
    "# embeval benchmark (issue 7)",
    "",
    `Generated ${report.generated} by \`npm run bench\`.`,
    "",
  ];
  lines.push("## Machine", "", "| | |", "| --- | --- |");
  for (const [k, v] of Object.entries(report.machine)) lines.push(`| ${k} | ${cell(v)} |`);
  lines.push("", "## Targets", "", "| group | target | value | verdict |", "| --- | --- | --- | --- |");
  for (const t of TARGETS) {
    const value = report.figures[t.section]?.[t.key];
    lines.push(
      `| ${t.section} | ${t.text} | ${t.key} = ${cell(value)} | ${verdictText(t, report.figures)} |`,
    );
  }
  for (const name of sectionNames(report.figures)) {
    const target = TARGETS.find((t) => t.section === name);
    lines.push("", `## ${name}`, "");
    lines.push(
      target === undefined
        ? "Target: none in issue 7 (informational)."
        : `Target: ${target.text} (${target.key} ${target.op} ${target.bound}): **${verdictText(target, report.figures)}**.`,
    );
    if (NOTES[name] !== undefined) lines.push("", NOTES[name]);
    lines.push("", "| figure | value |", "| --- | --- |");
    for (const [k, v] of Object.entries(report.figures[name])) lines.push(`| ${k} | ${cell(v)} |`);
  }
  lines.push("", "## Every measurement", "", "| module | name | workload | ms (median) | reps |");
  lines.push("| --- | --- | --- | ---: | ---: |");
  for (const r of report.rows) {
    lines.push(`| ${r.module} | ${cell(r.name)} | ${cell(r.workload)} | ${r.ms.toFixed(1)} | ${r.reps} |`);
  }
  return `${lines.join("\n")}\n`;
}

/** Write `<base>.json` and `<base>.md` (rendered from the json text) atomically (temp file + rename). */
export function writeReport(base: string, report: BenchReport): void {
  mkdirSync(dirname(base), { recursive: true });
  const json = reportJson(report);
  for (const [ext, text] of [
    ["json", json],
    ["md", renderMarkdown(parseReport(json))],
  ] as const) {
    const tmp = `${base}.${ext}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, `${base}.${ext}`);
  }
}

/** The report at `<base>.json`, or undefined when there is none yet. */
export function readReport(base: string): BenchReport | undefined {
  let text: string;
  try {
    text = readFileSync(`${base}.json`, "utf8");
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new EmbevalError("E_IO", `cannot read ${base}.json`, {
      hint: "check the file's permissions",
      cause,
    });
  }
  try {
    return parseReport(text);
  } catch (cause) {
    throw new EmbevalError("E_PARSE", `${base}.json is not valid json`, {
      hint: "delete it and run `npm run bench -- report` to regenerate it",
      cause,
    });
  }
}
