/**
 * The self-contained HTML report: escaping of every data string, no external resources, tables, μ ± 3σ heat-map
 * colouring, score-vs-dimension curves from experiments/embed_dim_* folders, and `embeval report --format html`
 * / `--languages mteb|paper` (JSON, markdown) on ../shared/results.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { memoryIo } from "../../../src/cli/io.js";
import { runReport } from "../../../src/cli/report.js";
import { isEmbevalError } from "../../../src/errors.js";
import { HTML_CSP, renderHtmlReport } from "../../../src/reports/html.js";
import type { JsonReport } from "../../../src/reports/json.js";
import { heatColor, position, stats } from "../../../src/reports/svg/color.js";
import { curveSvg } from "../../../src/reports/svg/curve.js";
import { dimensionCurves } from "../../../src/reports/svg/dims.js";
import { esc } from "../../../src/reports/svg/escape.js";
import type { BenchmarkAggregate } from "../../../src/results/aggregate.js";
import type { PerLanguageTable } from "../../../src/results/per-language.js";
import type { ScoresEntry, TaskResult } from "../../../src/results/task-result.js";
import type { LoadedTaskFile, ResultTree, RevisionFolder } from "../../../src/results/tree.js";
import { SHARED_DIR } from "../../helpers/shared.js";
import { smallAggregate } from "./fixture.js";

const EVIL = `org/<script>alert("x")</script>'q&`;
const EVIL_TASK = `Evil<img src=x onerror=alert(1)>"'`;

function evilAggregate(): BenchmarkAggregate {
  const base = smallAggregate();
  const [a, b] = base.models;
  return {
    ...base,
    benchmark: `Bench</title><script>1</script>`,
    tasks: [...base.tasks, { name: EVIL_TASK, type: "T<b>", evalSplits: ["test"], hfSubsets: ["default"] }],
    types: [...base.types, "T<b>"],
    models: [
      { ...a, model: EVIL, tasks: { ...a.tasks, [EVIL_TASK]: 0.5 }, byType: { ...a.byType, "T<b>": 0.5 } },
      {
        ...b,
        tasks: { ...b.tasks, [EVIL_TASK]: null },
        byType: { ...b.byType, "T<b>": null },
        missing: [...b.missing, EVIL_TASK],
      },
    ],
  };
}

const ODD = `<l"'>`;

const LANGS: PerLanguageTable = {
  benchmark: "x",
  languages: ["de", "fr", ODD],
  models: [
    { model: EVIL, scores: { de: 0.9, fr: 0.5, [ODD]: 0.4 }, bordaRank: 1 },
    { model: "org/b", scores: { de: 0.6, fr: 0.5, [ODD]: null }, bordaRank: 2 },
    { model: "org/c", scores: { de: 0.3, fr: 0.5, [ODD]: 0.2 }, bordaRank: 3 },
  ],
};

describe("escaping and self-containment", () => {
  const html = renderHtmlReport(evilAggregate(), {
    languages: LANGS,
    languageMethod: "paper",
    curves: [
      {
        model: EVIL,
        variant: "truncate",
        tasks: [EVIL_TASK],
        points: [
          { dim: 64, score: 0.4, full: false },
          { dim: 1024, score: 0.5, full: true },
        ],
      },
    ],
  });

  it("escapes model, task, type, benchmark and language strings everywhere", () => {
    expect(esc(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
    expect(html.match(/<script/g)?.length).toBe(1); // only the page's own inline script
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain(`<l"`);
    expect(html).toContain("org/&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;q&amp;");
    expect(html).toContain(
      "<title>embeval report: Bench&lt;/title&gt;&lt;script&gt;1&lt;/script&gt;</title>",
    );
    expect(html).toContain(`title="Evil&lt;img src=x onerror=alert(1)&gt;&quot;&#39;"`);
    expect(html).toContain('data-lang="&lt;l&quot;&#39;&gt;"');
    // Text between tags never holds a raw quote-breaking or tag-opening character from data.
    for (const m of html.matchAll(/<(td|th|h3|li|text|title)[^>]*>([^<]*)</g))
      expect(m[2]).not.toMatch(/[<>]/);
  });

  it("loads nothing from outside: a deny-all CSP, no src/href/url(), only the SVG namespace URL", () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">`);
    expect(HTML_CSP).toMatch(/^default-src 'none'/);
    // No fetching attribute on any tag (data is escaped, so a raw "<" only opens the page's own tags and a raw
    // '"' only delimits attribute values).
    const names = new Set<string>();
    for (const tag of html.matchAll(/<[a-z][a-z0-9]*((?:\s+[a-z][a-z0-9:-]*(?:="[^"]*")?)*)\s*\/?>/gi))
      for (const a of tag[1].replace(/="[^"]*"/g, "").matchAll(/\s+([a-z][a-z0-9:-]*)/gi))
        names.add(a[1].toLowerCase());
    expect(names.has("class")).toBe(true);
    for (const bad of [
      "src",
      "href",
      "srcset",
      "action",
      "formaction",
      "background",
      "poster",
      "data",
      "xlink:href",
    ])
      expect(names.has(bad), bad).toBe(false);
    expect(html.split("<script>")[0]).not.toMatch(/\bNaN\b/);
    expect(html).not.toMatch(/url\(|@import/i);
    const urls = [...html.matchAll(/[a-z]+:\/\/[^\s"'<>)]*/gi)].map((m) => m[0]);
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });
});

describe("tables", () => {
  const html = renderHtmlReport(smallAggregate(true));
  it("prints the summary and per-type tables like the markdown report, with a legend and notes", () => {
    expect(html).toContain(
      '<tr><td class="num">1</td><td class="model">org/a</td><td class="num">596M</td><td class="num">1024</td>' +
        '<td class="num">50.00</td><td class="num">59.41</td><td class="num">31.17</td><td class="num">87.66</td></tr>',
    );
    expect(html).toContain(
      '<th title="ArguAna">AA</th><th title="CQADupstackRetrieval">CQAD</th><th>Avg</th>',
    );
    expect(html).toContain('<p class="legend">AA = ArguAna; CQAD = CQADupstackRetrieval</p>');
    expect(html).toContain("<h3>Retrieval (2 tasks)</h3>");
    expect(html).toContain("<li>org/b|pipe: missing 1 task: CQADupstackRetrieval</li>");
    expect(html).toContain("Without any result on this benchmark (not shown): org/empty.");
    expect(html).toContain("CQADupstackRetrieval rebuilt from its 12 sub-task files</strong>");
    expect(html).not.toContain('id="languages"');
    expect(html).not.toContain('id="dims"');
    expect(html).not.toContain("No per-language heat map");
    expect(renderHtmlReport(smallAggregate(), { languages: null })).toContain("No per-language heat map");
  });
});

describe("heat-map colouring: μ ± 3σ across models, green best → red worst", () => {
  it("computes population σ and positions", () => {
    const s = stats([1, 2, 3, null]);
    expect(s).toEqual({ mean: 2, std: Math.sqrt(2 / 3), n: 3 });
    if (!s) throw new Error("no stats");
    expect(position(2, s)).toBe(0.5);
    expect(position(2 + 3 * s.std, s)).toBeCloseTo(1, 12);
    expect(position(2 + 1.5 * s.std, s)).toBeCloseTo(0.75, 12);
    expect(position(-100, s)).toBe(0);
    expect(position(5, { mean: 5, std: 0, n: 1 })).toBe(0.5);
    expect(stats([null, undefined])).toBeNull();
    expect(heatColor(1)).toBe("hsl(120,70%,70%)");
    expect(heatColor(0)).toBe("hsl(0,70%,70%)");
    expect(heatColor(0.5)).toBe("hsl(60,70%,70%)");
  });

  it("colours each language's cells by the models' spread and prints the score in the cell", () => {
    const html = renderHtmlReport(smallAggregate(), { languages: LANGS, languageMethod: "mteb" });
    const cell = (model: number, lang: string) => {
      const svg = html.split('<svg xmlns="http://www.w3.org/2000/svg" class="heatmap"')[model + 1];
      const m = new RegExp(`data-lang="${esc(lang)}">.*?fill="([^"]+)".*?class="score">([^<]*)<`).exec(svg);
      if (!m) throw new Error(`no cell ${lang}`);
      return { fill: m[1], text: m[2] };
    };
    // de: 0.9, 0.6, 0.3 → μ 0.6, σ 0.2449: positions 0.5 ± 0.2041
    const sd = Math.sqrt(0.06);
    const hue = (x: number) => Math.round(120 * ((x - (0.6 - 3 * sd)) / (6 * sd)));
    expect(cell(0, "de")).toEqual({ fill: `hsl(${hue(0.9)},70%,70%)`, text: "90.0" });
    expect(cell(1, "de")).toEqual({ fill: "hsl(60,70%,70%)", text: "60.0" });
    expect(cell(2, "de")).toEqual({ fill: `hsl(${hue(0.3)},70%,70%)`, text: "30.0" });
    expect(hue(0.9)).toBe(84);
    expect(hue(0.3)).toBe(36);
    expect(cell(0, "fr").fill).toBe("hsl(60,70%,70%)"); // σ = 0
    expect(cell(1, ODD)).toEqual({ fill: "#e5e5e5", text: "–" });
    expect(html).toContain('<h2 id="languages">Per language (mteb)</h2>');
    expect(html.match(/class="heatmap"/g)?.length).toBe(3);
  });
});

function entry(hf_subset: string, main_score: number): ScoresEntry {
  return { hf_subset, languages: ["eng-Latn"], main_score };
}

function folder(experiment: string, scores: Record<string, [string, number]>): RevisionFolder {
  const files = new Map<string, LoadedTaskFile>();
  for (const [task, [subset, v]] of Object.entries(scores)) {
    const result = { task_name: task, scores: { test: [entry(subset, v)] } } as unknown as TaskResult;
    files.set(task, { task, path: `${task}.json`, revision: "r1", result });
  }
  return { model: "org/a", revision: "r1", path: experiment, meta: null, files, experiment };
}

describe("score-vs-dimension curves", () => {
  const agg = smallAggregate();
  const tree: ResultTree = {
    models: [
      { model: "org/a", mainRevision: "r1", meta: agg.models[0].meta, revisions: [], tasks: new Map() },
    ],
    experiments: [
      folder("embed_dim_512", {
        ArguAna: ["default", 0.11],
        STS17: ["en-en", 0.85],
        CQADupstackRetrieval: ["default", 0.4],
      }),
      folder("embed_dim_256", { ArguAna: ["default", 0.1], STS17: ["en-en", 0.8] }),
      folder("embed_dim_256_renorm", { ArguAna: ["default", 0.12], STS17: ["xx", 0.9] }),
      folder("quantize_binary", { ArguAna: ["default", 0.01] }),
      folder("embed_dim_128__quantize_binary", { ArguAna: ["default", 0.02] }),
    ],
    skipped: [],
  };

  it("averages the tasks present at every dim, adds the full-dim point, keeps renorm apart, ignores quantization", () => {
    const curves = dimensionCurves(tree, agg);
    expect(curves.map((c) => [c.model, c.variant, c.tasks])).toEqual([
      ["org/a", "truncate", ["ArguAna", "STS17"]],
      ["org/a", "renorm", ["ArguAna"]],
    ]);
    expect(curves[0].points).toEqual([
      { dim: 256, full: false, score: (0.1 + 0.8) / 2 },
      { dim: 512, full: false, score: (0.11 + 0.85) / 2 },
      { dim: 1024, full: true, score: (0.123456 + 0.87655) / 2 },
    ]);
    expect(curves[1].points).toEqual([
      { dim: 256, full: false, score: 0.12 },
      { dim: 1024, full: true, score: 0.123456 },
    ]);
    const svg = curveSvg(curves[0]);
    expect(svg.match(/<circle/g)?.length).toBe(3);
    expect(svg.match(/class="full"/g)?.length).toBe(1);
    expect(svg).toContain(">45.00<");
    expect(svg).toContain(">50.00<");
    const html = renderHtmlReport(agg, { curves });
    expect(html).toContain('<h2 id="dims">Score vs embedding dimension</h2>');
    expect(html.match(/class="curve"/g)?.length).toBe(2);
  });

  it("draws no curve without embed_dim experiments", () => {
    expect(dimensionCurves({ ...tree, experiments: tree.experiments.slice(3) }, agg)).toEqual([]);
  });
});

describe("embeval report --format html / --languages on ../shared/results", () => {
  const RESULTS = join(SHARED_DIR, "results");
  const tmp = mkdtempSync(join(tmpdir(), "embeval-html-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const MODELS = "jinaai/jina-embeddings-v5-text-small,google/embeddinggemma-300m";
  const base = { results: [RESULTS], benchmark: "MTEB(Multilingual, v2)", models: MODELS };

  it("writes one HTML page with heat maps by the chosen recipe", async () => {
    const out = join(tmp, "r.html");
    const io = memoryIo();
    expect(await runReport(io, { ...base, format: "html", languages: "paper", out })).toBe(0);
    expect(io.stdout()).toBe("");
    expect(existsSync(out)).toBe(true);
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain("Per language (paper)");
    expect(html.match(/class="heatmap"/g)?.length).toBe(2);
    expect(html).toContain('data-lang="de"');
    const mteb = memoryIo();
    await runReport(mteb, { ...base, format: "html" });
    expect(mteb.stdout()).toContain("Per language (mteb)");
    expect(mteb.stdout()).toContain('data-lang="deu-Latn"');
  }, 60_000);

  it("adds languages to JSON only when asked, and the markdown table follows the recipe", async () => {
    const plain = memoryIo();
    await runReport(plain, { ...base, format: "json" });
    const p = JSON.parse(plain.stdout()) as JsonReport;
    expect(p.languages_method).toBeUndefined();
    expect(Object.keys(p.models[0]).sort()).toEqual(
      ["by_type", "mean_task", "mean_task_type", "missing", "model", "revision", "tasks"].sort(),
    );
    const withLang = memoryIo();
    await runReport(withLang, { ...base, format: "json", languages: "paper" });
    const j = JSON.parse(withLang.stdout()) as JsonReport;
    expect(j.languages_method).toBe("paper");
    const small = j.models.find((m) => m.model === "jinaai/jina-embeddings-v5-text-small");
    expect(Object.keys(small?.languages ?? {}).length).toBe(211);
    expect(small?.languages?.ar).toBeCloseTo(69.4476, 4); // Figure 2 prints 69.4
    expect(small?.languages?.btk).toBeUndefined();
    const { languages: _l, ...rest } = small ?? {};
    expect(rest).toEqual(p.models.find((m) => m.model === small?.model));
    const md = memoryIo();
    await runReport(md, { ...base, format: "md", languages: "paper" });
    expect(md.stdout()).toContain("## Per language (papers' heat-map recipe)");
  }, 60_000);

  it("rejects unknown formats and recipes with coded errors", async () => {
    for (const flags of [
      { ...base, format: "pdf" },
      { ...base, format: "html", languages: "iso" },
    ]) {
      let err: unknown;
      try {
        await runReport(memoryIo(), flags);
      } catch (e) {
        err = e;
      }
      expect(isEmbevalError(err) && err.code).toBe("E_INVALID_ARGUMENT");
    }
  });
});
