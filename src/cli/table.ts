/** Plain-text table rendering for CLI listings: left-aligned columns, a dashed rule under the header. */

/** Renders rows under a header; every row must have as many cells as the header. Ends with a newline. */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return `${[line(header), rule, ...rows.map(line)].join("\n")}\n`;
}

/** `a, b, c` for up to `max` items, else the first `max` and `+N`. */
export function summarizeList(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(",");
  return `${items.slice(0, max).join(",")},+${items.length - max}`;
}
