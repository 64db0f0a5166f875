/**
 * A local folder in the BEIR layout (`corpus.jsonl`, `queries.jsonl`, `qrels/<split>.tsv`, optionally gzipped), read
 * into the same retrieval data as the Hub's mteb configs: `_id` → id, title + text, qrels as ints (last duplicate wins).
 */
import type { RetrievalData } from "../../tasks/data.js";
import { EmbevalError } from "../errors.js";
import { readRows } from "./files/read.js";
import type { Row } from "./files/value.js";
import { columns, qrelsFromRows } from "./rows.js";
import type { DatasetSource } from "./source.js";

function pick(files: readonly string[], names: string[]): string | undefined {
  return names.find((n) => files.includes(n));
}

/** True when the file list looks like a BEIR folder (and has no dataset card configs to follow instead). */
export function isBeirLayout(files: readonly string[]): boolean {
  return (
    pick(files, ["corpus.jsonl", "corpus.jsonl.gz"]) !== undefined &&
    files.some((f) => f.startsWith("qrels/"))
  );
}

async function rowsOf(source: DatasetSource, file: string): Promise<Row[]> {
  const out: Row[] = [];
  for await (const r of readRows(await source.resolve(file))) out.push(r);
  return out;
}

/** Load one split of a BEIR folder. */
export async function loadBeir(source: DatasetSource, split: string): Promise<RetrievalData> {
  const files = await source.listFiles();
  const corpusFile = pick(files, ["corpus.jsonl", "corpus.jsonl.gz"]);
  const queryFile = pick(files, ["queries.jsonl", "queries.jsonl.gz"]);
  const qrelsFile = pick(files, [`qrels/${split}.tsv`, `qrels/${split}.tsv.gz`]);
  if (!corpusFile || !queryFile || !qrelsFile) {
    const qrelSplits = files
      .filter((f) => f.startsWith("qrels/"))
      .map((f) => f.slice(6).replace(/\.tsv(\.gz)?$/, ""));
    throw new EmbevalError(
      "E_DATASET_MISSING",
      `${source.describe}: BEIR folder lacks ${!corpusFile ? "corpus.jsonl" : !queryFile ? "queries.jsonl" : `qrels/${split}.tsv`}`,
      {
        hint: `qrels splits present: ${qrelSplits.join(", ") || "none"}`,
      },
    );
  }
  const col = columns(`${source.describe} ${split}`);
  const corpus = (await rowsOf(source, corpusFile)).map((r, i) => ({
    id: col.str(r, "_id" in r ? "_id" : "id", i),
    title: "title" in r && r.title !== null ? col.str(r, "title", i) : undefined,
    text: col.str(r, "text", i),
  }));
  const qrelRows = await rowsOf(source, qrelsFile);
  const qrels = qrelsFromRows(qrelRows, col);
  const queries = (await rowsOf(source, queryFile))
    .map((r, i) => ({ id: col.str(r, "_id" in r ? "_id" : "id", i), text: col.str(r, "text", i) }))
    .filter((q) => qrels.has(q.id));
  return { kind: "retrieval", corpus, queries, qrels };
}
