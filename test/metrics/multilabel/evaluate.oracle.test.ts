/** mteb's multilabel kNN probe on the oracle cases: selection, binarizer, neighbours, predictions and scores exact. */
import { describe, expect, it } from "vitest";
import { matrix } from "../../../metrics/matrix.js";
import type { Label } from "../../../metrics/multilabel/binarizer.js";
import { labelMatrixToRows } from "../../../metrics/multilabel/binarizer.js";
import { type MultilabelMetric, runMultilabel } from "../../../metrics/multilabel/evaluate.js";
import { defaultRng } from "../../../metrics/rng/generator.js";
import type { NpyArray } from "../../helpers/npy.js";
import { listCases, loadCase } from "../../helpers/oracle.js";

const TOL = 1e-12;
const KEYS = ["accuracy", "lrap", "f1", "hamming"] as const;

function asMatrix(a: NpyArray) {
  if (a.dtype !== "float32" && a.dtype !== "float64")
    throw new Error(`embeddings must be float, got ${a.dtype}`);
  if (a.shape.length !== 2) throw new Error(`embeddings must be 2-D, got ${a.shape}`);
  return matrix(a.data, a.shape[0], a.shape[1]);
}

interface Expected {
  mteb: Record<string, number> & { scores_per_experiment: Record<string, number>[] };
  main_score_name: string;
  selected_train_indices: number[][];
  binarizer_classes: Label[];
  train_labels_not_in_test: Label[];
  neighbours: number[][][];
  predictions: number[][][];
}

const cases = listCases(["multilabel-classification"]);

describe("multilabel classification oracle cases", () => {
  it("finds cases", () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const p = c.params as {
        seed?: number;
        n_experiments?: number;
        samples_per_label?: number;
        n_neighbors?: number;
        main_score?: string;
      };
      const e = c.expected as unknown as Expected;
      const r = runMultilabel(
        {
          trainEmbeddings: asMatrix(c.npy(c.inputs.train_emb)),
          trainLabels: c.json<Label[][]>(c.inputs.train_labels),
          testEmbeddings: asMatrix(c.npy(c.inputs.test_emb)),
          testLabels: c.json<Label[][]>(c.inputs.test_labels),
        },
        defaultRng(p.seed ?? 42),
        {
          nExperiments: p.n_experiments ?? 10,
          samplesPerLabel: p.samples_per_label ?? 8,
          nNeighbors: p.n_neighbors ?? 5,
          mainScore: (p.main_score ?? e.main_score_name ?? "accuracy") as MultilabelMetric,
        },
      );
      expect(r.plan.experiments).toEqual(e.selected_train_indices);
      expect(r.binarizerClasses).toEqual(e.binarizer_classes);
      if (e.train_labels_not_in_test !== undefined)
        expect(r.trainLabelsNotInTest).toEqual(e.train_labels_not_in_test);
      expect(r.neighbours).toEqual(e.neighbours);
      expect(r.predictions.map(labelMatrixToRows)).toEqual(e.predictions);
      for (const k of [...KEYS, "main_score"] as const) {
        expect(Math.abs(r.scores[k] - e.mteb[k]), k).toBeLessThanOrEqual(TOL);
      }
      expect(r.scores.scores_per_experiment.length).toBe(e.mteb.scores_per_experiment.length);
      r.scores.scores_per_experiment.forEach((s, i) => {
        for (const k of KEYS)
          expect(Math.abs(s[k] - e.mteb.scores_per_experiment[i][k]), `${k}[${i}]`).toBeLessThanOrEqual(TOL);
      });
    });
  }
});
