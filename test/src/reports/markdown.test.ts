/** The markdown report: summary table, per-type tables with abbreviations and legend, 2-decimal ×100 cells, blanks for missing. */
import { describe, expect, it } from "vitest";
import { abbreviateTasks } from "../../../src/reports/abbreviate.js";
import { formatParams, formatScore, renderMarkdownReport } from "../../../src/reports/markdown.js";
import { smallAggregate } from "./fixture.js";

describe("markdown report", () => {
  const md = renderMarkdownReport(smallAggregate());
  const lines = md.split("\n");

  it("prints the summary with Params/Dim, Avg Tasks, Avg Type and a column per type", () => {
    const i = lines.indexOf("## Summary");
    expect(lines[i + 2]).toBe(
      "| Rank (Borda) | Model | Params | Dim | Avg Tasks | Avg Type | Retrieval | STS |",
    );
    expect(lines[i + 4]).toBe("| 1 | org/a | 596M | 1024 | 50.00 | 59.41 | 31.17 | 87.66 |");
    expect(lines[i + 5]).toBe("| 2 | org/b\\|pipe |  |  |  |  |  | 10.00 |");
  });

  it("prints one table per type with abbreviated task columns and a legend", () => {
    const i = lines.indexOf("### Retrieval (2 tasks)");
    expect(i).toBeGreaterThan(0);
    expect(lines[i + 2]).toBe("| Model | AA | CQAD | Avg |");
    expect(lines[i + 4]).toBe("| org/a | 12.35 | 50.00 | 31.17 |");
    expect(lines[i + 5]).toBe("| org/b\\|pipe | 20.00 |  |  |");
    expect(lines[i + 7]).toBe("AA = ArguAna; CQAD = CQADupstackRetrieval");
    expect(md).toContain("### STS (1 task)");
  });

  it("names missing tasks and models without results, and states the CQADupstack rebuild only when used", () => {
    expect(md).toContain("- org/b|pipe: missing 1 task: CQADupstackRetrieval");
    expect(md).toContain("Without any result on this benchmark (not shown): org/empty.");
    expect(md).not.toContain("rebuilt");
    expect(renderMarkdownReport(smallAggregate(true))).toContain(
      "**CQADupstackRetrieval rebuilt from its 12 sub-task files** (--rebuild-cqadupstack; mteb and its leaderboard never do this) for: org/a.",
    );
  });

  it("adds mteb's per-language table when given one", () => {
    const withLang = renderMarkdownReport(smallAggregate(), {
      benchmark: "Tiny(bench)",
      languages: ["eng-Latn", "deu-Latn"],
      models: [{ model: "org/a", scores: { "eng-Latn": 0.5, "deu-Latn": null }, bordaRank: 1 }],
    });
    const l = withLang.split("\n");
    const i = l.indexOf("## Per language (mteb leaderboard method)");
    expect(i).toBeGreaterThan(0);
    expect(l[i + 4]).toBe("| Model | eng-Latn | deu-Latn |");
    expect(l[i + 6]).toBe("| org/a | 50.00 |  |");
    expect(md).not.toContain("Per language");
  });

  it("formats scores and parameter counts", () => {
    expect(formatScore(null)).toBe("");
    expect(formatScore(0.876549)).toBe("87.65");
    expect(formatScore(-0.0247)).toBe("-2.47");
    expect(formatParams(1.5e9)).toBe("1.5B");
    expect(formatParams(211766016)).toBe("212M");
    expect(formatParams(0)).toBe("");
  });

  it("abbreviations are unique", () => {
    const names = [
      "STS12",
      "STS13",
      "MassiveIntentClassification",
      "MassiveScenarioClassification",
      "MIRACLRetrieval",
      "MIRACLReranking",
    ];
    const labels = abbreviateTasks(names);
    expect(new Set(labels).size).toBe(names.length);
    expect(labels.slice(0, 2)).toEqual(["STS12", "STS13"]);
  });
});
