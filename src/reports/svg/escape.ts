/** HTML/SVG text and attribute escaping for the self-contained HTML report (every string from data goes through it). */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML/SVG element content and quoted attribute values (& < > " '). */
export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A score (fraction) as the report prints it: ×100 with `digits` decimals, "" when missing. */
export function pct(x: number | null | undefined, digits = 2): string {
  return x === null || x === undefined || Number.isNaN(x) ? "" : (x * 100).toFixed(digits);
}
