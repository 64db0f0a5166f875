/** Oracle cases of task "classification" and "logreg": undersampling, LogisticRegression predictions, n_iter and mteb scores. */
import { beforeAll, describe, expect, it } from "vitest";
import {
  type ClassificationEvalResult,
  evaluateClassification,
  evaluateClassificationAsync,
} from "../../../metrics/classification/evaluate.js";
import {
  fitLogisticRegression,
  fitLogisticRegressionAsync,
  type LogisticRegressionModel,
} from "../../../metrics/classification/logistic-regression.js";
import type { ClassificationScores } from "../../../metrics/classification/scores.js";
import { accuracyScore } from "../../../metrics/classification/scores.js";
import { onnxGemm } from "../../../metrics/kernels/onnx-gemm.js";
import { type Matrix, matrix } from "../../../metrics/matrix.js";
import { listCases, loadCase, type OracleCase } from "../../helpers/oracle.js";

const cases = listCases(["classification", "logreg"]);
// The sgemm variants run only where onnxruntime-node loads (else the JS path alone is what embeval uses).
const GEMM = (await onnxGemm(1)) !== undefined;
const METRIC_KEYS = [
  "accuracy",
  "f1",
  "f1_weighted",
  "precision",
  "precision_weighted",
  "recall",
  "recall_weighted",
] as const;
// Predictions are reproduced exactly, so every metric is the same arithmetic on the same labels.
const TOL = 1e-12;

function emb(c: OracleCase, key: string): Matrix {
  const a = c.npy(c.inputs[key]);
  if (a.shape.length !== 2) throw new Error(`${c.name}: ${key} is not 2-d`);
  return matrix(a.data as Float32Array | Float64Array, a.shape[0], a.shape[1]);
}

function labels(c: OracleCase, key: string): number[] {
  return c.json<number[]>(c.inputs[key]);
}

function expectClose(actual: number | null, expected: unknown, what: string): void {
  if (expected === null || expected === undefined) {
    // mteb stores None per experiment; the oracle serialises the all-None mean (NaN in mteb) as null too.
    expect(actual === null || Number.isNaN(actual), what).toBe(true);
    return;
  }
  expect(typeof actual, what).toBe("number");
  expect(
    Math.abs((actual as number) - (expected as number)),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(TOL);
}

type MtebScores = Record<string, unknown> & { scores_per_experiment: Record<string, unknown>[] };

function compareMteb(
  got: ReturnType<typeof evaluateClassification>["scores"],
  exp: MtebScores,
  tag: string,
): void {
  for (const k of [...METRIC_KEYS, "ap", "ap_weighted", "main_score"] as const)
    expectClose(got[k], exp[k], `${tag} ${k}`);
  expect(got.scores_per_experiment.length).toBe(exp.scores_per_experiment.length);
  got.scores_per_experiment.forEach((s: ClassificationScores, i) => {
    for (const k of [...METRIC_KEYS, "ap", "ap_weighted"] as const) {
      expectClose(s[k], exp.scores_per_experiment[i][k], `${tag} experiment ${i} ${k}`);
    }
  });
}

describe("oracle classification/logreg cases", () => {
  it("finds cases of both task types", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    const c = loadCase(name);
    if (c.task === "classification") {
      describe(name, () => {
        const p = c.params as {
          seed: number;
          n_experiments: number;
          samples_per_label: number;
          max_iter: number;
        };
        const e = c.expected as {
          mteb: MtebScores;
          selected_train_indices: number[][];
          predictions: number[][];
          lbfgs_n_iter: number[];
        };
        const testLabels = labels(c, "test_labels");
        const input = {
          trainEmbeddings: emb(c, "train_emb"),
          trainLabels: labels(c, "train_labels"),
          testEmbeddings: emb(c, "test_emb"),
          testLabels,
          nExperiments: p.n_experiments,
          samplesPerLabel: p.samples_per_label,
          seed: p.seed,
          maxIter: p.max_iter,
        };
        const res = evaluateClassification(input);
        const checks = (get: () => ClassificationEvalResult): void => {
          it("selected_train_indices exact", () => {
            expect(get().selectedTrainIndices).toEqual(e.selected_train_indices);
          });
          it("predictions exact (no flipped test item)", () => {
            expect(get().predictions).toEqual(e.predictions);
          });
          it("lbfgs n_iter per experiment equals scipy's", () => {
            expect(get().nIter).toEqual(e.lbfgs_n_iter);
          });
          it("mteb scores incl. scores_per_experiment", () => {
            compareMteb(get().scores, e.mteb, "1.9.1");
          });
        };
        checks(() => res);
        describe.skipIf(!GEMM)("with onnxruntime's sgemm (kernel onnx)", () => {
          let fast: ClassificationEvalResult | undefined;
          beforeAll(async () => {
            fast = await evaluateClassificationAsync(input, "onnx");
          });
          checks(() => fast as ClassificationEvalResult);
        });
        if (c.expectedAlt) {
          const alt = c.expectedAlt as Record<string, { mteb: MtebScores; predictions: number[][] }>;
          it("expected.alt.json: sklearn 1.6.1 identical, 1.2.1 at most one flipped prediction", () => {
            expect(alt["sklearn 1.6.1"]).toBeDefined();
            expect(res.predictions).toEqual(alt["sklearn 1.6.1"].predictions);
            compareMteb(res.scores, alt["sklearn 1.6.1"].mteb, "1.6.1");
            const old = alt["sklearn 1.2.1"];
            if (old) {
              let flips = 0;
              old.predictions.forEach((row, i) => {
                row.forEach((v, j) => {
                  if (v !== res.predictions[i][j]) flips++;
                });
              });
              // Debian's 1.2.1 uses the pre-1.4 sum objective; the README names its single flip in classification_multiclass.
              expect(flips).toBeLessThanOrEqual(1);
            }
          });
        }
      });
    } else if (c.task === "logreg") {
      describe(name, () => {
        const e = c.expected as {
          predictions: number[];
          predict_proba: number[][];
          classes: number[];
          n_iter: number;
          accuracy: number;
        };
        const test = emb(c, "test_emb");
        const fitOpts = { maxIter: (c.params.max_iter as number | undefined) ?? 100 };
        const model = fitLogisticRegression(emb(c, "train_emb"), labels(c, "train_labels"), fitOpts);
        const exact = (m: LogisticRegressionModel): void => {
          expect(m.classes).toEqual(e.classes);
          expect(m.nIter).toBe(e.n_iter);
          const pred = m.predict(test);
          expect(pred).toEqual(e.predictions);
          expect(accuracyScore(labels(c, "test_labels"), pred)).toBe(e.accuracy);
        };
        it("classes, n_iter and predictions exact", () => exact(model));
        it.skipIf(!GEMM)("the same with onnxruntime's sgemm (kernel onnx)", async () => {
          exact(
            await fitLogisticRegressionAsync(emb(c, "train_emb"), labels(c, "train_labels"), fitOpts, "onnx"),
          );
        });
        it("predict_proba within 1e-5 (measured max 2.7e-6; float32 sgemm order differs)", () => {
          const proba = model.predictProba(test);
          expect(proba.length).toBe(e.predict_proba.length);
          proba.forEach((row, i) => {
            expect(row.length).toBe(e.predict_proba[i].length);
            row.forEach((v, k) => {
              expect(Math.abs(v - e.predict_proba[i][k])).toBeLessThanOrEqual(1e-5);
            });
          });
        });
        if (c.expectedAlt) {
          it("expected.alt.json predictions equal (all versions agree here)", () => {
            const pred = model.predict(test);
            for (const v of Object.values(c.expectedAlt as Record<string, { predictions: number[] }>)) {
              expect(pred).toEqual(v.predictions);
            }
          });
        }
      });
    } else {
      it(`${name}: unsupported task ${c.task}`, () => {
        throw new Error(`cannot run case ${name} of task ${c.task}`);
      });
    }
  }
});
