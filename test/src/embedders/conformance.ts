/**
 * The conformance suite every embedder runs (architecture habit 3): deterministic output, the declared dimension,
 * batch-composition invariance, roles/prompts, empty and very long texts, non-Latin scripts, abort. A backend that
 * cannot meet a check passes `skip: { check: "written reason" }`.
 */
import { describe, expect, it } from "vitest";
import type { Embedder, EncodeContext } from "../../../src/embedders/types.js";

/** Names of the checks, for skips. */
export type ConformanceCheck =
  | "deterministic"
  | "dimension"
  | "batchInvariance"
  | "roles"
  | "emptyAndLong"
  | "scripts"
  | "abort";

/** How to run the suite for one backend. */
export interface ConformanceOptions {
  name: string;
  make: () => Promise<Embedder> | Embedder;
  /** Allowed per-element difference for batch invariance (ONNX kernels block differently per padded shape). */
  batchTolerance?: number;
  /** Checks this backend cannot meet, each with the reason. */
  skip?: Partial<Record<ConformanceCheck, string>>;
  /** A role/context for which the model applies a prompt, to check prompts change vectors. */
  promptedContext?: EncodeContext;
}

const SYM: EncodeContext = { role: "symmetric" };
const TEXTS = ["The cat sat on the mat.", "a", "Embeddings map text to vectors.", "short", "x y z"];

function maxDiff(a: Float32Array, b: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** Register the conformance tests for one embedder. */
export function runConformance(opts: ConformanceOptions): void {
  const check = (name: ConformanceCheck, title: string, fn: () => Promise<void>) => {
    const reason = opts.skip?.[name];
    if (reason) it.skip(`${title} — skipped: ${reason}`, fn);
    else it(title, fn);
  };
  describe(`embedder conformance: ${opts.name}`, () => {
    check("dimension", "returns texts × declared dim finite float32 values", async () => {
      const e = await opts.make();
      const v = await e.embed(TEXTS, SYM);
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(TEXTS.length * e.info.dim);
      expect(v.every(Number.isFinite)).toBe(true);
      await e.close();
    });
    check("deterministic", "is deterministic across calls and instances", async () => {
      const a = await opts.make();
      const b = await opts.make();
      const v1 = await a.embed(TEXTS, SYM);
      expect(await a.embed(TEXTS, SYM)).toEqual(v1);
      expect(await b.embed(TEXTS, SYM)).toEqual(v1);
      await a.close();
      await b.close();
    });
    check("batchInvariance", "a text's vector does not depend on its batch", async () => {
      const e = await opts.make();
      const d = e.info.dim;
      const all = await e.embed(TEXTS, SYM);
      for (let i = 0; i < TEXTS.length; i++) {
        const alone = await e.embed([TEXTS[i]], SYM);
        expect(maxDiff(alone, all.subarray(i * d, (i + 1) * d))).toBeLessThanOrEqual(
          opts.batchTolerance ?? 0,
        );
      }
      const reversed = await e.embed([...TEXTS].reverse(), SYM);
      const n = TEXTS.length;
      for (let i = 0; i < n; i++) {
        const r = reversed.subarray((n - 1 - i) * d, (n - i) * d);
        expect(maxDiff(r, all.subarray(i * d, (i + 1) * d))).toBeLessThanOrEqual(opts.batchTolerance ?? 0);
      }
      await e.close();
    });
    check("roles", "applies its prompt for the prompted role and none elsewhere", async () => {
      const e = await opts.make();
      const ctx = opts.promptedContext;
      if (!ctx) {
        expect(e.promptFor({ role: "query" })).toBeUndefined();
        expect(await e.embed(["q"], { role: "query" })).toEqual(await e.embed(["q"], SYM));
      } else {
        expect(e.promptFor(ctx)).toBeTypeOf("string");
        expect(await e.embed(["q"], ctx)).not.toEqual(await e.embed(["q"], SYM));
      }
      await e.close();
    });
    check("emptyAndLong", "embeds an empty text and a very long one", async () => {
      const e = await opts.make();
      const long = "word ".repeat(20000);
      const v = await e.embed(["", long], SYM);
      expect(v.length).toBe(2 * e.info.dim);
      expect(v.every(Number.isFinite)).toBe(true);
      await e.close();
    });
    check("scripts", "embeds non-Latin scripts and astral characters", async () => {
      const e = await opts.make();
      const texts = ["日本語の文です。", "Ελληνικά", "العربية", "हिन्दी", "😀 emoji 𝔘𝔫𝔦𝔠𝔬𝔡𝔢"];
      const v = await e.embed(texts, SYM);
      expect(v.every(Number.isFinite)).toBe(true);
      const d = e.info.dim;
      expect(maxDiff(v.subarray(0, d), v.subarray(d, 2 * d))).toBeGreaterThan(0);
      await e.close();
    });
    check("abort", "rejects an aborted call with E_ABORTED", async () => {
      const e = await opts.make();
      const ac = new AbortController();
      ac.abort();
      await expect(e.embed(TEXTS, SYM, ac.signal)).rejects.toMatchObject({ code: "E_ABORTED" });
      await e.close();
    });
  });
}
