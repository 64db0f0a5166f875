/** Build qrels / runs from (query, doc, value) triples with Python dict semantics: the last duplicate wins. */
import { EmbevalError } from "../errors.js";
import type { Qrels, Run } from "./types.js";

/** One TSV line: query id, doc id, value. */
export type Triple = readonly [queryId: string, docId: string, value: number];

function group(triples: Iterable<Triple>, check: (t: Triple) => void): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const t of triples) {
    check(t);
    const [q, d, v] = t;
    let docs = out.get(q);
    if (docs === undefined) {
      docs = new Map();
      out.set(q, docs);
    }
    // Like `dict[k] = v`: a repeated key keeps its first position and takes the last value.
    docs.set(d, v);
  }
  return out;
}

/**
 * Qrels from triples, as mteb's loader builds them (grades cast to int32, last duplicate wins, query and doc
 * order of first appearance). Non-integer or non-finite grades are rejected.
 */
export function qrelsFromTriples(triples: Iterable<Triple>): Qrels {
  return group(triples, ([q, d, v]) => {
    if (!Number.isInteger(v) || v < -2147483648 || v > 2147483647) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `qrels grade ${v} for (${q}, ${d}) is not an int32`, {
        hint: "relevance grades must be integers (mteb casts them to int32)",
      });
    }
  });
}

/** A run from triples (scores as doubles, last duplicate wins). NaN scores are rejected. */
export function runFromTriples(triples: Iterable<Triple>): Run {
  return group(triples, ([q, d, v]) => {
    if (Number.isNaN(v)) {
      throw new EmbevalError("E_NOT_FINITE", `run score for (${q}, ${d}) is NaN`, {
        hint: "scores must be numbers",
      });
    }
  });
}
