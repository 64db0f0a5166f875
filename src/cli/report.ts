/** `embeval report`: reads mteb results trees, aggregates a benchmark like the mteb leaderboard, prints markdown or JSON. */
import { resolve } from "node:path";
import { EmbevalError } from "../errors.js";
import { renderJsonReport } from "../reports/json.js";
import { renderMarkdownReport } from "../reports/markdown.js";
import { aggregateBenchmark, benchmarkTaskDefs, benchmarkTaskFiles } from "../results/aggregate.js";
import { perLanguageTable } from "../results/per-language.js";
import { writeFileAtomic } from "../results/store.js";
import { readResultTree } from "../results/tree.js";
import type { CliIo } from "./io.js";

/** Raw flags as commander gives them. */
export interface ReportFlags {
  results?: string[];
  benchmark?: string;
  models?: string;
  rebuildCqadupstack?: boolean;
  format: string;
  out?: string;
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
  if (flags.format !== "md" && flags.format !== "json") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `--format must be md or json, got "${flags.format}"`, {
      hint: "the HTML report is not implemented yet",
    });
  }
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
  const text =
    flags.format === "json"
      ? renderJsonReport(agg)
      : renderMarkdownReport(agg, perLanguageTable(tree, benchmark));
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
