/** Edit distance and "did you mean" suggestions for unknown task and suite names. */
import { describe, expect, it } from "vitest";
import { didYouMean, editDistance, suggest } from "../../tasks/registry/suggest.js";

describe("editDistance", () => {
  it("matches hand-computed Levenshtein distances", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("abc", "")).toBe(3);
    expect(editDistance("", "ab")).toBe(2);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("flaw", "lawn")).toBe(2);
    expect(editDistance("SciFact", "SciFcat")).toBe(2);
    expect(editDistance("beir", "bier")).toBe(2);
    expect(editDistance("same", "same")).toBe(0);
  });

  it("is symmetric", () => {
    const words = ["NFCorpus", "NQ", "ArguAna", "arguana", "MSMARCO", ""];
    for (const a of words) for (const b of words) expect(editDistance(a, b)).toBe(editDistance(b, a));
  });
});

describe("suggest", () => {
  const names = ["SciFact", "SciFact-PL", "SciDocsRR", "SCIDOCS", "NFCorpus", "ArguAna", "ArguAna-PL"];

  it("ranks close names first, ignoring case", () => {
    expect(suggest("scifact", names)[0]).toBe("SciFact");
    expect(suggest("SciFcat", names)).toEqual(["SciFact"]);
    expect(suggest("arguana", names)).toEqual(["ArguAna", "ArguAna-PL"]);
  });

  it("adds names containing the query after the close ones", () => {
    expect(suggest("Corpus", names)).toEqual(["NFCorpus"]);
  });

  it("returns nothing for unrelated names, and the fallback hint", () => {
    expect(suggest("zzzzzzzz", names)).toEqual([]);
    expect(didYouMean("zzzzzzzz", names, "see the list")).toBe("see the list");
    expect(didYouMean("NFCorpos", names, "x")).toBe('did you mean "NFCorpus"?');
  });
});
