/** The score-vs-dimension curve of one model as inline SVG: x = embedding dim (log₂ scale), y = mean score ×100. */
import type { DimCurve } from "./dims.js";
import { esc } from "./escape.js";

const W = 380;
const H = 230;
const M = { left: 46, right: 16, top: 14, bottom: 40 };

function yTicks(lo: number, hi: number): number[] {
  const span = hi - lo;
  const step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20].find((s) => span / s <= 6) ?? 25;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1e6) / 1e6);
  return out;
}

/** The SVG chart of one curve (points labelled with their score; the full-dim point drawn hollow). */
export function curveSvg(curve: DimCurve): string {
  const ys = curve.points.map((p) => p.score * 100);
  const lo = Math.floor(Math.min(...ys) - 0.5);
  const hi = Math.ceil(Math.max(...ys) + 0.5);
  const lx = curve.points.map((p) => Math.log2(p.dim));
  const x0 = Math.min(...lx);
  const x1 = Math.max(...lx);
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const sx = (d: number) => M.left + (x1 === x0 ? pw / 2 : ((Math.log2(d) - x0) / (x1 - x0)) * pw);
  const sy = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * ph;
  const parts: string[] = [];
  for (const t of yTicks(lo, hi)) {
    const y = sy(t).toFixed(1);
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}"/>`,
      `<text class="tick" x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${esc(t)}</text>`,
    );
  }
  for (const p of curve.points) {
    parts.push(
      `<text class="tick" x="${sx(p.dim).toFixed(1)}" y="${H - M.bottom + 16}" text-anchor="middle">${esc(p.dim)}</text>`,
    );
  }
  const path = curve.points.map((p) => `${sx(p.dim).toFixed(1)},${sy(p.score * 100).toFixed(1)}`).join(" ");
  parts.push(`<polyline class="line" points="${path}"/>`);
  for (const p of curve.points) {
    const x = sx(p.dim).toFixed(1);
    const y = sy(p.score * 100).toFixed(1);
    const label = (p.score * 100).toFixed(2);
    parts.push(
      `<g class="pt"><title>${esc(`dim ${p.dim}${p.full ? " (full)" : ""}: ${label}`)}</title>` +
        `<circle cx="${x}" cy="${y}" r="4" class="${p.full ? "full" : "dot"}"/>` +
        `<text class="val" x="${x}" y="${(Number(y) - 8).toFixed(1)}" text-anchor="middle">${esc(label)}</text></g>`,
    );
  }
  parts.push(
    `<text class="axis" x="${M.left + pw / 2}" y="${H - 6}" text-anchor="middle">embedding dimension</text>`,
    `<line class="axisline" x1="${M.left}" x2="${W - M.right}" y1="${M.top + ph}" y2="${M.top + ph}"/>`,
  );
  const label = `${curve.model} (${curve.variant}): mean over ${curve.tasks.length} tasks per dimension`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="curve" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
    `role="img" aria-label="${esc(label)}">${parts.join("")}</svg>`
  );
}
