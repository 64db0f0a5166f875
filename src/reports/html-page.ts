/** The HTML page shell shared by every HTML report (CSP, inline CSS and script, sortable tables); all data escaped. */
import { esc } from "./svg/escape.js";

/** The page's Content-Security-Policy: nothing may be fetched; inline style/script and data: images only. */
export const HTML_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const CSS = `body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#1a1a1a;max-width:1400px}
h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}h3{font-size:15px;margin:18px 0 6px}
table{border-collapse:collapse;margin:8px 0;font-variant-numeric:tabular-nums}.scroll{overflow-x:auto}
th,td{border:1px solid #d6d6d6;padding:3px 7px}th{background:#f3f3f3;cursor:pointer;user-select:none}
td.num{text-align:right}td.model{white-space:nowrap}
.note{color:#555;max-width:1100px}.legend{font-size:12px;color:#555;max-width:1100px}
.heatmap text{font-size:10px;text-anchor:middle;fill:#111}.heatmap text.score{font-size:11px;font-weight:600}
.scale{display:inline-block;width:14px;height:12px;vertical-align:middle;border:1px solid #bbb}
.curves{display:flex;flex-wrap:wrap;gap:16px}.curves figure{margin:0}
.curve .grid{stroke:#eee}.curve .axisline{stroke:#999}.curve .line{fill:none;stroke:#2b6cb0;stroke-width:2}
.curve circle.dot{fill:#2b6cb0}.curve circle.full{fill:#fff;stroke:#2b6cb0;stroke-width:2}
.curve text{font-size:11px;fill:#333}.curve text.val{font-size:10px}
.qcurve .series{fill:none;stroke-width:2}.qcurve text{font-size:11px;fill:#333}`;

// Sortable tables, and a record of script errors (read by the browser test; the page fetches nothing).
const JS = `(function(){var d=document.documentElement;d.dataset.errors="0";
addEventListener("error",function(){d.dataset.errors=String(Number(d.dataset.errors)+1)});
document.querySelectorAll("table.sortable th").forEach(function(th,i){th.addEventListener("click",function(){
var tb=th.closest("table").tBodies[0],rows=Array.prototype.slice.call(tb.rows),asc=th.dataset.dir!=="asc";
th.dataset.dir=asc?"asc":"desc";rows.sort(function(a,b){var x=a.cells[i].dataset.v||a.cells[i].textContent,
y=b.cells[i].dataset.v||b.cells[i].textContent,nx=parseFloat(x),ny=parseFloat(y);
var c=isNaN(nx)||isNaN(ny)?String(x).localeCompare(String(y)):nx-ny;return asc?c:-c});
rows.forEach(function(r){tb.appendChild(r)})})});d.dataset.ready="1"})();`;

/** A table cell: text (escaped on output), right-aligned when numeric, an optional tooltip and class. */
export type Cell = { text: string; num?: boolean; title?: string; cls?: string };

/** A sortable table (every string escaped). */
export function table(header: readonly Cell[], rows: readonly (readonly Cell[])[]): string {
  const th = header
    .map((h) => `<th${h.title ? ` title="${esc(h.title)}"` : ""}>${esc(h.text)}</th>`)
    .join("");
  const tr = rows.map(
    (r) =>
      `<tr>${r
        .map((c) => {
          const cls = [c.num ? "num" : "", c.cls ?? ""].filter(Boolean).join(" ");
          return `<td${cls ? ` class="${cls}"` : ""}${c.title ? ` title="${esc(c.title)}"` : ""}>${esc(c.text)}</td>`;
        })
        .join("")}</tr>`,
  );
  return `<div class="scroll"><table class="sortable"><thead><tr>${th}</tr></thead><tbody>${tr.join("")}</tbody></table></div>`;
}

/** A numeric cell. */
export const num = (text: string): Cell => ({ text, num: true });

/** Wraps body HTML into the self-contained page (CSP forbidding every fetch, inline CSS and sortable-table JS). */
export function htmlPage(title: string, body: readonly string[]): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(HTML_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style></head>`,
    `<body>${body.join("\n")}`,
    `<script>${JS}</script></body></html>`,
    "",
  ].join("\n");
}
