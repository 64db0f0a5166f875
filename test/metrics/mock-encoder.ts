/** Test helper: mteb's mock STS/pair task embedded with the random baseline encoder (spec section 16). */
import { fromRows, type Matrix } from "../../metrics/matrix.js";
import { randomEncoderVector } from "../../src/embedders/random-encoder.js";

/** The random baseline's embedding of one text (the product's implementation). */
export const randomEncoderEmbed = (text: string): Float32Array => randomEncoderVector(text);

/** The mock STS / pair-classification task's two sentence columns, embedded. */
export function mockPairEmbeddings(): { e1: Matrix; e2: Matrix } {
  return {
    e1: fromRows([
      randomEncoderEmbed("This is a test sentence"),
      randomEncoderEmbed("This is another test sentence"),
    ]),
    e2: fromRows([
      randomEncoderEmbed("dette er en test sætning"),
      randomEncoderEmbed("denne her matche ikke den ovenstående"),
    ]),
  };
}

/** Relative difference |a − b| / |b|. */
export function relDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.abs(b);
}
