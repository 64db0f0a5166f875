/**
 * mteb's `baseline-random-encoder` (mteb/models/model_implementations/random_baseline.py): each text's vector is
 * `default_rng(int(sha256(utf8(text)).hexdigest(), 16) mod 2**32).random(32, dtype=float32)`; None becomes "".
 * Deterministic per text, prompt-independent, cosine similarity.
 */
import { createHash } from "node:crypto";
import { defaultRng } from "../../metrics/rng/generator.js";

/** Embedding size of the random encoder. */
export const RANDOM_ENCODER_DIM = 32;

/** The numpy seed mteb derives from a text: sha256 of its UTF-8 bytes, as an integer, mod 2³². */
export function randomEncoderSeed(text: string | null | undefined): number {
  const digest = createHash("sha256")
    .update(text ?? "", "utf8")
    .digest();
  // The low 32 bits of the big-endian integer are its last 4 bytes.
  return digest.readUInt32BE(digest.length - 4);
}

/** One text's vector, bit-identical to mteb's. */
export function randomEncoderVector(text: string | null | undefined): Float32Array {
  return defaultRng(randomEncoderSeed(text)).randomFloat32Array(RANDOM_ENCODER_DIM);
}

/** Vectors for many texts as one row-major float32 buffer. */
export function randomEncoderMatrix(texts: readonly (string | null | undefined)[]): Float32Array {
  const out = new Float32Array(texts.length * RANDOM_ENCODER_DIM);
  for (let i = 0; i < texts.length; i++) out.set(randomEncoderVector(texts[i]), i * RANDOM_ENCODER_DIM);
  return out;
}
