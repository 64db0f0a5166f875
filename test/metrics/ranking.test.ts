/** The one ranking function: code-point id order, float32 vs double precision, doc-id-desc vs stable ties. */
import { describe, expect, it } from "vitest";
import {
  compareCodePoints,
  MTEB_DOUBLE_RANKING,
  rankDocuments,
  rankIds,
  STABLE_SCORE_RANKING,
  TREC_EVAL_RANKING,
} from "../../metrics/ranking.js";
import { runFromTriples } from "../../metrics/retrieval/triples.js";
import { listCases, loadCase, readTriples } from "../helpers/oracle.js";

const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);
const jsLess = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe("compareCodePoints", () => {
  it("orders an astral-plane character after U+FF5A, unlike JS `<` (UTF-16 code units)", () => {
    const grin = "\u{1F600}"; // UTF-16 D83D DE00, UTF-8 F0 9F 98 80
    const fullwidthZ = "\uFF5A"; // UTF-8 EF BD 9A
    expect(compareCodePoints(grin, fullwidthZ)).toBeGreaterThan(0);
    expect(grin < fullwidthZ).toBe(true); // the JS comparison gets it the other way round
    expect(Buffer.compare(Buffer.from(grin), Buffer.from(fullwidthZ))).toBe(1);
  });

  it("is strcmp on UTF-8 bytes: numeric-looking, mixed-case, accented and CJK ids", () => {
    expect(sign(compareCodePoints("9", "10"))).toBe(1);
    expect(sign(compareCodePoints("10", "100"))).toBe(-1);
    expect(sign(compareCodePoints("Doc", "doc"))).toBe(-1);
    expect(sign(compareCodePoints("é", "z"))).toBe(1);
    expect(sign(compareCodePoints("文", "é"))).toBe(1);
    expect(compareCodePoints("abc", "abc")).toBe(0);
  });

  it("agrees with UTF-8 byte order on random strings mixing BMP and astral characters", () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pool = [0x41, 0x7a, 0xe9, 0x6587, 0xe000, 0xff5a, 0xfffd, 0x1f600, 0x10437, 0x20000];
    const make = () =>
      String.fromCodePoint(
        ...Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pool[Math.floor(rnd() * pool.length)]),
      );
    let disagreeWithJs = 0;
    for (let i = 0; i < 2000; i++) {
      const a = make();
      const b = make();
      const bytes = Buffer.compare(Buffer.from(a), Buffer.from(b));
      expect(sign(compareCodePoints(a, b)), `${a} vs ${b}`).toBe(bytes);
      if (sign(jsLess(a, b)) !== bytes) disagreeWithJs++;
    }
    expect(disagreeWithJs).toBeGreaterThan(0);
  });
});

describe("rankDocuments", () => {
  const scores = new Map([
    ["b", 0.5],
    ["c", 0.9],
    ["a", 0.5],
    ["d", 0.5],
  ]);

  it("breaks ties by doc id descending", () => {
    expect(rankIds(scores, MTEB_DOUBLE_RANKING)).toEqual(["c", "d", "b", "a"]);
    expect(rankIds(scores, TREC_EVAL_RANKING)).toEqual(["c", "d", "b", "a"]);
  });

  it("stable ties keep insertion order (skip_first_result)", () => {
    expect(rankIds(scores, STABLE_SCORE_RANKING)).toEqual(["c", "b", "a", "d"]);
  });

  it("float32 precision ties doubles closer than float32 resolution; float64 keeps them apart", () => {
    const s = new Map([
      ["x", 0.7 + 1e-9],
      ["y", 0.7],
    ]);
    expect(rankIds(s, MTEB_DOUBLE_RANKING)).toEqual(["x", "y"]);
    expect(rankIds(s, TREC_EVAL_RANKING)).toEqual(["y", "x"]); // tie in float32 → id descending
  });

  it("returns the original double scores and leaves the input untouched", () => {
    const before = [...scores];
    const ranked = rankDocuments(new Map([["x", 0.1 + 0.2]]), TREC_EVAL_RANKING);
    expect(ranked[0].score).toBe(0.1 + 0.2);
    expect([...scores]).toEqual(before);
  });

  it("rejects NaN scores", () => {
    expect(() => rankIds(new Map([["x", Number.NaN]]), TREC_EVAL_RANKING)).toThrow(/NaN/);
  });

  it.skipIf(!listCases().includes("retrieval_ties_ids"))(
    "retrieval_ties_ids: JS `<` would give a different order on astral-plane ids",
    () => {
      const c = loadCase("retrieval_ties_ids");
      const run = runFromTriples(readTriples(c.text(c.inputs.run)));
      let differing = 0;
      for (const docs of run.values()) {
        const ours = rankIds(docs, TREC_EVAL_RANKING);
        const js = [...docs]
          .sort((p, q) => Math.fround(q[1]) - Math.fround(p[1]) || jsLess(q[0], p[0]))
          .map((e) => e[0]);
        if (ours.join("\u0000") !== js.join("\u0000")) differing++;
      }
      expect(differing).toBeGreaterThan(0);
    },
  );
});
