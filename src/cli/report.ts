/**
 * `embeval report`: reads mteb results trees, aggregates a benchmark like the mteb leaderboard, prints markdown,
 * JSON or a self-contained HTML page; `--languages mteb|paper` picks the per-language recipe.
 */
import { resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import { renderHtmlReport } from "../reports/html.js";
import { renderJsonReport } from "../reports/json.js";
import { renderMarkdownReport } from "../reports/markdown.js";
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
}

const FORMATS = ["md", "json", "html"];

function render(
  format: string,
  tree: ResultTree,
  agg: ReturnType<typeof aggregateBenchmark>,
  method: LanguageMethod | undefined,
): string {
  const benchmark = agg.benchmark;
  if (format === "json")
    return renderJsonReport(
      agg,
      method ? { method, table: languageTable(tree, benchmark, method) } : undefined,
    );
  const m = method ?? "mteb";
  const languages = languageTable(tree, benchmark, m);
  if (format === "md") return renderMarkdownReport(agg, languages, m);
  return renderHtmlReport(agg, { languages, languageMethod: m, curves: dimensionCurves(tree, agg) });
}

/** Runs the command; resolves to the exit code (0; failures throw coded EmbevalErrors). */
export async function runReport(io: CliIo, flags: ReportFlags): Promise<number> {
  if (!flags.results || flags.results.length === 0) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "--results <dir> is required", {
      hint: "point it at an mteb results tree (<org>__<model>/<revision>/<Task>.json)",
    });
  }
  if (!flags.benchmark) {
    throw new EmbevalError("E_INVALID_ARGUMENT", "--benchmark <name> is required", {
      hint: 'e.g. --benchmark "MTEB(eng, v2)"; `embeval list suites` lists them',
    });
  }
  if (!FORMATS.includes(flags.format)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--format must be md, json or html, got "${flags.format}"`, {
      hint: "md: paper-style tables; json: machine-readable; html: one self-contained page with heat maps",
    });
  }
  const method = flags.languages === undefined ? undefined : parseLanguageMethod(flags.languages);
  const benchmark = benchmarkTaskDefs(flags.benchmark).name;
  const opts = { rebuildCqadupstack: flags.rebuildCqadupstack ?? false };
  const models = flags.models
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const tree = await readResultTree(
    flags.results.map((r) => resolve(r)),
    { models, tasks: benchmarkTaskFiles(benchmark, opts) },
  );
  const agg = aggregateBenchmark(tree, benchmark, opts);
  const text = render(flags.format, tree, agg, method);
  if (flags.out) {
    await writeFileAtomic(resolve(flags.out), text);
    io.err(`wrote ${flags.out}\n`);
  } else {
    io.out(text);
  }
  for (const m of agg.models) {
    if (m.missing.length > 0 && m.missing.length < agg.tasks.length) {
      io.err(
        `${m.model}: ${m.missing.length} task(s) missing (${m.missing.slice(0, 5).join(", ")}${m.missing.length > 5 ? ", ..." : ""}); its means are left blank\n`,
      );
    }
  }
  return 0;
}
