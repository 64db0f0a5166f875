/** Tests for SeedSequence, PCG64 and Generator (numpy default_rng) against numpy 2.4.6 vectors (spec sections 15.3, 15.5, 15.6b, 16). */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../metrics/errors.js";
import { defaultRng } from "../../../metrics/rng/generator.js";
import { PCG64 } from "../../../metrics/rng/pcg64.js";
import { SeedSequence } from "../../../metrics/rng/seed-sequence.js";
import { GEN } from "./vectors.js";

const sha = (xs: ArrayLike<number>): string =>
  createHash("sha256").update(Array.from(xs).join(",")).digest("hex");

const SEEDS = [
  "42",
  "0",
  "1",
  "4294967295",
  "4294967296",
  "18446744073709551617",
  "1361129467683753853853498429727072858169",
  "2416569488",
] as const;

describe("SeedSequence + PCG64 seeding", () => {
  for (const seed of SEEDS) {
    it(`default_rng(${seed}): pool, state, inc and first three 64-bit outputs`, () => {
      const big = BigInt(seed);
      expect(Array.from(new SeedSequence(big).pool)).toEqual(GEN[seed].pool);
      const pcg = new PCG64(big);
      expect(pcg.stateBigInt()).toBe(BigInt(GEN[seed].state));
      expect(pcg.incBigInt()).toBe(BigInt(GEN[seed].inc));
      const g = defaultRng(big);
      expect([g.nextUint64(), g.nextUint64(), g.nextUint64()]).toEqual(GEN[seed].u64.map(BigInt));
    });
  }

  it("spec 15.5: the first 64-bit output of default_rng(42)", () => {
    expect(defaultRng(42).nextUint64()).toBe(14276969152011380360n);
    expect(defaultRng(42n).nextUint64()).toBe(14276969152011380360n);
  });

  it("rejects negative and non-integer seeds", () => {
    for (const bad of [-1, 0.5]) {
      let caught: unknown;
      try {
        defaultRng(bad);
      } catch (e) {
        caught = e;
      }
      expect(isEmbevalError(caught, "E_INVALID_ARGUMENT")).toBe(true);
    }
  });
});

describe("Generator floats and the 32-bit buffer", () => {
  it("random() float64, random(float32) with buffered high halves interleaved", () => {
    const g = defaultRng(42);
    expect([g.random(), g.random(), g.random()]).toEqual(GEN.random.map(Number));
    expect(Array.from(g.randomFloat32Array(5))).toEqual(GEN.f32.map(Number));
    expect(Array.from(g.randomFloat32Array(3))).toEqual(GEN.f32odd.map(Number));
    expect(g.random()).toBe(Number(GEN.afterOdd));
    expect(g.randomFloat32()).toBe(Number(GEN.f32next));
  });

  it("nextUint32 returns low then high half of one 64-bit output", () => {
    const a = defaultRng(7);
    const b = defaultRng(7);
    const v = a.nextUint64();
    expect(BigInt(b.nextUint32())).toBe(v & 0xffffffffn);
    expect(BigInt(b.nextUint32())).toBe(v >> 32n);
  });

  it("spec 16: random-encoder vectors (sha256(text) mod 2^32 -> random(32, float32))", () => {
    const spec: Record<string, [bigint, number[]]> = {
      hello: [2475399204n, [0.7764699459075928, 0.5711065530776978, 0.3735821843147278, 0.559978187084198]],
      "": [2018687061n, [0.6806396842002869, 0.603676974773407, 0.8603056073188782, 0.4297792315483093]],
      "The cat sat on the mat.": [
        2416569488n,
        [0.4046236276626587, 0.4577960968017578, 0.6696431040763855, 0.8828427791595459],
      ],
    };
    for (const [text, v] of Object.entries(GEN.encoder)) {
      const seed = BigInt(`0x${createHash("sha256").update(text, "utf8").digest("hex")}`) % 2n ** 32n;
      expect(seed).toBe(BigInt(v.seed));
      const emb = defaultRng(seed).randomFloat32Array(32);
      expect(Array.from(emb)).toEqual(v.v.map(Number));
      if (text in spec) {
        expect(seed).toBe(spec[text][0]);
        expect(Array.from(emb.slice(0, 4))).toEqual(spec[text][1]);
      }
    }
    expect(Object.keys(GEN.encoder)).toHaveLength(4);
  });
});

describe("Generator bounded integers", () => {
  it("integers(): small, negative, > 2^16 ranges", () => {
    const g = defaultRng(42);
    const got = [
      ...Array.from({ length: 5 }, () => g.integers(0, 10)),
      ...Array.from({ length: 3 }, () => g.integers(-5, 5)),
      ...Array.from({ length: 3 }, () => g.integers(0, 100000)),
    ];
    expect(got).toEqual(GEN.ints);
    // continue: the edge ranges around 2^32 and the 64-bit Lemire path
    const edge = [
      g.integers(0, 2 ** 32),
      g.integers(0, 2 ** 32 - 1),
      g.integers(0, 2 ** 32 + 1),
      g.integers(5, 6),
      g.integers(0, 2 ** 40),
      g.integers(0, 3 * 2 ** 31),
    ];
    expect(edge).toEqual(GEN.intsEdge);
    expect(g.nextUint64()).toBe(BigInt(GEN.intsAfter));
  });

  it("integers rejects empty ranges", () => {
    let caught: unknown;
    try {
      defaultRng(1).integers(2, 2);
    } catch (e) {
      caught = e;
    }
    expect(isEmbevalError(caught, "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("Generator shuffle / permutation / choice(replace=False)", () => {
  const spec20 = [15, 9, 14, 7, 12, 10, 6, 19, 3, 0, 16, 5, 11, 18, 2, 4, 17, 1, 13, 8];

  it("spec 15.3: shuffle(list(range(20))) and permutation(20)", () => {
    const x = Array.from({ length: 20 }, (_, i) => i);
    defaultRng(42).shuffle(x);
    expect(x).toEqual(spec20);
    expect(Array.from(defaultRng(42).permutation(20))).toEqual(spec20);
    expect(defaultRng(42).permuted(Array.from({ length: 20 }, (_, i) => `r${i}`))).toEqual(
      spec20.map((i) => `r${i}`),
    );
  });

  it("permutation(100000)", () => {
    const p = defaultRng(99).permutation(100000);
    expect(Array.from(p.slice(0, 10))).toEqual(GEN.perm100k.first);
    expect(sha(p)).toBe(GEN.perm100k.sha);
  });

  it("spec 15.6b: multilabel stream, two shuffles of arange(10) on one generator", () => {
    const g = defaultRng(42);
    const e0 = Array.from({ length: 10 }, (_, i) => i);
    g.shuffle(e0);
    const e1 = Array.from({ length: 10 }, (_, i) => i);
    g.shuffle(e1);
    expect([e0, e1]).toEqual([
      [5, 6, 0, 7, 3, 2, 4, 9, 1, 8],
      [4, 8, 2, 6, 5, 9, 7, 3, 0, 1],
    ]);
    expect([e0, e1]).toEqual(GEN.multilabel);
  });

  it("choice(replace=False): Floyd (small, size == pop, pop > 10000 with size == pop//50, pop == 10000) and tail shuffle", () => {
    const g = defaultRng(12345);
    expect(Array.from(g.choiceNoReplace(100, 5))).toEqual(GEN.choiceFloyd);
    expect(Array.from(g.choiceNoReplace(5, 5))).toEqual(GEN.choiceFloydAll);
    expect(Array.from(g.choiceNoReplace(20000, 400).slice(0, 10))).toEqual(GEN.choiceFloydBig);
    const tail = g.choiceNoReplace(20000, 401);
    expect(tail.length).toBe(GEN.choiceTail.len);
    expect(Array.from(tail.slice(0, 10))).toEqual(GEN.choiceTail.first);
    expect(sha(tail)).toBe(GEN.choiceTail.sha);
    const all = g.choiceNoReplace(20000, 20000);
    expect(Array.from(all.slice(0, 10))).toEqual(GEN.choiceTailAll.first);
    expect(sha(all)).toBe(GEN.choiceTailAll.sha);
    const f10k = g.choiceNoReplace(10000, 5000);
    expect(Array.from(f10k.slice(0, 10))).toEqual(GEN.choiceFloyd10k.first);
    expect(sha(f10k)).toBe(GEN.choiceFloyd10k.sha);
    expect(g.choiceFrom([3, 7, 9], 2)).toEqual(GEN.choiceArr);
    expect(g.nextUint64()).toBe(BigInt(GEN.afterChoice));
  });

  it("choiceNoReplace(pop, 0) draws nothing and size > pop throws", () => {
    const g = defaultRng(42);
    expect(g.choiceNoReplace(10, 0).length).toBe(0);
    expect(g.nextUint64()).toBe(14276969152011380360n);
    let caught: unknown;
    try {
      g.choiceNoReplace(3, 4);
    } catch (e) {
      caught = e;
    }
    expect(isEmbevalError(caught, "E_INVALID_ARGUMENT")).toBe(true);
  });
});
