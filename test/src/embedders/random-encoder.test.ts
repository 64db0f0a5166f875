/** mteb's random encoder reproduced bit for bit, and mteb's mock-task similarities computed from it (spec §16). */
import { describe, expect, it } from "vitest";
import { matrix } from "../../../metrics/matrix.js";
import {
  cosSim,
  pairedDot,
  pairedEuclidean,
  pairedManhattan,
  pairwiseCosSim,
  sklearnPairedCosine,
} from "../../../metrics/similarity.js";
import {
  randomEncoderMatrix,
  randomEncoderSeed,
  randomEncoderVector,
} from "../../../src/embedders/random-encoder.js";
import { corpusText } from "../../../tasks/text.js";

const emb = (texts: string[]) => matrix(randomEncoderMatrix(texts), texts.length, 32);

describe("random encoder", () => {
  it("derives mteb's seeds and first floats (verified vectors)", () => {
    expect(randomEncoderSeed("hello")).toBe(2475399204);
    expect(randomEncoderSeed("")).toBe(2018687061);
    expect(randomEncoderSeed(null)).toBe(2018687061);
    expect(randomEncoderSeed("The cat sat on the mat.")).toBe(2416569488);
    expect(Array.from(randomEncoderVector("hello").slice(0, 4))).toEqual([
      0.7764699459075928, 0.5711065530776978, 0.3735821843147278, 0.559978187084198,
    ]);
    expect(Array.from(randomEncoderVector("").slice(0, 4))).toEqual([
      0.6806396842002869, 0.603676974773407, 0.8603056073188782, 0.4297792315483093,
    ]);
    expect(Array.from(randomEncoderVector("The cat sat on the mat.").slice(0, 4))).toEqual([
      0.4046236276626587, 0.4577960968017578, 0.6696431040763855, 0.8828427791595459,
    ]);
  });

  // The spec's mock values came from one machine's torch; mteb's published random-encoder results (which embeval
  // reproduces bit for bit, see test/src/pipeline) from another. torch's float32 norm order differs between the two,
  // so these agree to two float32 ulps (at most 1.2e-7 here), not bit for bit.
  const near = (got: ArrayLike<number>, want: number[]) => {
    for (let i = 0; i < want.length; i++) {
      expect(Math.abs(got[i] - want[i]), `${got[i]} vs ${want[i]}`).toBeLessThanOrEqual(2 ** -23);
    }
  };

  it("mock retrieval task: torch cos_sim scores with the title + ' ' + text join", () => {
    const q = emb(["This is a test sentence", "This is another test sentence"]);
    const d = emb([
      corpusText({ title: "Title of d1", text: "This is a positive sentence" }),
      corpusText({ title: "Title of d2", text: "This is another positive sentence" }),
    ]);
    near(cosSim(q, d), [0.7302242517471313, 0.7787374258041382, 0.7675943970680237, 0.7900890707969666]);
  });

  it("mock STS / pair task: sklearn cosine, torch pairwise, Manhattan, Euclidean, dot", () => {
    const a = emb(["This is a test sentence", "This is another test sentence"]);
    const b = emb(["dette er en test sætning", "denne her matche ikke den ovenstående"]);
    // scikit-learn's float32 paths (numpy einsum order) are bit for bit.
    expect(Array.from(sklearnPairedCosine(a, b))).toEqual([0.7375020980834961, 0.7731508016586304]);
    near(pairwiseCosSim(a, b), [0.7375020384788513, 0.7731509208679199]);
    expect(Array.from(pairedManhattan(a, b))).toEqual([11.177837371826172, 10.721406936645508]);
    expect(Array.from(pairedEuclidean(a, b))).toEqual([2.4108424186706543, 2.1905980110168457]);
    // np.dot is BLAS sdot: mteb's CI got [7.974165916442871, 8.176445960998535], another OpenBLAS one float32 ulp
    // less (spec §16); embeval gives the latter.
    expect(Array.from(pairedDot(a, b))).toEqual([7.974165439605713, 8.176445007324219]);
  });
});
