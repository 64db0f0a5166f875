/** `embeval compare`: the CI gate — markdown summary on stdout (and appended to $GITHUB_STEP_SUMMARY), exit 1 on a failing verdict. */
import { appendFile } from "node:fs/promises";
import { EmbevalError } from "../errors.js";
import { compareResults } from "../gate/compare.js";
import { renderCompareMarkdown } from "../gate/markdown.js";
import { writeFileAtomic } from "../results/store.js";
import type { CliIo } from "./io.js";

/** Raw flags as commander gives them. */
export interface CompareFlags {
  baseline?: string[];
  candidate?: string[];
  benchmark?: string;
  model?: string;
  baselineModel?: string;
  candidateModel?: string;
  maxDrop: string;
  alpha: string;
  seed: string;
  resamples: string;
  allowMissing?: boolean;
  json?: string;
}

function number(flag: string, text: string): number {
  const v = text.trim() === "" ? Number.NaN : Number(text);
  if (!Number.isFinite(v)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `${flag} must be a number, got "${text}"`, {
      hint: `e.g. ${flag} ${flag === "--alpha" ? "0.05" : flag === "--max-drop" ? "0.5" : "42"}`,
    });
  }
  return v;
}

/** Runs the gate; resolves to 1 when a task fails, 0 otherwise (bad input throws coded EmbevalErrors → exit 2). */
export async function runCompare(
  io: CliIo,
  flags: CompareFlags,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const report = await compareResults({
    baseline: flags.baseline ?? [],
    candidate: flags.candidate ?? [],
    benchmark: flags.benchmark,
    model: flags.model,
    baselineModel: flags.baselineModel,
    candidateModel: flags.candidateModel,
    maxDrop: number("--max-drop", flags.maxDrop),
    alpha: number("--alpha", flags.alpha),
    seed: number("--seed", flags.seed),
    resamples: number("--resamples", flags.resamples),
    allowMissing: flags.allowMissing ?? false,
  });
  const md = renderCompareMarkdown(report);
  io.out(md);
  const summary = env.GITHUB_STEP_SUMMARY;
  if (summary) {
    try {
      await appendFile(summary, `${md}\n`);
    } catch (e) {
      // The verdict stands; a summary that cannot be written is only reported.
      io.err(`warning: cannot append to $GITHUB_STEP_SUMMARY (${summary}): ${(e as Error).message}\n`);
    }
  }
  if (flags.json) await writeFileAtomic(flags.json, `${JSON.stringify(report, null, 2)}\n`);
  return report.pass ? 0 : 1;
}
