/** mteb's legacy clustering: per-set assignments and V-measure vs the oracle under scikit-learn 1.9.1 and 1.6.1. */
import { describe, expect, it } from "vitest";
import {
  evaluateClusteringLegacy,
  evaluateClusteringLegacyAsync,
  type LegacyClusterSet,
  legacyComputeMetrics,
} from "../../../metrics/clustering/evaluate-legacy.js";
import { isEmbevalError } from "../../../metrics/errors.js";
import { onnxGemmF64 } from "../../../metrics/kernels/onnx-gemm.js";
import type { Matrix } from "../../../metrics/matrix.js";
import { listCases, loadCase, type OracleCase } from "../../helpers/oracle.js";

type Label = number | string;
interface PerSet {
  v_measure: number;
  skipped_single_label?: boolean;
  predicted?: number[];
  nmi?: number;
  ari?: number;
  cluster_accuracy?: number;
}
interface MtebScores {
  v_measure: number;
  v_measure_std: number;
  v_measures: number[];
  main_score: number;
}

function clusterSets(c: OracleCase): LegacyClusterSet[] {
  const emb = c.npy(c.inputs.emb);
  if (emb.dtype !== "float32" && emb.dtype !== "float64")
    throw new Error(`${c.name}: float embeddings expected`);
  const d = emb.shape[1];
  const sets = c.json<Label[][]>(c.inputs.labels);
  let off = 0;
  const out = sets.map((labels) => {
    const n = labels.length;
    const data = emb.data.slice(off * d, (off + n) * d);
    off += n;
    const embeddings: Matrix = { rows: n, cols: d, data };
    return { labels, embeddings };
  });
  expect(off).toBe(emb.shape[0]);
  return out;
}

// The dgemm kernel runs only where onnxruntime-node loads; its labels are certified equal to the JS path's.
const KERNELS: ("js" | "onnx")[] = (await onnxGemmF64(1)) ? ["js", "onnx"] : ["js"];

describe("oracle: clustering-legacy end to end", () => {
  const cases = listCases(["clustering-legacy"]);
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    for (const [version, label] of [
      ["1.9", "expected.json (scikit-learn 1.9.1)"],
      ["1.6", "expected.alt.json (scikit-learn 1.6.1)"],
    ] as const) {
      for (const kernel of KERNELS)
        it(`${name} vs ${label}, ${kernel} kernel`, async () => {
          const c = loadCase(name);
          const batchSize = (c.params.batch_size as number | undefined) ?? 500;
          const seed = (c.params.seed as number | undefined) ?? 42;
          let exp: { mteb: MtebScores; per_set: PerSet[] };
          if (version === "1.9") exp = c.expected as unknown as typeof exp;
          else {
            const alt = c.expectedAlt?.["sklearn 1.6.1"];
            if (!alt) throw new Error(`${name}: expected.alt.json has no "sklearn 1.6.1" entry`);
            exp = alt as typeof exp;
          }
          const sets = clusterSets(c);
          const lopts = { batchSize, seed, sklearn: version };
          const res =
            kernel === "js"
              ? evaluateClusteringLegacy(sets, lopts)
              : await evaluateClusteringLegacyAsync(sets, lopts, kernel);
          // required tolerance 1e-3 on the scores; measured: identical assignments, |diff| <= 2e-16
          expect(Math.abs(res.scores.v_measure - exp.mteb.v_measure)).toBeLessThanOrEqual(1e-3);
          expect(Math.abs(res.scores.main_score - exp.mteb.main_score)).toBeLessThanOrEqual(1e-3);
          expect(Math.abs(res.scores.v_measure_std - exp.mteb.v_measure_std)).toBeLessThanOrEqual(1e-3);
          expect(res.scores.v_measures.length).toBe(exp.per_set.length);
          res.perSet.forEach((got, s) => {
            const want = exp.per_set[s];
            expect(got.skippedSingleLabel).toBe(want.skipped_single_label === true);
            expect(Math.abs(got.v_measure - want.v_measure)).toBeLessThanOrEqual(1e-3);
            // the assignments themselves: 0 of them differ from the oracle's (exact float32 emulation)
            if (want.predicted && got.predicted) {
              const differing = want.predicted.filter((p, i) => p !== got.predicted?.[i]).length;
              expect(differing).toBe(0);
              expect(Math.abs(got.v_measure - want.v_measure)).toBeLessThanOrEqual(1e-12);
            }
            if (want.nmi !== undefined && got.predicted) {
              const full = legacyComputeMetrics(sets[s].labels, got.predicted);
              expect(Math.abs(full.nmi - want.nmi)).toBeLessThanOrEqual(1e-3);
              expect(Math.abs((full.ari ?? 0) - (want.ari ?? 0))).toBeLessThanOrEqual(1e-3);
              expect(Math.abs(full.cluster_accuracy - (want.cluster_accuracy ?? 0))).toBeLessThanOrEqual(
                1e-3,
              );
            }
          });
        });
    }
  }
});

describe("legacy evaluator behaviour", () => {
  it("records 1.0 for single-label sets without needing embeddings", () => {
    const r = evaluateClusteringLegacy([{ labels: ["a", "a"] }, { labels: [3] }], { sklearn: "1.9" });
    expect(r.scores.v_measures).toEqual([1, 1]);
    expect(r.scores.v_measure_std).toBe(0);
    expect(r.perSet.every((s) => s.skippedSingleLabel)).toBe(true);
  });
  it("requires embeddings for multi-label sets and rejects string labels on the full path", () => {
    expect(() => evaluateClusteringLegacy([{ labels: [0, 1] }], { sklearn: "1.9" })).toThrow(/no embeddings/);
    let err: unknown;
    try {
      legacyComputeMetrics(["a", "b"], [0, 1]);
    } catch (e) {
      err = e;
    }
    expect(isEmbevalError(err, "E_UNSUPPORTED")).toBe(true);
  });
});
