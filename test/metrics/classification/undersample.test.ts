/** mteb undersampling: spec 9.3 shuffle vectors, first-k-per-label selection, carried index list. */
import { describe, expect, it } from "vitest";
import { undersampleExperiments, undersampleStep } from "../../../metrics/classification/undersample.js";

const FIRST = [0, 17, 15, 1, 8, 5, 11, 3, 18, 16, 13, 2, 9, 19, 4, 12, 7, 10, 14, 6];
const SECOND = [0, 10, 12, 17, 18, 5, 2, 1, 14, 7, 19, 15, 16, 6, 8, 9, 3, 13, 4, 11];

describe("undersampleStep / undersampleExperiments", () => {
  const distinct = Array.from({ length: 20 }, (_, i) => i);

  it("shuffles with a fresh RandomState(42) each experiment (spec 9.3 vectors)", () => {
    const ids = Array.from({ length: 20 }, (_, i) => i);
    const s1 = undersampleStep(distinct, 1, ids);
    expect(s1.idxs).toEqual(FIRST);
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => i)); // input untouched
    expect(undersampleStep(distinct, 1, s1.idxs).idxs).toEqual(SECOND);
    expect(undersampleExperiments(distinct, 1, 2)).toEqual([FIRST, SECOND]);
  });

  it("takes the first samples_per_label rows of each label in shuffled order", () => {
    const labels = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? "even" : "odd"));
    const [sel] = undersampleExperiments(labels, 3, 1);
    // FIRST order: 0 e, 17 o, 15 o, 1 o, 8 e, 5 (odd full), 11, 3, 18 e → done
    expect(sel).toEqual([0, 17, 15, 1, 8, 18]);
  });

  it("takes every row of a label rarer than samples_per_label", () => {
    const labels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    const [sel] = undersampleExperiments(labels, 4, 1);
    expect(sel).toEqual([0, 17, 15, 1, 19]);
  });
});
