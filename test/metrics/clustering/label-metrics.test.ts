/** V-measure, AMI, NMI, ARI and cluster accuracy vs the oracle and hand-computed examples. */
import { describe, expect, it } from "vitest";
import { adjustedMutualInfo, lgamma } from "../../../metrics/clustering/ami.js";
import { clusterAccuracy, linearSumAssignmentMax } from "../../../metrics/clustering/cluster-accuracy.js";
import { contingencyMatrix, encodeLabels } from "../../../metrics/clustering/contingency.js";
import { adjustedRandIndex, normalizedMutualInfo } from "../../../metrics/clustering/nmi-ari.js";
import { homogeneityCompletenessVMeasure, vMeasure } from "../../../metrics/clustering/v-measure.js";
import { listCases, loadCase } from "../../helpers/oracle.js";

describe("label encoding and contingency", () => {
  it("sorts classes like np.unique (numbers numerically, strings by code point)", () => {
    expect(encodeLabels([10, 2, 2, -1]).classes).toEqual([-1, 2, 10]);
    expect(Array.from(encodeLabels([10, 2, 2, -1]).codes)).toEqual([2, 1, 1, 0]);
    expect(encodeLabels(["b", "a", "B", "-1"]).classes).toEqual(["-1", "B", "a", "b"]);
  });
  it("builds row-major sorted nonzero cells", () => {
    const c = contingencyMatrix([0, 0, 1, 1], ["x", "y", "y", "y"]);
    expect(Array.from(c.rows)).toEqual([0, 0, 1]);
    expect(Array.from(c.cols)).toEqual([0, 1, 1]);
    expect(Array.from(c.values)).toEqual([1, 1, 2]);
  });
});

describe("V-measure / AMI / NMI / ARI reference values", () => {
  it("spec 11.4 vector", () => {
    expect(vMeasure([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2])).toBeCloseTo(0.739667376800759, 14);
    expect(adjustedMutualInfo([0, 0, 1, 1, 2, 2], [0, 0, 1, 2, 2, 2])).toBeCloseTo(0.5023607027202738, 14);
  });
  it("perfect and degenerate labelings", () => {
    expect(vMeasure([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    expect(vMeasure([0, 0, 0], [0, 0, 0])).toBe(1);
    expect(vMeasure([0, 1, 2], [0, 0, 0])).toBe(0);
    expect(homogeneityCompletenessVMeasure([0, 1, 2], [0, 0, 0])).toEqual({
      homogeneity: 0,
      completeness: 1,
      vMeasure: 0,
    });
    expect(adjustedMutualInfo([0, 0, 0], [1, 1, 1])).toBe(1);
    expect(normalizedMutualInfo([0, 0, 0], [1, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
  });
  it("hand-computed ARI and NMI (sklearn docstring values)", () => {
    // sklearn docstring: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) == 0.57...
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(0.5714285714285714, 15);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285714, 15);
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    // MI = ln 2 / ... : true [0,0,1,1], pred [0,0,0,1]: H(C)=ln2, H(K)=H(3/4,1/4)
    const hK = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    const mi = 0.5 * Math.log(4 / 3) + 0.25 * Math.log(2 / 3) + 0.25 * Math.log(2);
    expect(normalizedMutualInfo([0, 0, 1, 1], [0, 0, 0, 1])).toBeCloseTo(mi / ((Math.log(2) + hK) / 2), 14);
  });
  it("lgamma matches ln((n-1)!) and known values", () => {
    let lf = 0;
    for (let n = 2; n < 200; n++) {
      lf += Math.log(n - 1);
      expect(Math.abs(lgamma(n) - lf)).toBeLessThanOrEqual(1e-13 * Math.max(1, lf));
    }
    expect(lgamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 15);
    expect(lgamma(16385)).toBeCloseTo(142613.0986620014, 8);
  });
  it("cluster accuracy via Hungarian (maximize)", () => {
    expect(clusterAccuracy([0, 0, 1, 1, 2], [2, 2, 0, 0, 1])).toBe(1);
    expect(clusterAccuracy([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 1, 1])).toBeCloseTo(5 / 6, 15);
    // greedy would pick 5 then 1; optimal is 4 + 4
    const a = linearSumAssignmentMax([5, 4, 4, 0], 2, 2);
    expect(Array.from(a)).toEqual([1, 0]);
    // rectangular (more rows than columns)
    const b = linearSumAssignmentMax([1, 9, 8, 2, 3, 3], 3, 2);
    expect(Array.from(b)).toEqual([1, 0, -1]);
  });
});

describe("oracle: vmeasure cases", () => {
  const cases = listCases(["vmeasure"]);
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const yt = c.json<(number | string)[]>(c.inputs.labels_true);
      const yp = c.json<(number | string)[]>(c.inputs.labels_pred);
      expect(Math.abs(vMeasure(yt, yp) - (c.expected.v_measure as number))).toBeLessThanOrEqual(1e-12);
    });
  }
});

interface PerSet {
  v_measure: number;
  predicted?: number[];
  nmi?: number;
  ari?: number;
  cluster_accuracy?: number;
}

describe("oracle: clustering-legacy saved assignments", () => {
  const cases = listCases(["clustering-legacy"]);
  it("has cases", () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const c = loadCase(name);
      const sets = c.json<(number | string)[][]>(c.inputs.labels);
      const perSet = c.expected.per_set as PerSet[];
      expect(perSet.length).toBe(sets.length);
      let checked = 0;
      sets.forEach((labels, s) => {
        const exp = perSet[s];
        if (!exp.predicted) {
          expect(new Set(labels).size).toBeLessThanOrEqual(1);
          expect(exp.v_measure).toBe(1);
          return;
        }
        expect(Math.abs(vMeasure(labels, exp.predicted) - exp.v_measure)).toBeLessThanOrEqual(1e-12);
        if (exp.nmi !== undefined)
          expect(Math.abs(normalizedMutualInfo(labels, exp.predicted) - exp.nmi)).toBeLessThanOrEqual(1e-12);
        if (exp.ari !== undefined)
          expect(Math.abs(adjustedRandIndex(labels, exp.predicted) - exp.ari)).toBeLessThanOrEqual(1e-12);
        if (exp.cluster_accuracy !== undefined)
          expect(clusterAccuracy(labels, exp.predicted)).toBe(exp.cluster_accuracy);
        checked++;
      });
      expect(checked).toBeGreaterThan(0);
    });
  }
});
