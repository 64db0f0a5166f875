/** Snowball English (Porter2) port: known stems, the algorithm's exceptions, and ~5,000 words stemmed by libstemmer 2.2.0. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stemEnglish } from "../../../src/search/snowball-english.js";

const FIXTURE = join(import.meta.dirname, "fixtures", "snowball-english-libstemmer-2.2.0.tsv");

describe("stemEnglish", () => {
  it("stems the textbook examples", () => {
    const cases: [string, string][] = [
      ["running", "run"],
      ["generously", "generous"],
      ["happiness", "happi"],
      ["caresses", "caress"],
      ["ponies", "poni"],
      ["ties", "tie"],
      ["cats", "cat"],
      ["gaps", "gap"],
      ["gas", "gas"],
      ["hopping", "hop"],
      ["hoped", "hope"],
      ["agreed", "agre"],
      ["feed", "feed"],
      ["luxuriated", "luxuri"],
      ["conflated", "conflat"],
      ["crying", "cri"],
      ["sensational", "sensat"],
      ["communism", "communism"],
      ["generate", "generat"],
      ["arsenal", "arsenal"],
    ];
    for (const [word, stem] of cases) expect(stemEnglish(word), word).toBe(stem);
  });

  it("applies exception1/exception2 and leaves words shorter than 3 alone", () => {
    expect(stemEnglish("skies")).toBe("sky");
    expect(stemEnglish("dying")).toBe("die");
    expect(stemEnglish("early")).toBe("earli");
    expect(stemEnglish("news")).toBe("news");
    expect(stemEnglish("innings")).toBe("inning");
    expect(stemEnglish("succeeded")).toBe("succeed");
    expect(stemEnglish("proceed")).toBe("proceed");
    expect(stemEnglish("is")).toBe("is");
    expect(stemEnglish("as")).toBe("as");
  });

  it("marks consonant y (prelude) and restores it (postlude)", () => {
    expect(stemEnglish("sayings")).toBe("say");
    expect(stemEnglish("yellow")).toBe("yellow");
    expect(stemEnglish("enjoying")).toBe("enjoy");
    expect(stemEnglish("happy")).toBe("happi");
    expect(stemEnglish("obeyed")).toBe("obey");
  });

  it("counts code points, not UTF-16 units", () => {
    expect(stemEnglish("naïvely")).toBe("naïv");
    // "ies" after one character becomes "ie" (hop 2 fails): one code point here, two UTF-16 units.
    expect(stemEnglish("𝐀ies")).toBe("𝐀ie");
    expect(stemEnglish("éies")).toBe("éie");
  });

  it("matches libstemmer 2.2.0 `english` on every word of the fixture", () => {
    const rows = readFileSync(FIXTURE, "utf8")
      .split("\n")
      .filter((l) => l.length > 0 && !l.startsWith("# "))
      .map((l) => l.split("\t"));
    expect(rows.length).toBeGreaterThan(5000);
    const wrong = rows
      .filter(([w, s]) => stemEnglish(w) !== s)
      .map(([w, s]) => `${w}: ${s} vs ${stemEnglish(w)}`);
    expect(wrong).toEqual([]);
  });
});
