/** The numpy reference of the retrieval-metric benchmark: writes run + qrels to a temp file, times ref/retrieval_metrics.py. */
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { EmbevalError } from "../../metrics/errors.js";
import type { Qrels, Run } from "../../metrics/retrieval/types.js";
import { findPython, runPython } from "./python.js";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "ref", "retrieval_metrics.py");

/** Per-k means of each measure, in k order (the reference's output). */
export interface ReferenceMeans {
  ndcg: number[];
  map: number[];
  recall: number[];
  precision: number[];
  success: number[];
  mrr: number[];
}

/** What the reference reports: median seconds of the computation (parsing excluded) and its means. */
export interface ReferenceResult {
  seconds: number;
  convert_seconds: number;
  kernel_seconds: number;
  queries: number;
  numpy: string;
  means: ReferenceMeans;
}

function field(id: string): string {
  if (/[\t\n\r]/.test(id)) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `id ${JSON.stringify(id)} contains a tab or newline`, {
      hint: "the benchmark's exchange format is tab-separated; use ids without control characters",
    });
  }
  return id;
}

/** Write the exchange file read by ref/retrieval_metrics.py (`k`, `r` and `q` lines, tab-separated). */
export function writeExchangeFile(path: string, run: Run, qrels: Qrels, kValues: readonly number[]): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, `k\t${kValues.join("\t")}\n`);
    for (const [qid, docs] of run) {
      const parts = ["r", field(qid)];
      for (const [doc, score] of docs) parts.push(field(doc), String(score));
      writeSync(fd, `${parts.join("\t")}\n`);
    }
    for (const [qid, judged] of qrels) {
      const parts = ["q", field(qid)];
      for (const [doc, grade] of judged) parts.push(field(doc), String(grade));
      writeSync(fd, `${parts.join("\t")}\n`);
    }
  } finally {
    closeSync(fd);
  }
}

/** Time the numpy reference on `run`/`qrels` (median of `reps` after a warm-up), or undefined without numpy. */
export function runRetrievalReference(
  run: Run,
  qrels: Qrels,
  kValues: readonly number[],
  reps: number,
): ReferenceResult | undefined {
  const python = findPython(["numpy"]);
  if (python === undefined) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "embeval-bench-retrieval-"));
  try {
    const data = join(dir, "run.tsv");
    writeExchangeFile(data, run, qrels, kValues);
    const code = `import runpy, sys\nsys.argv = [${JSON.stringify(SCRIPT)}, ${JSON.stringify(data)}, "${reps}"]\nrunpy.run_path(sys.argv[0], run_name="__main__")`;
    return JSON.parse(runPython(python, code)) as ReferenceResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
