/** Tests for PythonRandom against CPython 3.11 `random.Random` vectors (spec section 15.2, 15.6b and generated ones). */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { isEmbevalError } from "../../../metrics/errors.js";
import { PythonRandom } from "../../../metrics/rng/python-random.js";
import { PY } from "./vectors.js";

const sha = (xs: readonly number[]): string => createHash("sha256").update(xs.join(",")).digest("hex");

function throwsCode(fn: () => unknown, code: "E_INVALID_ARGUMENT"): boolean {
  try {
    fn();
  } catch (e) {
    return isEmbevalError(e, code);
  }
  return false;
}

describe("PythonRandom seeding and raw draws", () => {
  const seeds = [
    "42",
    "0",
    "1",
    "4294967295",
    "4294967296",
    "1099511627781",
    "-7",
    "1267650600228229401496703205379",
  ] as const;
  for (const seed of seeds) {
    it(`Random(${seed}) getrandbits(32) and random()`, () => {
      const r = new PythonRandom(BigInt(seed));
      const u32 = Array.from({ length: 5 }, () => Number(r.getrandbits(32)));
      expect(u32).toEqual(PY[seed].u32);
      expect([r.random(), r.random(), r.random()]).toEqual(PY[seed].random.map(Number));
    });
  }

  it("number and bigint seeds agree, negative seeds use abs", () => {
    expect(new PythonRandom(42).random()).toBe(new PythonRandom(42n).random());
    expect(new PythonRandom(-7).nextUint32()).toBe(new PythonRandom(7).nextUint32());
    expect(throwsCode(() => new PythonRandom(1.5), "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("PythonRandom integer methods", () => {
  it("getrandbits for k = 0, <32, 32, >32 (little-endian words, last word shifted)", () => {
    const r = new PythonRandom(123);
    for (const [k, v] of PY.getrandbits) expect(r.getrandbits(k)).toBe(BigInt(v));
  });

  it("randrange / randint including k > 32 bits and negative steps", () => {
    const r = new PythonRandom(7);
    const got = [
      r.randrange(10),
      r.randrange(10 ** 10),
      r.randrange(3, 1000, 7),
      r.randrange(100, 0, -3),
      r.randrange(-5, 5),
      r.randrange(2 ** 40),
      r.randint(1, 6),
    ];
    expect(got).toEqual(PY.randrange);
  });

  it("randrange errors like CPython", () => {
    const r = new PythonRandom(1);
    expect(throwsCode(() => r.randrange(0), "E_INVALID_ARGUMENT")).toBe(true);
    expect(throwsCode(() => r.randrange(5, 5), "E_INVALID_ARGUMENT")).toBe(true);
    expect(throwsCode(() => r.randrange(0, 10, 0), "E_INVALID_ARGUMENT")).toBe(true);
    expect(throwsCode(() => r.randrange(0, 10, -1), "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("PythonRandom.sample", () => {
  it("spec 15.2: Random(42).sample(range(100), 5)", () => {
    expect(new PythonRandom(42).sample(100, 5)).toEqual([81, 14, 3, 94, 35]);
  });

  const cases = Object.keys(PY.sample) as (keyof typeof PY.sample)[];
  for (const key of cases) {
    it(`sample(range(${key.replace(",", "), ")}) (pool and set branches) and the next draw`, () => {
      const [n, k] = key.split(",").map(Number);
      const r = new PythonRandom(42);
      const s = r.sample(n, k);
      expect(s.slice(0, 10)).toEqual(PY.sample[key].first);
      expect(sha(s)).toBe(PY.sample[key].sha);
      expect(r.nextUint32()).toBe(PY.sample[key].next);
    });
  }

  it("sample from a huge range (randbelow with k > 32 bits)", () => {
    expect(new PythonRandom(3).sample(2 ** 40, 5)).toEqual(PY.sampleBig);
  });

  it("samplePopulation maps the same draws", () => {
    const pop = Array.from({ length: 100 }, (_, i) => `x${i}`);
    expect(new PythonRandom(42).samplePopulation(pop, 5)).toEqual(["x81", "x14", "x3", "x94", "x35"]);
  });

  it("rejects k > n and negative k", () => {
    const r = new PythonRandom(1);
    expect(throwsCode(() => r.sample(3, 4), "E_INVALID_ARGUMENT")).toBe(true);
    expect(throwsCode(() => r.sample(3, -1), "E_INVALID_ARGUMENT")).toBe(true);
  });
});

describe("PythonRandom choices / choice / shuffle", () => {
  it("spec 15.2: Random(42).choices(range(100), k=5)", () => {
    expect(new PythonRandom(42).choices(100, 5)).toEqual([63, 2, 27, 22, 73]);
  });

  it("choices(range(100), k=1000)", () => {
    const c = new PythonRandom(42).choices(100, 1000);
    expect(c.slice(0, 10)).toEqual(PY.choices.first);
    expect(sha(c)).toBe(PY.choices.sha);
  });

  it("shuffle(list(range(30))) then choice('abcdefg') x8", () => {
    const r = new PythonRandom(5);
    const x = Array.from({ length: 30 }, (_, i) => i);
    r.shuffle(x);
    expect(x).toEqual(PY.shuffle30);
    const letters = [..."abcdefg"];
    expect(Array.from({ length: 8 }, () => r.choice(letters))).toEqual(PY.choice);
  });

  it("spec 15.6b: fast-clustering stream sample(range(2048), 81) then choices(range(81), k=16384)", () => {
    const r = new PythonRandom(42);
    const s = r.sample(2048, 81);
    expect(s.slice(0, 10)).toEqual([456, 102, 1126, 1003, 914, 571, 419, 356, 1728, 130]);
    const c = r.choices(81, 16384);
    expect(c.slice(0, 10)).toEqual([11, 60, 43, 60, 34, 47, 29, 80, 11, 39]);
    expect(c.slice(-3)).toEqual([70, 68, 6]);
    expect(sha(c)).toBe(PY.fast.sha);
  });
});
