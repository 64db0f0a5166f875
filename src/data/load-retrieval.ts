/**
 * Retrieval-family data as mteb's `RetrievalDatasetLoader` builds it (mteb/abstasks/retrieval_dataset_loaders.py):
 * configs corpus / queries / default (= qrels) / top_ranked / instruction, prefixed `<subset>-` for multilingual tasks,
 * each read at the eval split or, when the config has only one split, that one (`_get_split`);
 * `_id` → `id` as strings, qrels as ints (last duplicate wins), queries reduced to those with qrels. A folder in the
 * BEIR layout (no dataset card) is read by beir.ts.
 */
import type { RetrievalData } from "../../tasks/data.js";
import type { CorpusDoc } from "../../tasks/text.js";
import { EmbevalError } from "../errors.js";
import { isBeirLayout, loadBeir } from "./beir.js";
import type { Row } from "./files/value.js";
import { columns, qrelsFromRows } from "./rows.js";
import type { DatasetSource } from "./source.js";
import { datasetConfigs, readSplit } from "./splits.js";

function idOf(row: Row, i: number, where: string): string {
  const v = "id" in row ? row.id : row._id;
  if (v === undefined || v === null)
    throw new EmbevalError("E_PARSE", `${where}: row ${i} has no "id"/"_id"`);
  return String(v);
}

/** Load one (split, subset) of a retrieval / reranking / instruction task. */
export async function loadRetrieval(
  source: DatasetSource,
  split: string,
  subset: string,
  multi: boolean,
): Promise<RetrievalData> {
  const configs = await datasetConfigs(source);
  if (configs.length === 0 && isBeirLayout(await source.listFiles())) return loadBeir(source, split);
  const names = new Set(configs.map((c) => c.name));
  const cfg = (base: string) => (multi ? `${subset}-${base}` : base);
  const qrelsConfig = names.has(cfg("qrels")) ? cfg("qrels") : multi ? cfg("qrels") : "default";
  const where = `${source.describe} ${subset}/${split}`;
  const col = columns(where);

  const corpusRows = await readSplit(source, {
    config: cfg("corpus"),
    split,
    singleSplitFallback: true,
  });
  const corpus: CorpusDoc[] = corpusRows.map((r, i) => ({
    id: idOf(r, i, `${where} corpus`),
    title: "title" in r && r.title !== null ? col.str(r, "title", i) : undefined,
    text: col.str(r, "text", i),
  }));

  const qrelRows = await readSplit(source, { config: qrelsConfig, split, singleSplitFallback: false });
  const qrels = qrelsFromRows(qrelRows, col);

  const queryConfig = names.has(cfg("queries")) ? cfg("queries") : cfg("query");
  const queryRows = await readSplit(source, {
    config: queryConfig,
    split,
    singleSplitFallback: true,
  });
  let instructions: Map<string, string> | undefined;
  if (names.has(cfg("instruction"))) {
    const rows = await readSplit(source, { config: cfg("instruction"), split, singleSplitFallback: true });
    instructions = new Map(rows.map((r, i) => [col.str(r, "query-id", i), col.str(r, "instruction", i)]));
  }
  const queries = queryRows
    .map((r, i) => ({ id: idOf(r, i, `${where} queries`), text: col.str(r, "text", i) }))
    .filter((q) => qrels.has(q.id))
    .map((q) => {
      const instruction = instructions?.get(q.id);
      return instruction === undefined ? q : { ...q, instruction };
    });

  let topRanked: Map<string, string[]> | undefined;
  if (names.has(cfg("top_ranked"))) {
    const rows = await readSplit(source, { config: cfg("top_ranked"), split, singleSplitFallback: true });
    topRanked = new Map(
      rows.map((r, i) => [col.str(r, "query-id", i), col.list(r, "corpus-ids", i).map(String)]),
    );
  }
  // FollowIR tasks read `qrel_diff` themselves (split "qrel_diff"); mFollowIR names it `qrel_diff-<subset>`.
  const diffConfig = multi ? `qrel_diff-${subset.replace(/^eng-/, "")}` : "qrel_diff";
  let changed: Map<string, string[]> | undefined;
  if (names.has(diffConfig)) {
    const rows = await readSplit(source, {
      config: diffConfig,
      split: "qrel_diff",
      singleSplitFallback: true,
    });
    changed = new Map(
      rows.map((r, i) => [col.str(r, "query-id", i), col.list(r, "corpus-ids", i).map(String)]),
    );
  }
  return {
    kind: "retrieval",
    corpus,
    queries,
    qrels,
    ...(topRanked ? { topRanked } : {}),
    ...(changed ? { changed } : {}),
  };
}
