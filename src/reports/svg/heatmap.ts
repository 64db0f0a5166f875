/**
 * The per-language heat map of one model as inline SVG (issue 6 §2 HTML): one cell per language with the score
 * ×100 printed, coloured by the language's μ ± 3σ across the compared models (color.ts).
 */
import { heatColor, type LanguageStats, MISSING_COLOR, position } from "./color.js";
import { esc, pct } from "./escape.js";

/** Layout of the heat map grid. */
export interface HeatmapLayout {
  readonly columns: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
}

const DEFAULT_LAYOUT: HeatmapLayout = { columns: 20, cellWidth: 46, cellHeight: 34 };

/** One model's heat map: `scores` are fractions keyed by language; `stats` per language across the models. */
export function heatmapSvg(
  model: string,
  languages: readonly string[],
  scores: Readonly<Record<string, number | null>>,
  stats: ReadonlyMap<string, LanguageStats>,
  layout: HeatmapLayout = DEFAULT_LAYOUT,
): string {
  const { cellWidth: w, cellHeight: h } = layout;
  const cols = Math.max(1, Math.min(layout.columns, languages.length));
  const rows = Math.max(1, Math.ceil(languages.length / cols));
  const width = cols * w;
  const height = rows * h;
  const cells = languages.map((lang, i) => {
    const x = (i % cols) * w;
    const y = Math.floor(i / cols) * h;
    const v = scores[lang];
    const s = stats.get(lang);
    const has = typeof v === "number" && !Number.isNaN(v);
    const fill = has && s ? heatColor(position(v, s)) : MISSING_COLOR;
    const tip = has
      ? `${lang}: ${pct(v)}${s ? ` (μ ${pct(s.mean)}, σ ${pct(s.std)}, ${s.n} models)` : ""}`
      : `${lang}: no score`;
    return (
      `<g class="cell" data-lang="${esc(lang)}"><title>${esc(tip)}</title>` +
      `<rect x="${x}" y="${y}" width="${w - 2}" height="${h - 2}" rx="3" fill="${fill}"/>` +
      `<text x="${x + (w - 2) / 2}" y="${y + 12}" class="lang">${esc(lang)}</text>` +
      `<text x="${x + (w - 2) / 2}" y="${y + 26}" class="score">${has ? pct(v, 1) : "–"}</text></g>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`per-language scores of ${model}`)}">` +
    `${cells.join("")}</svg>`
  );
}
