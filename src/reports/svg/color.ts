/**
 * Heat-map colouring of the HTML report (issue 6): each language is coloured by where a model's score lies in
 * μ ± 3σ of that language's scores across the compared models (population σ): green best → red worst.
 */

/** μ and σ of one language across the compared models (values present only). */
export interface LanguageStats {
  readonly mean: number;
  readonly std: number;
  readonly n: number;
}

/** μ, population σ and count of the non-null values (null when there is none). */
export function stats(values: readonly (number | null | undefined)[]): LanguageStats | null {
  const xs = values.filter((v): v is number => typeof v === "number" && !Number.isNaN(v));
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  const mean = s / xs.length;
  let q = 0;
  for (const x of xs) q += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(q / xs.length), n: xs.length };
}

/** Position in [0, 1] of x within μ ± 3σ (0 = μ − 3σ, worst; 1 = μ + 3σ, best; 0.5 when σ = 0). */
export function position(x: number, s: LanguageStats): number {
  if (!(s.std > 0)) return 0.5;
  const t = (x - (s.mean - 3 * s.std)) / (6 * s.std);
  return Math.min(1, Math.max(0, t));
}

/** The cell colour for a position: hue 0 (red) → 120 (green), light enough for dark text. */
export function heatColor(t: number): string {
  const hue = Math.round(120 * Math.min(1, Math.max(0, t)));
  return `hsl(${hue},70%,70%)`;
}

/** The colour of a missing cell. */
export const MISSING_COLOR = "#e5e5e5";
