/** Benchmarks of the bit-exact RNG ports (metrics/rng): random-encoder embeddings, shuffles, CPython sampling. */
import { createHash } from "node:crypto";
import { defaultRng } from "../../metrics/rng/generator.js";
import { PythonRandom } from "../../metrics/rng/python-random.js";
import { RandomState } from "../../metrics/rng/random-state.js";
import { type BenchRow, timeIt } from "./types.js";

/** The random-baseline encoder: sha256(text) mod 2^32 seeds default_rng, 32 float32 per text. */
function randomEncode(texts: readonly string[]): Float32Array {
  const out = new Float32Array(texts.length * 32);
  for (let i = 0; i < texts.length; i++) {
    const digest = createHash("sha256").update(texts[i], "utf8").digest();
    const seed = digest.readUInt32BE(28);
    out.set(defaultRng(seed).randomFloat32Array(32), i * 32);
  }
  return out;
}

export async function bench(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const texts = Array.from({ length: 100_000 }, (_, i) => `document number ${i}`);
  const enc = await timeIt(() => randomEncode(texts));
  rows.push({
    name: "random-encoder (sha256 + default_rng + random(32, f32))",
    workload: "100,000 texts",
    ...enc,
  });
  const perm = await timeIt(() => defaultRng(42).permutation(1_000_000));
  rows.push({ name: "default_rng.permutation", workload: "n = 1,000,000", ...perm });
  const rs = await timeIt(() => new RandomState(42).permutation(1_000_000));
  rows.push({ name: "RandomState.permutation", workload: "n = 1,000,000", ...rs });
  const py = await timeIt(() => {
    const r = new PythonRandom(42);
    r.sample(1_000_000, 40_000);
    for (let i = 0; i < 10; i++) r.choices(40_000, 16_384);
  });
  rows.push({
    name: "PythonRandom sample + 10 x choices",
    workload: "sample(1e6, 4e4) + 10 x choices(k=16384)",
    ...py,
  });
  return rows;
}
