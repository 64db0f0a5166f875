/**
 * Score-vs-dimension data for the HTML report: per model, the benchmark mean at every truncation dim found in
 * the tree's `experiments/embed_dim_<d>[_renorm]/` folders (results/layout.ts experimentKey), plus the model's
 * full-dim result (model_meta embed_dim) when it is larger. Each point averages the same tasks: those scored at
 * every dim of the curve (truncation runs often cover a subset of the benchmark).
 */
import { type BenchmarkAggregate, taskScore } from "../../results/aggregate.js";
import type { ResultTree } from "../../results/tree.js";

/** One point of a curve: score is a fraction. */
export interface DimPoint {
  readonly dim: number;
  readonly score: number;
  /** True for the full-dim result of the revision folder (not an experiment). */
  readonly full: boolean;
}

/** One model's curve (one per truncation variant: plain slicing or `_renorm`). */
export interface DimCurve {
  readonly model: string;
  readonly variant: "truncate" | "renorm";
  readonly points: readonly DimPoint[];
  /** The tasks every point averages. */
  readonly tasks: readonly string[];
}

const KEY = /^embed_dim_(\d+)(_renorm)?$/;

/** Curves for the aggregate's models (in its order); models or variants with no common task are left out. */
export function dimensionCurves(tree: ResultTree, agg: BenchmarkAggregate): DimCurve[] {
  const out: DimCurve[] = [];
  for (const m of agg.models) {
    const model = tree.models.find((x) => x.model === m.model);
    for (const variant of ["truncate", "renorm"] as const) {
      const series: { dim: number; full: boolean; scores: Map<string, number> }[] = [];
      for (const e of tree.experiments) {
        const k = e.experiment === undefined ? null : KEY.exec(e.experiment);
        if (e.model !== m.model || !k || (k[2] !== undefined) !== (variant === "renorm")) continue;
        const scores = new Map<string, number>();
        for (const def of agg.tasks) {
          const v = taskScore(e.files.get(def.name)?.result, def);
          if (v !== null) scores.set(def.name, v);
        }
        series.push({ dim: Number(k[1]), full: false, scores });
      }
      if (series.length === 0) continue;
      const fullDim = m.meta?.embedDim ?? null;
      if (model && fullDim !== null && series.every((s) => s.dim < fullDim)) {
        const scores = new Map<string, number>();
        for (const def of agg.tasks) {
          const v = m.tasks[def.name];
          if (typeof v === "number") scores.set(def.name, v);
        }
        series.push({ dim: fullDim, full: true, scores });
      }
      const tasks = agg.tasks.map((d) => d.name).filter((t) => series.every((s) => s.scores.has(t)));
      if (tasks.length === 0) continue;
      const points = series
        .map((s) => {
          let sum = 0;
          for (const t of tasks) sum += s.scores.get(t) as number;
          return { dim: s.dim, full: s.full, score: sum / tasks.length };
        })
        .sort((a, b) => a.dim - b.dim);
      out.push({ model: m.model, variant, points, tasks });
    }
  }
  return out;
}
