/**
 * THE ranking function of every retrieval metric: documents by score descending with an explicit precision and
 * tie rule. Reproduces trec_eval 9.0.8 form_res_rels.c comp_sim_docno (float32 sims, docno strcmp descending),
 * mteb 2.20 retrieval_metrics.py `sorted(..., key=(score, doc_id), reverse=True)` (mrr, get_rank_from_dict), and
 * mteb's skip_first_result re-sort (`sorted(..., key=score, reverse=True)`, Python's stable sort).
 *
 * Why one function with parameters instead of one sort per metric:
 * - trec_eval-derived metrics (nDCG, MAP, recall, P, success/hit rate) compare the scores after pytrec_eval stored
 *   them as C `float`: `{ precision: "float32", ties: "doc-id-desc" }`. Doubles closer than float32 resolution tie
 *   there and fall back to the doc id (oracle case retrieval_float64_scores).
 * - mteb's own MRR@k and p-MRR ranks sort the Python doubles with the same doc-id-descending tie rule:
 *   `{ precision: "float64", ties: "doc-id-desc" }`.
 * - skip_first_result re-sorts by score only, keeping insertion order among ties:
 *   `{ precision: "float64", ties: "stable" }`.
 * Doc ids compare by Unicode code point (= UTF-8 byte order = C strcmp = Python str order), never by JS `<`,
 * which compares UTF-16 code units and misorders astral-plane characters (oracle case retrieval_ties_ids).
 */
import { EmbevalError } from "./errors.js";

/** Precision the scores are compared in: C float (trec_eval) or double (mteb's own Python code). */
export type RankPrecision = "float32" | "float64";

/** Tie rule: doc id descending by code point (trec_eval, mteb MRR / p-MRR), or insertion order (stable sort). */
export type RankTies = "doc-id-desc" | "stable";

/** How to rank; see the module comment for which metric uses which. */
export interface RankOptions {
  readonly precision: RankPrecision;
  readonly ties: RankTies;
}

/** One ranked document: its id and its original (double) score. */
export interface RankedDoc {
  readonly id: string;
  readonly score: number;
}

/** trec_eval measures: float32 scores, doc id descending. */
export const TREC_EVAL_RANKING: RankOptions = { precision: "float32", ties: "doc-id-desc" };
/** mteb's MRR@k and p-MRR ranks: double scores, doc id descending. */
export const MTEB_DOUBLE_RANKING: RankOptions = { precision: "float64", ties: "doc-id-desc" };
/** mteb's skip_first_result re-sort: double scores, insertion order among ties. */
export const STABLE_SCORE_RANKING: RankOptions = { precision: "float64", ties: "stable" };

/**
 * Compare two strings by Unicode code point (negative, zero, positive), which equals UTF-8 byte order (C
 * `strcmp`) and Python `str` ordering. At the first differing UTF-16 unit, surrogates are moved above the
 * BMP range U+E000..U+FFFF so that astral characters sort after every BMP character.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);
const PACK = 2 ** 20;

/** float32 bits mapped to an unsigned integer that sorts *descending* with the value (±0 equal). */
function descendingBits(x: number): number {
  F32[0] = x === 0 ? 0 : x;
  const b = U32[0];
  const asc = b >= 0x80000000 ? 0xffffffff - b : b + 0x80000000;
  return 0xffffffff - asc;
}

/**
 * Positions of the documents in rank order. Fast path: when every comparison key is a float32 value (always for
 * float32 precision; for float64 when the doubles are float32-representable, as embedding similarities are),
 * (key, position) is packed into one exact integer-valued double and sorted natively; runs of equal keys are
 * then re-sorted by doc id when ties are "doc-id-desc". Otherwise a comparator sort on the doubles.
 */
function rankOrder(ids: readonly string[], raw: Float64Array, opts: RankOptions): ArrayLike<number> {
  const n = raw.length;
  let packable = n < PACK;
  if (packable && opts.precision === "float64") {
    for (let k = 0; k < n; k++) {
      if (Math.fround(raw[k]) !== raw[k]) {
        packable = false;
        break;
      }
    }
  }
  if (!packable) {
    const order: number[] = new Array(n);
    for (let k = 0; k < n; k++) order[k] = k;
    const key = opts.precision === "float32" ? Float64Array.from(raw, Math.fround) : raw;
    if (opts.ties === "stable") order.sort((p, q) => key[q] - key[p] || p - q);
    else order.sort((p, q) => key[q] - key[p] || compareCodePoints(ids[q], ids[p]));
    return order;
  }
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++) packed[k] = descendingBits(raw[k]) * PACK + k;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k] % PACK;
  if (opts.ties === "doc-id-desc") {
    let start = 0;
    for (let k = 1; k <= n; k++) {
      if (k === n || Math.floor(packed[k] / PACK) !== Math.floor(packed[start] / PACK)) {
        if (k - start > 1) order.subarray(start, k).sort((p, q) => compareCodePoints(ids[q], ids[p]));
        start = k;
      }
    }
  }
  return order;
}

function collect(scores: ReadonlyMap<string, number>): { ids: string[]; raw: Float64Array } {
  const ids: string[] = new Array(scores.size);
  const raw = new Float64Array(scores.size);
  let i = 0;
  for (const [id, s] of scores) {
    if (Number.isNaN(s)) {
      throw new EmbevalError("E_NOT_FINITE", `score of document "${id}" is NaN`, {
        hint: "mteb raises on NaN similarities; fix the model output",
      });
    }
    ids[i] = id;
    raw[i] = s;
    i++;
  }
  return { ids, raw };
}

/**
 * Rank the documents of one query: score descending in `opts.precision`, ties by `opts.ties`. Returns a new
 * array; the input is not modified. NaN scores are rejected (trec_eval's order would be undefined).
 */
export function rankDocuments(scores: ReadonlyMap<string, number>, opts: RankOptions): RankedDoc[] {
  const { ids, raw } = collect(scores);
  const order = rankOrder(ids, raw, opts);
  const out: RankedDoc[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = { id: ids[order[k]], score: raw[order[k]] };
  return out;
}

/** The ids of `rankDocuments(scores, opts)`, in rank order. */
export function rankIds(scores: ReadonlyMap<string, number>, opts: RankOptions): string[] {
  const { ids, raw } = collect(scores);
  const order = rankOrder(ids, raw, opts);
  const out: string[] = new Array(order.length);
  for (let k = 0; k < order.length; k++) out[k] = ids[order[k]];
  return out;
}
