/**
 * LongEmbed's own `load_data` (mteb/tasks/retrieval/eng/lemb_*.py, mteb 2.20): dwzhu/LongEmbed config `dataset.name`
 * with splits `queries` {qid, text}, `corpus` {doc_id, text}, `qrels` {qid, doc_id}; context-length eval splits
 * (`test_256` … `test_32768`, LEMBNeedleRetrieval) keep the rows whose `context_length` is the split's number.
 */
import type { RetrievalData } from "../../tasks/data.js";
import type { CorpusDoc } from "../../tasks/text.js";
import type { Row } from "./files/value.js";
import { columns } from "./rows.js";
import type { DatasetSource } from "./source.js";
import { readSplit } from "./splits.js";

/** The repo whose tasks override mteb's retrieval loader with the dict-building `load_data` above. */
export const LONGEMBED_REPO = "dwzhu/LongEmbed";

/** Whether a task reads dwzhu/LongEmbed through LongEmbed's own loader (not mteb's RetrievalDatasetLoader). */
export function usesLongEmbedLoader(dataset: { path: string }): boolean {
  return dataset.path === LONGEMBED_REPO;
}

/** `test_4096` → 4096 (mteb: `int(split.split("_")[1])`); undefined for an eval split that selects no length. */
export function contextLengthOf(split: string): number | undefined {
  const m = /^[^_]+_(\d+)$/.exec(split);
  return m ? Number(m[1]) : undefined;
}

/** Python's `{row[k]: v for row in rows}`: first position, last value wins. */
function dictOf<T>(
  rows: readonly Row[],
  key: (r: Row, i: number) => string,
  value: (r: Row, i: number) => T,
) {
  const out = new Map<string, T>();
  rows.forEach((r, i) => {
    out.set(key(r, i), value(r, i));
  });
  return out;
}

/** Load one eval split of a LongEmbed task from its `dataset.name` config. */
export async function loadLongEmbed(
  source: DatasetSource,
  config: string | undefined,
  split: string,
): Promise<RetrievalData> {
  const where = `${source.describe} ${config ?? "default"}/${split}`;
  const col = columns(where);
  const length = contextLengthOf(split);
  const read = async (part: "queries" | "corpus" | "qrels", cols: string[]): Promise<Row[]> => {
    const rows = await readSplit(source, { config, split: part });
    col.require(rows, length === undefined ? cols : [...cols, "context_length"]);
    return length === undefined ? rows : rows.filter((r, i) => col.num(r, "context_length", i) === length);
  };
  const queryRows = await read("queries", ["qid", "text"]);
  const corpusRows = await read("corpus", ["doc_id", "text"]);
  const qrelRows = await read("qrels", ["qid", "doc_id"]);
  const queries = dictOf(
    queryRows,
    (r, i) => col.str(r, "qid", i),
    (r, i) => col.str(r, "text", i),
  );
  const corpus: CorpusDoc[] = [
    ...dictOf(
      corpusRows,
      (r, i) => col.str(r, "doc_id", i),
      (r, i) => col.str(r, "text", i),
    ),
  ].map(([id, text]) => ({ id, text }));
  // `{row["qid"]: {row["doc_id"]: 1}}`: one relevant document per query, the last row's.
  const qrels = dictOf(
    qrelRows,
    (r, i) => col.str(r, "qid", i),
    (r, i) => new Map([[col.str(r, "doc_id", i), 1]]),
  );
  return {
    kind: "retrieval",
    corpus,
    // Queries without qrels never reach a score (pytrec_eval scores qrels' queries only); dropped as elsewhere.
    queries: [...queries].filter(([id]) => qrels.has(id)).map(([id, text]) => ({ id, text })),
    qrels,
  };
}
