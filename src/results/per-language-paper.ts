/**
 * The per-language recipe of model papers' heat maps (jina-embeddings-v5-text, Figure 2), next to mteb's
 * leaderboard method (per-language.ts): monolingual (task, split, subset) rows only, each keyed by its first
 * language (ISO 639-1 where one exists, macrolanguages merged, iso639.ts), averaged row-weighted per model.
 */
import { EmbevalError } from "../errors.js";
import { benchmarkTaskDefs } from "./aggregate.js";
import { languageKey } from "./iso639.js";
import {
  languageMeans,
  type PerLanguageTable,
  perLanguageTable,
  type RowKeys,
  rankedLanguageTable,
} from "./per-language.js";
import type { ResultTree } from "./tree.js";

/** The two per-language recipes: mteb's leaderboard tab, or the papers' heat-map recipe. */
export type LanguageMethod = "mteb" | "paper";

/** The recipes by name, for CLI validation. */
export const LANGUAGE_METHODS: readonly LanguageMethod[] = ["mteb", "paper"];

/** Parses a `--languages` value. */
export function parseLanguageMethod(value: string): LanguageMethod {
  if ((LANGUAGE_METHODS as readonly string[]).includes(value)) return value as LanguageMethod;
  throw new EmbevalError("E_INVALID_ARGUMENT", `--languages must be mteb or paper, got "${value}"`, {
    hint: "mteb: the leaderboard's per-language tab; paper: monolingual rows keyed by ISO 639-1 (heat maps)",
  });
}

/**
 * Whether a result row counts in the papers' recipe. Dropped: cross-lingual rows, i.e. a pair of two different
 * language tags (bitext pairs, cross-lingual STS/retrieval, and the same language in two scripts such as
 * Belebele's arb_Arab-arb_Latn), and every BitextMining row naming more than one language. Kept: rows with one
 * language (repeated or not: Belebele's acm_Arab-acm_Arab) and non-bitext rows over a language set
 * (language-identification classification, WikipediaRerankingMultilingual's `no`), keyed by their first language.
 */
export function isMonolingualRow(taskType: string, languages: readonly string[]): boolean {
  if (languages.length === 0) return false;
  const distinct = new Set(languages).size;
  if (distinct === 1) return true;
  if (taskType === "BitextMining") return false;
  return !(languages.length === 2 && distinct === 2);
}

/**
 * The papers' per-language table (fractions, like mteb's): for every model, the mean main score of its
 * monolingual rows per language key, NaN/missing scores ignored. Languages are sorted by key; models without any
 * value are left out; models are ordered by a Borda rank over languages like the leaderboard's tab.
 */
export function paperLanguageTable(tree: ResultTree, benchmark: string): PerLanguageTable {
  const { name, tasks } = benchmarkTaskDefs(benchmark);
  const monolingual: RowKeys = (def, entry, v) => {
    const langs = entry.languages ?? [];
    return Number.isNaN(v) || !isMonolingualRow(def.type, langs) ? [] : [languageKey(langs[0])];
  };
  const rows = tree.models
    .map((m) => ({ model: m.model, means: languageMeans(m, tasks, monolingual) }))
    .filter((r) => r.means.size > 0);
  const languages = [...new Set(rows.flatMap((r) => [...r.means.keys()]))].sort();
  return rankedLanguageTable(
    name,
    languages,
    rows.map((r) => ({
      model: r.model,
      scores: Object.fromEntries(languages.map((l) => [l, r.means.get(l) ?? null])),
    })),
  );
}

/** The per-language table by the chosen recipe (mteb's is null for benchmarks without a language_view). */
export function languageTable(
  tree: ResultTree,
  benchmark: string,
  method: LanguageMethod,
): PerLanguageTable | null {
  return method === "paper" ? paperLanguageTable(tree, benchmark) : perLanguageTable(tree, benchmark);
}
