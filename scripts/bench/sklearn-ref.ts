/** scikit-learn reference timings for the probe benchmarks: same data through a temp .npy, only fit (+ predict) timed. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeNpy } from "../../src/embedding/npy.js";
import { findPython, runPython } from "./python.js";

/** Median and best seconds of `reps` timed runs, CPU seconds per run, scikit-learn's version, the estimator's counters. */
export interface SklearnTiming {
  seconds: number;
  minSeconds: number;
  cpuSeconds: number;
  /** Median seconds with BLAS/OpenMP limited to one thread (threadpoolctl), as embeval's probes run; null if unavailable. */
  oneThreadSeconds: number | null;
  version: string;
  python: string;
  counters: Record<string, number>;
}

/** mteb's estimators: MiniBatchKMeans as in AbsTaskClustering (fast), LogisticRegression(max_iter=100) fit + predict. */
const ESTIMATORS = {
  kmeans: (p: Record<string, number>) =>
    [
      "from sklearn.cluster import MiniBatchKMeans",
      "def run():",
      `    m = MiniBatchKMeans(n_clusters=${p.k}, batch_size=${p.batchSize}, init="k-means++", n_init=1, random_state=${p.seed}).fit(x)`,
      "    return {'n_steps': int(m.n_steps_), 'inertia': float(m.inertia_)}",
    ].join("\n"),
  logreg: (p: Record<string, number>) =>
    [
      "from sklearn.linear_model import LogisticRegression",
      "def run():",
      `    m = LogisticRegression(max_iter=${p.maxIter}).fit(x, y)`,
      "    m.predict(x)",
      "    return {'n_iter': int(m.n_iter_[0])}",
    ].join("\n"),
} as const;

/**
 * Times `kind` in scikit-learn on `x` (n × d float32, and labels `y` for logreg): median of `reps` runs after one
 * warm-up run (like embeval's `timeProbe`), then the same with BLAS/OpenMP limited to one thread. Undefined when no Python with scikit-learn is found.
 */
export function sklearnReference(
  kind: keyof typeof ESTIMATORS,
  x: Float32Array,
  n: number,
  d: number,
  params: Record<string, number>,
  y?: readonly number[],
  reps = 3,
): SklearnTiming | undefined {
  const python = findPython(["sklearn", "numpy"]);
  if (!python) return undefined;
  const dir = mkdtempSync(join(tmpdir(), "embeval-bench-"));
  try {
    writeNpy(join(dir, "x.npy"), n, d, x);
    if (y) writeNpy(join(dir, "y.npy"), 1, y.length, Float32Array.from(y));
    const code = [
      "import json, time, numpy as np, sklearn",
      `x = np.load(${JSON.stringify(join(dir, "x.npy"))})`,
      y ? `y = np.load(${JSON.stringify(join(dir, "y.npy"))}).ravel().astype(np.int64)` : "y = None",
      ESTIMATORS[kind](params),
      "run()",
      "ts = []",
      "c0 = time.process_time()",
      `for _ in range(${reps}):`,
      "    t = time.perf_counter(); c = run(); ts.append(time.perf_counter() - t)",
      `cpu = (time.process_time() - c0) / ${reps}`,
      "one = None",
      "try:",
      "    from threadpoolctl import threadpool_limits",
      "    t1 = []",
      "    with threadpool_limits(limits=1):",
      `        for _ in range(${reps}):`,
      "            t = time.perf_counter(); run(); t1.append(time.perf_counter() - t)",
      "    one = sorted(t1)[len(t1) // 2]",
      "except ImportError:",
      "    pass",
      "print(json.dumps({'seconds': sorted(ts)[len(ts) // 2], 'minSeconds': min(ts), 'cpuSeconds': cpu, 'oneThreadSeconds': one, 'version': sklearn.__version__, 'counters': c}))",
    ].join("\n");
    const out = JSON.parse(runPython(python, code).split("\n").at(-1) ?? "{}") as Omit<
      SklearnTiming,
      "python"
    >;
    return { ...out, python };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median and best wall milliseconds of `reps` runs of `fn` after one warm-up run (as the Python side does), and CPU ms per run. */
export async function timeProbe(
  fn: () => unknown,
  reps: number,
): Promise<{ ms: number; minMs: number; cpuMs: number; reps: number }> {
  await fn();
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(reps / 2)], minMs: times[0], cpuMs: (c.user + c.system) / 1000 / reps, reps };
}

/**
 * The ratio the target is checked against: embeval's best run over scikit-learn's fastest measurement
 * (best default-threaded run, or the 1-thread median). Medians on a shared machine mostly measure the load, and
 * OpenMP threads that spin on busy cores can make scikit-learn's default run 10× slower than its 1-thread run.
 */
export function conservativeRatio(embevalBestMs: number, ref: SklearnTiming): number {
  const fastest = Math.min(ref.minSeconds, ref.oneThreadSeconds ?? Number.POSITIVE_INFINITY);
  return embevalBestMs / 1000 / fastest;
}
