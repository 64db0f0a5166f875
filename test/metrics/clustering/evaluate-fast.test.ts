/** mteb's bootstrapped clustering: downsampling and draws exact, assignments equal scikit-learn's, scores vs 1.9.1 and 1.6.1. */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { adjustedMutualInfo } from "../../../metrics/clustering/ami.js";
import {
  evaluateClusteringFast,
  evaluateClusteringFastAsync,
  selectDocumentsToEmbed,
} from "../../../metrics/clustering/evaluate-fast.js";
import { vMeasure } from "../../../metrics/clustering/v-measure.js";
import { onnxGemmF64 } from "../../../metrics/kernels/onnx-gemm.js";
import { fromRows, type Matrix, takeRows } from "../../../metrics/matrix.js";
import { npMean, npStd } from "../../../metrics/numeric.js";
import { PythonRandom } from "../../../metrics/rng/python-random.js";
import { listCases, loadCase } from "../../helpers/oracle.js";

type Label = number | string;
type Levels = Record<string, number[]>;
interface Scores {
  v_measures: Levels;
  v_measure: number;
  v_measure_std: number;
  ami_scores: Levels;
  ami: number;
  ami_std: number;
  main_score: number;
}
interface Expected {
  mteb: Scores;
  downsampled?: boolean;
  downsample_indices?: number[] | null;
  bootstrap_samples: Record<string, { first10: number[]; sha256: string }[]>;
  assignments?: Record<string, { first20: number[]; sha256: string }[]>;
  bootstrap_full?: Record<string, { indices: number[]; assignment: number[] }[]> | null;
}

const sha = (a: ArrayLike<number>) => createHash("sha256").update(Array.from(a).join(",")).digest("hex");

/** Level labels of the downsampled docs as mteb's numpy array would hold them (valid rows only). */
function levelValues(labels: Label[], level: number): Label[] {
  const raw = labels.map((l) => {
    const list = Array.isArray(l) ? (l as Label[]) : [l];
    return list.length > level ? list[level] : -1;
  });
  const asString = raw.some((v) => typeof v === "string");
  return raw.map((v) => (asString ? String(v) : v)).filter((v) => v !== -1);
}

// The dgemm kernel runs only where onnxruntime-node loads; its labels are certified equal to the JS path's.
const KERNELS: ("js" | "onnx")[] = (await onnxGemmF64(1)) ? ["js", "onnx"] : ["js"];
const VERSION_KERNELS = (["1.9", "1.6"] as const).flatMap((v) => KERNELS.map((k) => [v, k] as const));

describe("oracle: fast clustering (AbsTaskClustering)", () => {
  const cases = listCases(["clustering"]);
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    const c = loadCase(name);
    const p = c.params as Record<string, number | null | undefined>;
    const exp = c.expected as unknown as Expected;
    const emb = c.npy(c.inputs.emb);
    if (emb.dtype !== "float32" && emb.dtype !== "float64")
      throw new Error(`${name}: float embeddings expected`);
    const x: Matrix = { rows: emb.shape[0], cols: emb.shape[1], data: emb.data };
    const labels = c.json<Label[]>(c.inputs.labels);
    const base = {
      maxFractionOfDocumentsToEmbed: p.max_fraction_of_documents_to_embed,
      maxDocumentToEmbed: p.max_document_to_embed,
      nClusters: p.n_clusters ?? 10,
      maxDocumentsPerCluster: p.max_documents_per_cluster ?? 16384,
      kMeanBatchSize: p.k_mean_batch_size ?? 512,
      maxDepth: p.max_depth,
      seed: p.seed ?? 42,
    };

    // only the small case stores full draws; elsewhere the assignments are checked by sha256 below
    const full = exp.bootstrap_full;
    if (full)
      it(`${name}: V-measure / AMI on the oracle's saved assignments (bootstrap_full)`, () => {
        const rng = new PythonRandom(base.seed);
        const sel = selectDocumentsToEmbed(x.rows, { ...base, sklearn: "1.9" }, rng);
        const docLabels = sel ? sel.map((i) => labels[i]) : labels;
        let checked = 0;
        for (const [level, draws] of Object.entries(full)) {
          const values = levelValues(docLabels, Number(level.split(" ")[1]));
          draws.forEach((d, r) => {
            const truth = d.indices.map((i) => values[i]);
            expect(
              Math.abs(vMeasure(truth, d.assignment) - exp.mteb.v_measures[level][r]),
            ).toBeLessThanOrEqual(1e-12);
            expect(
              Math.abs(adjustedMutualInfo(truth, d.assignment) - exp.mteb.ami_scores[level][r]),
            ).toBeLessThanOrEqual(1e-12);
            checked++;
          });
        }
        expect(checked).toBeGreaterThan(0);
      });

    for (const [version, kernel] of VERSION_KERNELS) {
      it(`${name}: sklearn ${version} end to end (downsample, draws, assignments, scores), ${kernel} kernel`, async () => {
        const opts = { ...base, sklearn: version };
        let want: Scores;
        if (version === "1.9") want = exp.mteb;
        else {
          const alt = c.expectedAlt?.["sklearn 1.6.1"] as { mteb: Scores } | undefined;
          if (!alt) throw new Error(`${name}: expected.alt.json has no "sklearn 1.6.1" entry`);
          want = alt.mteb;
        }
        const rng = new PythonRandom(base.seed);
        const sel = selectDocumentsToEmbed(x.rows, opts, rng);
        if (exp.downsample_indices) expect(sel).toEqual(exp.downsample_indices);
        else expect(sel).toBeNull();
        const xs = sel ? takeRows(x, sel) : x;
        const ls = sel ? sel.map((i) => labels[i]) : labels;
        const res =
          kernel === "js"
            ? evaluateClusteringFast(xs, ls, rng, opts)
            : await evaluateClusteringFastAsync(xs, ls, rng, opts, kernel);
        expect(Object.keys(res.draws)).toEqual(Object.keys(exp.bootstrap_samples));
        let assignmentsDiffering = 0;
        for (const [level, draws] of Object.entries(exp.bootstrap_samples)) {
          for (const [r, d] of draws.entries()) {
            expect(res.draws[level][r].slice(0, 10)).toEqual(d.first10);
            expect(sha(res.draws[level][r])).toBe(d.sha256);
          }
          if (version === "1.9" && exp.assignments) {
            for (const [r, a] of exp.assignments[level].entries()) {
              if (sha(res.assignments[level][r]) !== a.sha256) assignmentsDiffering++;
            }
          }
        }
        // measured: every assignment is identical to scikit-learn 1.9.1's (sha256 of all labels)
        expect(assignmentsDiffering).toBe(0);
        const s = res.scores;
        for (const key of ["v_measure", "v_measure_std", "ami", "ami_std", "main_score"] as const) {
          expect(Math.abs(s[key] - want[key])).toBeLessThanOrEqual(1e-3);
        }
        for (const [level, vals] of Object.entries(want.v_measures)) {
          for (const [r, v] of vals.entries())
            expect(Math.abs(s.v_measures[level][r] - v)).toBeLessThanOrEqual(1e-3);
          for (const [r, v] of want.ami_scores[level].entries()) {
            expect(Math.abs(s.ami_scores[level][r] - v)).toBeLessThanOrEqual(1e-3);
          }
        }
        // measured with identical assignments: per-draw V / AMI agree to 1e-12
        for (const [level, vals] of Object.entries(want.v_measures)) {
          for (const [r, v] of vals.entries())
            expect(Math.abs(s.v_measures[level][r] - v)).toBeLessThanOrEqual(1e-12);
          for (const [r, v] of want.ami_scores[level].entries()) {
            expect(Math.abs(s.ami_scores[level][r] - v)).toBeLessThanOrEqual(1e-12);
          }
        }
      });
    }
  }
});

describe("fast clustering behaviour", () => {
  it("advances the caller's rng: one sample, then n_clusters choices per level", () => {
    const rows: number[][] = [];
    const labels: Label[][] = [];
    for (let i = 0; i < 40; i++) {
      rows.push([i % 2 === 0 ? 0 : 10, i % 4 < 2 ? 0 : 5]);
      labels.push(i % 5 === 0 ? [String(i % 2)] : [String(i % 2), String(i % 4)]);
    }
    const opts = {
      maxFractionOfDocumentsToEmbed: 0.5,
      nClusters: 3,
      maxDocumentsPerCluster: 64,
      kMeanBatchSize: 16,
      sklearn: "1.9" as const,
    };
    const rng = new PythonRandom(42);
    const sel = selectDocumentsToEmbed(40, opts, rng);
    expect(sel?.length).toBe(20);
    const x = takeRows(fromRows(rows, "float32"), sel ?? []);
    const res = evaluateClusteringFast(
      x,
      (sel ?? []).map((i) => labels[i]),
      rng,
      opts,
    );
    // string labels: the missing level becomes the class "-1" and is kept (mteb quirk)
    expect(res.draws["Level 1"].every((d) => d.every((i) => i < 20))).toBe(true);
    const ref = new PythonRandom(42);
    ref.sample(40, 20);
    for (let i = 0; i < 6; i++) ref.choices(20, 64);
    expect(rng.random()).toBe(ref.random());
    const flat = [...res.scores.v_measures["Level 0"], ...res.scores.v_measures["Level 1"]];
    expect(res.scores.v_measure).toBe(npMean(flat));
    expect(res.scores.v_measure_std).toBe(npStd(flat));
    expect(res.scores.main_score).toBe(res.scores.v_measure);
  });
  it("drops integer -1 (missing level) rows and rejects both limits set", () => {
    const x = fromRows([[0], [1], [10], [11]], "float64");
    const rng = new PythonRandom(1);
    const res = evaluateClusteringFast(x, [[0, 5], [0], [1, 6], [1, 6]], rng, {
      maxFractionOfDocumentsToEmbed: null,
      nClusters: 1,
      maxDocumentsPerCluster: 8,
      kMeanBatchSize: 4,
      sklearn: "1.6",
    });
    expect(res.draws["Level 1"][0].every((i) => i < 3)).toBe(true);
    expect(() =>
      selectDocumentsToEmbed(
        10,
        { maxFractionOfDocumentsToEmbed: 0.5, maxDocumentToEmbed: 3, sklearn: "1.9" },
        rng,
      ),
    ).toThrow(/both/);
  });
});
