/**
 * `embeval report`: reads mteb results trees, aggregates a benchmark like the mteb leaderboard, prints markdown,
 * JSON or a self-contained HTML page; `--languages mteb|paper` picks the per-language recipe; `--retrieval-table`
 * prints the cross-benchmark retrieval table; `--check-against` checks a paper's printed cells.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import { checkAgainst } from "../reports/check-against.js";
import { parseLegend, parsePaperTables, parseRowModels } from "../reports/check-against-paper.js";
import { renderCheckJson, renderCheckMarkdown } from "../reports/check-against-render.js";
import { experimentTables } from "../reports/experiments.js";
import { renderHtmlReport } from "../reports/html.js";
import { renderJsonReport } from "../reports/json.js";
import { renderMarkdownReport } from "../reports/markdown.js";
import { crossAggregates, crossBenchmarkTaskFiles, retrievalTable } from "../reports/retrieval-table.js";
import {
  renderRetrievalHtml,
  renderRetrievalJson,
  renderRetrievalMarkdown,
} from "../reports/retrieval-table-render.js";
import { splitRows, splitSection } from "../reports/splits.js";
import { dimensionCurves } from "../reports/svg/dims.js";
import { aggregateBenchmark, benchmarkTaskDefs, benchmarkTaskFiles } from "../results/aggregate.js";
import { type LanguageMethod, languageTable, parseLanguageMethod } from "../results/per-language-paper.js";
import { writeFileAtomic } from "../results/store.js";
import { type ResultTree, readResultTree } from "../results/tree.js";
import type { CliIo } from "./io.js";

/** Raw flags as commander gives them. */
export interface ReportFlags {
  results?: string[];
  benchmark?: string;
  models?: string;
  rebuildCqadupstack?: boolean;
  format: string;
  out?: string;
  /** Per-language recipe: mteb (default for md/html) | paper; JSON carries `languages` only when given. */
  languages?: string;
  /** A paper's tables CSV (table,row,column,paper_cell,dagger) to check every printed cell against. */
  checkAgainst?: string;
  /** Column legend of the paper's tables (default: column-legend.json next to the CSV). */
  legend?: string;
  /** Paper row label → mteb model name (default: row-models.json next to the CSV). */
  rows?: string;
  /** Print the cross-benchmark retrieval table (MTEB-M, MTEB-E, RTEB, BEIR, LongEmbed retrieval means). */
  retrievalTable?: boolean;
}

const FORMATS = ["md", "json", "html"];

function render(
  format: string,
  tree: ResultTree,
  agg: ReturnType<typeof aggregateBenchmark>,
  method: LanguageMethod | undefined,
): string {
  const benchmark = agg.benchmark;
  const experiments = experimentTables(tree, agg);
  if (format === "json")
    return renderJsonReport(
      agg,
      method ? { method, table: languageTable(tree, benchmark, method) } : undefined,
      experiments,
    );
  const m = method ?? "mteb";
  const languages = languageTable(tree, benchmark, m);
  if (format === "md") {
    const splits = splitSection(splitRows(tree, agg));
    return renderMarkdownReport(agg, languages, m, experiments) + (splits ? `\n${splits}\n` : "");
  }
  return renderHtmlReport(agg, {
    languages,
    languageMethod: m,
    curves: dimensionCurves(tree, agg),
    experiments,
  });
}

async function readPaperFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `cannot read the ${what} ${path}`, {
      hint: "pass --check-against <tables.csv> (with --legend/--rows when they are not next to it)",
      cause: e,
    });
  }
}

async function runCheckAgainst(io: CliIo, flags: ReportFlags, csv: string): Promise<number> {
  if (flags.format !== "md" && flags.format !== "json") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--check-against prints md or json, got "${flags.format}"`, {
      hint: "use --format md or --format json",
    });
  }
  const csvPath = resolve(csv);
  const legendPath = resolve(flags.legend ?? join(dirname(csvPath), "column-legend.json"));
  const rowsPath = resolve(flags.rows ?? join(dirname(csvPath), "row-models.json"));
  const cells = parsePaperTables(await readPaperFile(csvPath, "tables CSV"));
  const legend = parseLegend(JSON.parse(await readPaperFile(legendPath, "column legend")));
  const rowModels = parseRowModels(JSON.parse(await readPaperFile(rowsPath, "row-models map")));
  const models = [...new Set(Object.values(rowModels).filter((m): m is string => m !== null))];
  const tree = await readResultTree(
    (flags.results ?? []).map((r) => resolve(r)),
    { models },
  );
  const report = checkAgainst(tree, cells, legend, rowModels);
  await emit(io, flags, flags.format === "json" ? renderCheckJson(report) : renderCheckMarkdown(report));
  return 0;
}

function modelList(flags: ReportFlags): string[] | undefined {
  return flags.models
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

async function emit(io: CliIo, flags: ReportFlags, text: string): Promise<void> {
  if (flags.out) {
    await writeFileAtomic(resolve(flags.out), text);
    io.err(`wrote ${flags.out}\n`);
  } else io.out(text);
}

async function runRetrievalTable(io: CliIo, flags: ReportFlags, results: readonly string[]): Promise<number> {
  const models = modelList(flags);
  const tree = await readResultTree(
    results.map((r) => resolve(r)),
    { models, tasks: crossBenchmarkTaskFiles() },
  );
  const table = retrievalTable(crossAggregates(tree), models);
  const render =
    flags.format === "json"
      ? renderRetrievalJson
      : flags.format === "html"
        ? renderRetrievalHtml
        : renderRetrievalMarkdown;
  await emit(io, flags, render(table));
  return 0;
}

/** Runs the command; resolves to the exit code (0; failures throw coded EmbevalErrors). */
export async function runReport(io: CliIo, flags: ReportFlags): Promise<number> {
  if (!flags.results || flags.results.length === 0) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "--results <dir> is required", {
      hint: "point it at an mteb results tree (<org>__<model>/<revision>/<Task>.json)",
    });
  }
  if (flags.checkAgainst) return runCheckAgainst(io, flags, flags.checkAgainst);
  if (!FORMATS.includes(flags.format)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--format must be md, json or html, got "${flags.format}"`, {
      hint: "md: paper-style tables; json: machine-readable; html: one self-contained page with heat maps",
    });
  }
  if (flags.retrievalTable) {
    if (flags.benchmark) {
      throw new EmbevalError("E_INVALID_ARGUMENT", "--retrieval-table reads its five benchmarks itself", {
        hint: "drop --benchmark (or drop --retrieval-table for one benchmark's report)",
      });
    }
    return runRetrievalTable(io, flags, flags.results);
  }
  if (!flags.benchmark) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "--benchmark <name> is required", {
      hint: 'e.g. --benchmark "MTEB(eng, v2)"; `embeval list suites` lists them',
    });
  }
  const method = flags.languages === undefined ? undefined : parseLanguageMethod(flags.languages);
  const benchmark = benchmarkTaskDefs(flags.benchmark).name;
  const opts = { rebuildCqadupstack: flags.rebuildCqadupstack ?? false };
  const models = modelList(flags);
  const tree = await readResultTree(
    flags.results.map((r) => resolve(r)),
    { models, tasks: benchmarkTaskFiles(benchmark, opts) },
  );
  const agg = aggregateBenchmark(tree, benchmark, opts);
  await emit(io, flags, render(flags.format, tree, agg, method));
  for (const m of agg.models) {
    if (m.missing.length > 0 && m.missing.length < agg.tasks.length) {
      io.err(
        `${m.model}: ${m.missing.length} task(s) missing (${m.missing.slice(0, 5).join(", ")}${m.missing.length > 5 ? ", ..." : ""}); its means are left blank\n`,
      );
    }
  }
  return 0;
}
