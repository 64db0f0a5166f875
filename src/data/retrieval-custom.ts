/**
 * Retrieval tasks whose mteb 2.20.0 source overrides `load_data` with a layout the generic loader (load-retrieval.ts)
 * cannot read: BelebeleRetrieval (retrieval built from the Belebele MRC rows) and CUREv1 (shared corpus/qrels configs,
 * one queries config per language, eval split = config split); MindSmallReranking's loader is in ./retrieval-mind.ts.
 * Pure builders plus thin readers.
 */
import type { RetrievalData } from "../../tasks/data.js";
import type { CorpusDoc } from "../../tasks/text.js";
import { EmbevalError } from "../errors.js";
import type { Row } from "./files/value.js";
import { loadMindSmallReranking } from "./retrieval-mind.js";
import { columns, qrelsFromRows } from "./rows.js";
import type { DatasetSource } from "./source.js";
import { readSplit } from "./splits.js";

/** Python `dict` assignment order: a key keeps its first position, the last value wins. */
function pyDict<V>(entries: Iterable<readonly [string, V]>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of entries) m.set(k, v);
  return m;
}

/**
 * mteb BelebeleRetrieval.load_data for one subset (corpus language rows, question language rows): passages are the
 * corpus rows' unique `link`s in first-seen order (`C0`, `C1`, ..., text `flores_passage`, no title); queries are the
 * question rows' unique `question` texts in first-seen order (`Q0`, ...); each question row marks its link's passage
 * relevant (1), so a question text asked of two passages has both.
 */
export function buildBelebeleRetrieval(
  corpusRows: readonly Row[],
  questionRows: readonly Row[],
  where = "belebele",
): RetrievalData {
  const col = columns(where);
  const questionIds = new Map<string, number>();
  questionRows.forEach((r, i) => {
    const q = col.str(r, "question", i);
    if (!questionIds.has(q)) questionIds.set(q, questionIds.size);
  });
  const linkToContext = new Map<string, string>();
  const corpus: CorpusDoc[] = [];
  corpusRows.forEach((r, i) => {
    const link = col.str(r, "link", i);
    if (linkToContext.has(link)) return;
    const id = `C${linkToContext.size}`;
    linkToContext.set(link, id);
    corpus.push({ id, title: "", text: col.str(r, "flores_passage", i) });
  });
  const queries = new Map<string, string>();
  const qrels = new Map<string, Map<string, number>>();
  questionRows.forEach((r, i) => {
    const text = col.str(r, "question", i);
    const qid = `Q${questionIds.get(text)}`;
    queries.set(qid, text);
    const link = col.str(r, "link", i);
    const cid = linkToContext.get(link);
    if (cid === undefined) {
      throw new EmbevalError(
        "E_PARSE",
        `${where}: question row ${i} links to "${link}", absent from the corpus`,
        {
          hint: "mteb raises KeyError here too: the two languages' Belebele rows must share their passage links",
        },
      );
    }
    let m = qrels.get(qid);
    if (!m) {
      m = new Map();
      qrels.set(qid, m);
    }
    m.set(cid, 1);
  });
  return {
    kind: "retrieval",
    corpus,
    queries: [...queries].map(([id, text]) => ({ id, text })),
    qrels,
  };
}

/** BelebeleRetrieval subset `xxx_Scrp-yyy_Scrp`: corpus from split `xxx_Scrp`, questions from split `yyy_Scrp`. */
export function belebeleLanguages(subset: string): { corpus: string; questions: string } {
  const parts = subset.split("-");
  if (parts.length !== 2 || parts.some((p) => !/^[a-z]{3}_[A-Z][a-z]{3}$/.test(p))) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `BelebeleRetrieval subset "${subset}" is not lang_Script-lang_Script`,
      {
        hint: "use one of the task's hf_subsets, e.g. eng_Latn-deu_Latn",
      },
    );
  }
  return { corpus: parts[0], questions: parts[1] };
}

/** Read one BelebeleRetrieval subset (the dataset's default config has one split per language). */
export async function loadBelebeleRetrieval(source: DatasetSource, subset: string): Promise<RetrievalData> {
  const langs = belebeleLanguages(subset);
  const corpusRows = await readSplit(source, { split: langs.corpus });
  const questionRows =
    langs.questions === langs.corpus ? corpusRows : await readSplit(source, { split: langs.questions });
  return buildBelebeleRetrieval(corpusRows, questionRows, `${source.describe} ${subset}`);
}

/**
 * mteb CUREv1Retrieval.load_data for one (split, subset): corpus from config `corpus`, qrels from config `qrels` and
 * queries from config `queries-<subset>`, each at the eval split (`all`, `dermatology`, ...). Ids are python-dict keyed
 * (first position, last value); queries without qrels are dropped (mteb drops them before scoring).
 */
export function buildCureV1(
  corpusRows: readonly Row[],
  queryRows: readonly Row[],
  qrelRows: readonly Row[],
  where = "CUREv1",
): RetrievalData {
  const col = columns(where);
  const docs = pyDict(
    corpusRows.map(
      (r, i) =>
        [col.str(r, "_id", i), { title: col.str(r, "title", i), text: col.str(r, "text", i) }] as const,
    ),
  );
  const qrels = qrelsFromRows(qrelRows, col);
  const queries = pyDict(queryRows.map((r, i) => [col.str(r, "_id", i), col.str(r, "text", i)] as const));
  return {
    kind: "retrieval",
    corpus: [...docs].map(([id, d]) => ({ id, ...d })),
    queries: [...queries]
      .filter(([id]) => (qrels.get(id)?.size ?? 0) > 0)
      .map(([id, text]) => ({ id, text })),
    qrels,
  };
}

/** Read one CUREv1 (split, subset). */
export async function loadCureV1(
  source: DatasetSource,
  split: string,
  subset: string,
): Promise<RetrievalData> {
  const corpus = await readSplit(source, { config: "corpus", split });
  const queries = await readSplit(source, { config: `queries-${subset}`, split });
  const qrels = await readSplit(source, { config: "qrels", split });
  return buildCureV1(corpus, queries, qrels, `${source.describe} ${subset}/${split}`);
}

/** A loader for one (split, subset) of a task whose `load_data` override the generic retrieval loader cannot read. */
export type CustomRetrievalLoader = (
  source: DatasetSource,
  split: string,
  subset: string,
) => Promise<RetrievalData>;

/** Task name → its custom loader (load-task.ts: use it instead of loadRetrieval when present). */
export const CUSTOM_RETRIEVAL_LOADERS: Readonly<Record<string, CustomRetrievalLoader>> = {
  BelebeleRetrieval: (source, _split, subset) => loadBelebeleRetrieval(source, subset),
  CUREv1: loadCureV1,
  MindSmallReranking: (source, split) => loadMindSmallReranking(source, split),
};
