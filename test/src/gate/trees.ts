/** Builds small mteb results trees with per-item sidecars in temp folders for the gate tests. */
import { RandomState } from "../../../metrics/rng/index.js";
import { recordScore } from "../../../src/gate/paired.js";
import type { ItemRecord } from "../../../src/results/items.js";
import { writeTaskItems } from "../../../src/results/items.js";
import { resultDir, taskResultPath } from "../../../src/results/layout.js";
import { writeTaskResult } from "../../../src/results/store.js";
import type { ScoresEntry, TaskResult } from "../../../src/results/task-result.js";

/** One task of a fake run: its per-(split, subset) item records; the main scores are derived from them. */
export interface FakeTask {
  readonly name: string;
  readonly records: readonly ItemRecord[];
  /** Write the items sidecar (default true). */
  readonly writeItems?: boolean;
  /** Override the stored main scores (by "split/subset"), e.g. for a file without items. */
  readonly mainScores?: Readonly<Record<string, number>>;
}

/** Writes `<root>/<org>__<model>/<revision>/<Task>.json` (+ `.embeval/<Task>.items.jsonl`) for each task. */
export async function writeFakeRun(
  root: string,
  tasks: readonly FakeTask[],
  model = "test-org/test-model",
  revision = "rev1",
): Promise<string> {
  const dir = resultDir(root, model, revision);
  for (const t of tasks) {
    const scores: Record<string, ScoresEntry[]> = {};
    for (const r of t.records) {
      const main = t.mainScores?.[`${r.split}/${r.subset}`] ?? recordScore(r);
      const entries = scores[r.split] ?? [];
      scores[r.split] = entries;
      entries.push({
        main_score: main,
        hf_subset: r.subset,
        languages: ["eng-Latn"],
        [r.metric]: main,
      });
    }
    const result: TaskResult = {
      dataset_revision: "fake",
      task_name: t.name,
      mteb_version: "2.1.0",
      scores,
      evaluation_time: 1,
      kg_co2_emissions: null,
    };
    await writeTaskResult(taskResultPath(dir, t.name), result);
    if (t.writeItems !== false) await writeTaskItems(dir, t.name, t.records);
  }
  return dir;
}

/** Deterministic per-query nDCG-like values in [0, 1]. */
export function queryValues(n: number, seed: number): number[] {
  const rs = new RandomState(seed);
  return Array.from(rs.randomSampleArray(n), (u) => Math.round(u * 1e4) / 1e4);
}

/** A `mean` record. */
export function meanRecord(split: string, values: readonly number[], subset = "default"): ItemRecord {
  return { split, subset, metric: "ndcg_at_10", kind: "mean", ids: values.map((_, i) => `q${i}`), values };
}

/** Shifts values by `shift` plus uniform noise in ±noise, clipped to [0, 1]; seeded. */
export function perturb(values: readonly number[], shift: number, noise: number, seed: number): number[] {
  const rs = new RandomState(seed);
  return values.map((v) => {
    const x = v + shift + (rs.randomSample() * 2 - 1) * noise;
    return Math.round(Math.min(1, Math.max(0, x)) * 1e6) / 1e6;
  });
}

/** An `accuracy` record. */
export function accuracyRecord(values: number[]): ItemRecord {
  return {
    split: "test",
    subset: "default",
    metric: "accuracy",
    kind: "accuracy",
    ids: values.map((_, i) => `${i}`),
    values,
  };
}

/** A `correlation` record of [gold, prediction] pairs. */
export function stsRecord(subset: string, gold: number[], pred: number[]): ItemRecord {
  return {
    split: "test",
    subset,
    metric: "cosine_spearman",
    kind: "correlation",
    ids: gold.map((_, i) => `${i}`),
    values: gold.map((g, i) => [g, pred[i]] as [number, number]),
  };
}

/** Baseline: two retrieval tasks (one with two splits), a classification and a two-subset STS task. */
export function baselineTasks(): FakeTask[] {
  const rs = new RandomState(11);
  const acc = Array.from(rs.randomSampleArray(400), (u) => (u < 0.8 ? 1 : 0));
  const gold = Array.from(rs.randomSampleArray(300), (u) => Math.round(u * 50) / 10);
  const pred = gold.map((g) => Math.round((g / 5 + (rs.randomSample() - 0.5) * 0.6) * 1e6) / 1e6);
  return [
    { name: "RetA", records: [meanRecord("test", queryValues(300, 1))] },
    {
      name: "RetB",
      records: [meanRecord("dev", queryValues(250, 2)), meanRecord("test", queryValues(250, 3))],
    },
    { name: "ClsC", records: [accuracyRecord(acc)] },
    {
      name: "StsD",
      records: [
        stsRecord("en-en", gold.slice(0, 150), pred.slice(0, 150)),
        stsRecord("de-de", gold.slice(150), pred.slice(150)),
      ],
    },
  ];
}

/** Candidate: RetA worse by ~4 points, small zero-mean noise everywhere else. */
export function candidateTasks(base: FakeTask[], worse = "RetA"): FakeTask[] {
  return base.map((t, k) => ({
    ...t,
    records: t.records.map((r, j): ItemRecord => {
      const seed = 100 + 10 * k + j;
      if (r.kind === "correlation") {
        const noise = perturb(
          r.values.map(() => 0.5),
          -0.5,
          0.01,
          seed,
        );
        return { ...r, values: r.values.map(([g, p], i) => [g, p + noise[i]] as [number, number]) };
      }
      if (r.kind === "accuracy") {
        const rs = new RandomState(seed);
        return { ...r, values: r.values.map((v) => (rs.randomSample() < 0.02 ? 1 - v : v)) };
      }
      return {
        ...r,
        values: perturb(r.values, t.name === worse ? -0.04 : 0, t.name === worse ? 0.05 : 0.01, seed),
      };
    }),
  }));
}
