/** Tests for the MT19937 core against the reference outputs of Matsumoto & Nishimura's mt19937ar and numpy/CPython. */
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../metrics/errors.js";
import { MT19937 } from "../../../metrics/rng/mt19937.js";
import { PY, RS } from "./vectors.js";

function take(g: MT19937, n: number): number[] {
  return Array.from({ length: n }, () => g.nextUint32());
}

describe("MT19937", () => {
  it("init_genrand(5489) gives the canonical first outputs", () => {
    expect(take(MT19937.fromSeed(5489), 3)).toEqual([3499211612, 581869302, 3890346734]);
  });

  it("init_by_array([0x123, 0x234, 0x345, 0x456]) matches mt19937ar.out", () => {
    const g = MT19937.fromKey([0x123, 0x234, 0x345, 0x456]);
    expect(take(g, 5)).toEqual([1067595299, 955945823, 477289528, 4107218783, 4228976476]);
    // output 1000 of mt19937ar.out's integer list
    const g2 = MT19937.fromKey([0x123, 0x234, 0x345, 0x456]);
    const all = take(g2, 1000);
    expect(all[999]).toBe(3460025646);
  });

  it("fromSeed equals numpy RandomState raw outputs", () => {
    for (const seed of ["42", "0", "1", "4294967295", "123456789"] as const) {
      expect(take(MT19937.fromSeed(Number(seed)), 5)).toEqual(RS[seed].raw);
    }
  });

  it("fromKey([42]) equals CPython Random(42).getrandbits(32)", () => {
    expect(take(MT19937.fromKey([42]), 5)).toEqual(PY["42"].u32);
  });

  it("nextDouble uses the 53-bit construction across a twist boundary", () => {
    const g = MT19937.fromSeed(42);
    const a = MT19937.fromSeed(42);
    for (let i = 0; i < 700; i++) {
      const x = a.nextUint32() >>> 5;
      const y = a.nextUint32() >>> 6;
      expect(g.nextDouble()).toBe((x * 67108864 + y) / 9007199254740992);
    }
  });

  it("rejects seeds outside [0, 2^32)", () => {
    for (const bad of [-1, 2 ** 32, 1.5, Number.NaN]) {
      let caught: unknown;
      try {
        MT19937.fromSeed(bad);
      } catch (e) {
        caught = e;
      }
      expect(isEmbevalError(caught, "E_INVALID_ARGUMENT")).toBe(true);
    }
  });
});
