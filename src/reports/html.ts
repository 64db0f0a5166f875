/**
 * The self-contained HTML report (`embeval report --format html`, issue 6 §2): the markdown report's summary and
 * per-type tables, a per-language heat map per model (μ ± 3σ colouring, svg/heatmap.ts) and score-vs-dimension
 * curves (svg/curve.ts). No network: inline CSS/SVG/JS only, a CSP that forbids every fetch; all data escaped.
 */
import type { BenchmarkAggregate } from "../results/aggregate.js";
import type { PerLanguageTable } from "../results/per-language.js";
import type { LanguageMethod } from "../results/per-language-paper.js";
import { abbreviateTasks } from "./abbreviate.js";
import type { ExperimentTable } from "./experiments.js";
import { experimentsHtml } from "./experiments-render.js";
import { type Cell, htmlPage, num, table } from "./html-page.js";
import { formatParams, formatScore } from "./markdown.js";
import { heatColor, type LanguageStats, stats } from "./svg/color.js";
import { curveSvg } from "./svg/curve.js";
import type { DimCurve } from "./svg/dims.js";
import { esc } from "./svg/escape.js";
import { heatmapSvg } from "./svg/heatmap.js";

export { HTML_CSP } from "./html-page.js";

/** What the HTML report shows besides the aggregate. */
export interface HtmlReportOptions {
  /** The per-language table (either recipe); no heat maps when null/absent. */
  readonly languages?: PerLanguageTable | null;
  readonly languageMethod?: LanguageMethod;
  /** Score-vs-dimension curves (svg/dims.ts dimensionCurves). */
  readonly curves?: readonly DimCurve[];
  /** Dims × quantization tables and curves (experiments.ts). */
  readonly experiments?: readonly ExperimentTable[];
}

function summary(agg: BenchmarkAggregate): string {
  const showMeta = agg.models.some((m) => m.meta?.nParameters || m.meta?.embedDim);
  const header: Cell[] = [{ text: "Rank (Borda)" }, { text: "Model" }];
  if (showMeta) header.push({ text: "Params" }, { text: "Dim" });
  header.push({ text: "Avg Tasks" });
  if (agg.hasTaskTypeMean) header.push({ text: "Avg Type" }, ...agg.types.map((t) => ({ text: t })));
  const rows = agg.models.map((m) => {
    const r: Cell[] = [num(String(m.bordaRank)), { text: m.model, cls: "model" }];
    if (showMeta)
      r.push(num(formatParams(m.meta?.nParameters)), num(m.meta?.embedDim ? String(m.meta.embedDim) : ""));
    r.push(num(formatScore(m.meanTask)));
    if (agg.hasTaskTypeMean)
      r.push(num(formatScore(m.meanTaskType)), ...agg.types.map((t) => num(formatScore(m.byType[t]))));
    return r;
  });
  return table(header, rows);
}

function typeSection(agg: BenchmarkAggregate, type: string): string {
  const tasks = agg.tasks.filter((t) => t.type === type).map((t) => t.name);
  const labels = abbreviateTasks(tasks);
  const header: Cell[] = [
    { text: "Model" },
    ...tasks.map((t, i) => ({ text: labels[i], title: t })),
    { text: "Avg" },
  ];
  const rows = agg.models.map((m) => [
    { text: m.model, cls: "model" },
    ...tasks.map((t) => num(formatScore(m.tasks[t]))),
    num(formatScore(m.byType[type])),
  ]);
  const legend = tasks.map((t, i) => `${labels[i]} = ${t}`).join("; ");
  const n = `${tasks.length} task${tasks.length === 1 ? "" : "s"}`;
  return `<h3>${esc(type)} (${n})</h3>${table(header, rows)}<p class="legend">${esc(legend)}</p>`;
}

function missingNotes(agg: BenchmarkAggregate): string {
  const items = agg.models
    .filter((m) => m.missing.length > 0)
    .map((m) =>
      m.missing.length === agg.tasks.length
        ? `${m.model}: no task of this benchmark`
        : `${m.model}: missing ${m.missing.length} task${m.missing.length === 1 ? "" : "s"}: ${m.missing.join(", ")}`,
    );
  const parts: string[] = [];
  if (items.length)
    parts.push(
      `<p class="note">Missing results:</p><ul>${items.map((i) => `<li>${esc(i)}</li>`).join("")}</ul>`,
    );
  if (agg.excluded.length)
    parts.push(
      `<p class="note">Without any result on this benchmark (not shown): ${esc(agg.excluded.join(", "))}.</p>`,
    );
  return parts.join("");
}

const METHOD_TEXT: Record<LanguageMethod, string> = {
  mteb:
    "mteb leaderboard method: mean main score of every (task, split, subset) row whose languages include the " +
    "language (the benchmark's language view), row-weighted, bitext pairs counting for both languages.",
  paper:
    "papers' heat-map recipe: monolingual rows only (cross-lingual pairs, the same language in two scripts and " +
    "multi-language bitext rows dropped), each keyed by its first language (ISO 639-1 where one exists, " +
    "macrolanguages merged), row-weighted mean.",
};

function languageSection(t: PerLanguageTable, method: LanguageMethod): string {
  const byLang = new Map<string, LanguageStats>();
  for (const l of t.languages) {
    const s = stats(t.models.map((m) => m.scores[l]));
    if (s) byLang.set(l, s);
  }
  const scale = [0, 0.25, 0.5, 0.75, 1]
    .map((p) => `<span class="scale" style="background:${heatColor(p)}"></span>`)
    .join("");
  const maps = t.models.map(
    (m) =>
      `<h3>${esc(m.model)} <small>(rank ${esc(m.bordaRank)})</small></h3>` +
      heatmapSvg(m.model, t.languages, m.scores, byLang),
  );
  return (
    `<h2 id="languages">Per language (${esc(method)})</h2><p class="note">${esc(METHOD_TEXT[method])} ` +
    `${esc(t.languages.length)} languages. Scores ×100; each cell coloured by the language's μ ± 3σ across the ` +
    `${esc(t.models.length)} compared models: μ − 3σ ${scale} μ + 3σ (red worst → green best; grey: no score).</p>` +
    maps.join("")
  );
}

function curvesSection(curves: readonly DimCurve[]): string {
  const figs = curves.map(
    (c) =>
      `<figure>${curveSvg(c)}<figcaption class="legend">${esc(
        `${c.model}${c.variant === "renorm" ? " (renormalised after slicing)" : ""}: mean over the ` +
          `${c.tasks.length} task(s) scored at every dimension; hollow point = full-dimension result`,
      )}</figcaption></figure>`,
  );
  return `<h2 id="dims">Score vs embedding dimension</h2><div class="curves">${figs.join("")}</div>`;
}

/** Renders the whole report as one HTML document (UTF-8, no external resources). */
export function renderHtmlReport(agg: BenchmarkAggregate, opts: HtmlReportOptions = {}): string {
  const body: string[] = [`<h1>${esc(agg.benchmark)}</h1>`];
  body.push(
    `<p class="note">Scores ×100 (mteb main scores), rounded to 2 decimals. Task score = mean over the benchmark's ` +
      "(split, subset) pairs; a mean over an incomplete task set is left blank, never computed over fewer tasks. " +
      "Click a column header to sort.</p>",
  );
  if (agg.rebuildCqadupstack) {
    const rebuilt = agg.models.filter((m) => m.rebuilt.length > 0).map((m) => m.model);
    body.push(
      `<p class="note"><strong>CQADupstackRetrieval rebuilt from its 12 sub-task files</strong> (--rebuild-cqadupstack; ` +
        `mteb and its leaderboard never do this) for: ${esc(rebuilt.length ? rebuilt.join(", ") : "no model")}.</p>`,
    );
  }
  body.push(
    `<h2 id="summary">Summary</h2>`,
    summary(agg),
    missingNotes(agg),
    `<h2 id="types">Tasks by type</h2>`,
  );
  for (const type of agg.types) body.push(typeSection(agg, type));
  if (opts.languages && opts.languages.models.length > 0)
    body.push(languageSection(opts.languages, opts.languageMethod ?? "mteb"));
  else if (opts.languages === null)
    body.push(
      `<p class="note">No per-language heat map: mteb defines no language view for this benchmark ` +
        "(--languages paper keys every monolingual row by its language instead).</p>",
    );
  if (opts.curves && opts.curves.length > 0) body.push(curvesSection(opts.curves));
  if (opts.experiments && opts.experiments.length > 0) body.push(experimentsHtml(opts.experiments));
  return htmlPage(`embeval report: ${agg.benchmark}`, body);
}
