/** MindSmallReranking's v1 `load_data` (mteb source 9308c67): reranking rows expanded to sub-queries with md5 doc ids. */
import { createHash } from "node:crypto";
import type { RetrievalData } from "../../tasks/data.js";
import type { CorpusDoc } from "../../tasks/text.js";
import { EmbevalError } from "../errors.js";
import type { Row, Value } from "./files/value.js";
import { loadRetrieval } from "./load-retrieval.js";
import type { DatasetSource } from "./source.js";
import { datasetConfigs, readSplit } from "./splits.js";

/** Python `hashlib.md5(text.encode()).hexdigest()` (UTF-8). */
export function md5Hex(text: string): string {
  return createHash("md5").update(text, "utf8").digest("hex");
}

/** A list column of strings; a missing column is `[]` (mteb's `instance.get("positive", [])`). */
function textList(row: Row, col: string, i: number, where: string, optional: boolean): string[] {
  if (!(col in row)) {
    if (optional) return [];
    throw new EmbevalError("E_PARSE", `${where}: row ${i} has no "${col}" column`, {
      hint: "MindSmallReranking's v1 rows have query, positive and negative lists",
    });
  }
  const v: Value = row[col];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new EmbevalError("E_PARSE", `${where}: row ${i} column "${col}" is not a list of texts`, {
      hint: "MindSmallReranking's v1 rows have query, positive and negative lists",
    });
  }
  return v as string[];
}

/**
 * mteb MindSmallReranking.load_data for one split, from the v1 rows (`query`, `positive`, `negative`: lists of texts).
 * - Row `i` (counted over every row, dropped ones too) with sub-query texts `query[j]` gives query ids
 *   `<split>_query<i>_<j>`; a row lacking positives or negatives gives none (all its sub-queries are dropped).
 * - Documents are deduplicated by text across the split, first sight wins: a new positive at list index `k` gets
 *   `apositive_<md5 hex of the UTF-8 text>_<k zero-padded to 5>`, a new negative `negative_<md5>_<k>`; a text met
 *   before keeps its first id (even across positive/negative). Corpus order = first sight; titles are "".
 * - Qrels per sub-query: positives 1, then negatives 0, python-dict style (a text listed twice keeps its first key
 *   position and its last value); top_ranked lists every positive then every negative id, repeats kept.
 * - The sub-queries of a row share their qrels and candidates (the same Map/array objects: they are equal in mteb).
 * `max_over_subqueries` (tasks/runners/retrieval.ts) regroups `<split>_query<i>_<j>` by `<split>_query<i>`.
 */
export function buildMindSmallReranking(
  rows: readonly Row[],
  split: string,
  where = "MindSmallReranking",
): RetrievalData {
  const docIds = new Map<string, string>();
  const corpus: CorpusDoc[] = [];
  const queries: { id: string; text: string }[] = [];
  const qrels = new Map<string, ReadonlyMap<string, number>>();
  const topRanked = new Map<string, readonly string[]>();
  const idOf = (text: string, k: number, prefix: string): string => {
    let id = docIds.get(text);
    if (id === undefined) {
      id = `${prefix}_${md5Hex(text)}_${String(k).padStart(5, "0")}`;
      docIds.set(text, id);
      corpus.push({ id, title: "", text });
    }
    return id;
  };
  rows.forEach((row, i) => {
    const subqueries = textList(row, "query", i, where, false);
    const positives = textList(row, "positive", i, where, true);
    const negatives = textList(row, "negative", i, where, true);
    if (subqueries.length === 0 || positives.length === 0 || negatives.length === 0) return;
    const rel = new Map<string, number>();
    const candidates: string[] = [];
    positives.forEach((t, k) => {
      const id = idOf(t, k, "apositive");
      candidates.push(id);
      rel.set(id, 1);
    });
    negatives.forEach((t, k) => {
      const id = idOf(t, k, "negative");
      candidates.push(id);
      rel.set(id, 0);
    });
    subqueries.forEach((text, j) => {
      const id = `${split}_query${i}_${j}`;
      queries.push({ id, text });
      qrels.set(id, rel);
      topRanked.set(id, candidates);
    });
  });
  return { kind: "retrieval", corpus, queries, qrels, topRanked };
}

/**
 * Read one split of MindSmallReranking. The default config's v1 rows go through `buildMindSmallReranking`; a snapshot
 * laid out as corpus/queries/qrels/top_ranked configs (the other stored source version c78a1e9, which drops the `load_data` override
 * at the same dataset revision) is read by the generic retrieval loader instead.
 */
export async function loadMindSmallReranking(source: DatasetSource, split: string): Promise<RetrievalData> {
  const names = new Set((await datasetConfigs(source)).map((c) => c.name));
  if (names.has("corpus") && names.has("top_ranked")) return loadRetrieval(source, split, "default", false);
  const rows = await readSplit(source, { split });
  return buildMindSmallReranking(rows, split, `${source.describe} ${split}`);
}
