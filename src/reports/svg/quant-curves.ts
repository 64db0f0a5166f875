/**
 * Score vs embedding dimension with one line per quantization kind (the paper's Figure 5) as inline SVG:
 * x = dim (log₂ scale), y = mean ×100; the full-precision point is drawn hollow and larger.
 */
import { esc } from "./escape.js";

/** One point; `full` marks the full-precision result. */
export interface SeriesPoint {
  readonly dim: number;
  readonly score: number;
  readonly full: boolean;
}

/** One line: a quantization kind (e.g. "float32", "binary", "float32, renorm"). */
export interface Series {
  readonly label: string;
  readonly points: readonly SeriesPoint[];
}

const W = 420;
const H = 250;
const M = { left: 46, right: 110, top: 14, bottom: 40 };
const COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#805ad5", "#b83280", "#718096"];

function step(span: number): number {
  return [0.1, 0.2, 0.5, 1, 2, 5, 10, 20].find((s) => span / s <= 6) ?? 25;
}

/** The chart; `title` becomes its accessible label. Empty string when no series has a point. */
export function quantCurvesSvg(title: string, series: readonly Series[]): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return "";
  const ys = all.map((p) => p.score * 100);
  const lo = Math.floor(Math.min(...ys) - 0.5);
  const hi = Math.ceil(Math.max(...ys) + 0.5);
  const dims = [...new Set(all.map((p) => p.dim))].sort((a, b) => a - b);
  const x0 = Math.log2(dims[0]);
  const x1 = Math.log2(dims[dims.length - 1]);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (d: number) => M.left + (x1 === x0 ? pw / 2 : ((Math.log2(d) - x0) / (x1 - x0)) * pw);
  const sy = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * ph;
  const parts: string[] = [];
  const st = step(hi - lo);
  for (let v = Math.ceil(lo / st) * st; v <= hi + 1e-9; v += st) {
    const t = Math.round(v * 1e6) / 1e6;
    const y = sy(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}"/>`,
      `<text x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(t)}</text>`,
    );
  }
  for (const d of dims)
    parts.push(
      `<text x="${sx(d).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(d)}</text>`,
    );
  series.forEach((s, i) => {
    const color = COLORS[i % COLORS.length];
    const pts = [...s.points].sort((a, b) => a.dim - b.dim);
    if (pts.length === 0) return;
    const path = pts.map((p) => `${sx(p.dim).toFixed(1)},${sy(p.score * 100).toFixed(1)}`).join(" ");
    parts.push(`<polyline class="series" stroke="${color}" points="${path}"/>`);
    for (const p of pts) {
      const label = `${s.label}, dim ${p.dim}${p.full ? " (full precision)" : ""}: ${(p.score * 100).toFixed(2)}`;
      parts.push(
        `<g class="pt"><title>${esc(label)}</title><circle cx="${sx(p.dim).toFixed(1)}" cy="${sy(p.score * 100).toFixed(1)}" ` +
          `r="${p.full ? 5.5 : 3.5}" class="${p.full ? "qfull" : "qdot"}" ` +
          `style="${p.full ? `fill:#fff;stroke:${color};stroke-width:2.5` : `fill:${color}`}"/></g>`,
      );
    }
    const ly = M.top + 12 + i * 16;
    parts.push(
      `<line x1="${W - M.right + 8}" x2="${W - M.right + 24}" y1="${ly}" y2="${ly}" stroke="${color}" stroke-width="2"/>`,
      `<text x="${W - M.right + 28}" y="${ly}" dominant-baseline="middle">${esc(s.label)}</text>`,
    );
  });
  parts.push(
    `<text x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">embedding dimension</text>`,
    `<line class="axisline" x1="${M.left}" x2="${W - M.right}" y1="${M.top + ph}" y2="${M.top + ph}"/>`,
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="curve qcurve" width="${W}" height="${H}" ` +
    `viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(title)}">${parts.join("")}</svg>`
  );
}
