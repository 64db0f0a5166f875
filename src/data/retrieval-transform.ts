/** Applies a retrieval-family task's declared row steps (tasks/transforms/retrieval.ts) to the rows of one of its configs. */
import type { RetrievalData } from "../../tasks/data.js";
import type { TaskTransform, TransformStep } from "../../tasks/transforms/types.js";
import { EmbevalError } from "../errors.js";
import type { Row } from "./files/value.js";
import { applyStep } from "./transform.js";

/** The three configs mteb's `RetrievalDatasetLoader` reads (qrels = the `default`/`qrels` config). */
export type RetrievalPart = "corpus" | "queries" | "qrels";

/** Row-level step kinds that make sense on a retrieval config; split-building or sampling kinds do not. */
const ROW_KINDS: ReadonlySet<TransformStep["kind"]> = new Set([
  "renameColumns",
  "removeColumns",
  "filter",
  "mapValues",
]);

/** Where a retrieval config's rows come from (for split-scoped steps and messages). */
export interface RetrievalRowContext {
  /** The eval split being loaded (qrels are read from it; corpus/queries are the same for every split). */
  readonly split: string;
  readonly evalSplits: readonly string[];
  readonly where?: string;
}

/**
 * Rows of one retrieval config after the task's row steps, in order. Each step applies to every part (mteb's
 * v1 `load_data` overrides treat corpus, queries and qrels alike; a step naming a column a part lacks changes nothing
 * there). Steps that build or sample splits are E_UNSUPPORTED: retrieval splits are selected by the loader.
 */
export function transformRetrievalRows(
  transform: TaskTransform | undefined,
  part: RetrievalPart,
  rows: readonly Row[],
  ctx: RetrievalRowContext,
): Row[] {
  let out = [...rows];
  const where = `${ctx.where ?? ctx.split} ${part}`;
  for (const step of transform?.steps ?? []) {
    if (!ROW_KINDS.has(step.kind)) {
      throw new EmbevalError(
        "E_UNSUPPORTED",
        `${where}: step "${step.kind}" cannot apply to retrieval rows`,
        {
          hint: "retrieval tasks take renameColumns / removeColumns / filter / mapValues steps only",
        },
      );
    }
    out = applyStep(out, step, { split: ctx.split, evalSplits: ctx.evalSplits, readRaw: noRaw, where });
  }
  return out;
}

/**
 * A loaded retrieval split after the task's row steps, for wiring after any loader: steps see the normalized columns
 * (corpus `id`/`title`/`text`, queries `id`/`text`/`instruction`, qrels `query-id`/`corpus-id`/`score`). Queries left
 * without qrels are dropped, as everywhere. Without a transform the data is returned as is.
 */
export function applyRetrievalTransform(
  data: RetrievalData,
  transform: TaskTransform | undefined,
  ctx: RetrievalRowContext,
): RetrievalData {
  if (!transform || transform.steps.length === 0) return data;
  const where = ctx.where ?? ctx.split;
  const corpusRows: Row[] = data.corpus.map((d) => ({ id: d.id, title: d.title ?? null, text: d.text }));
  const queryRows: Row[] = data.queries.map((q) => ({
    id: q.id,
    text: q.text,
    instruction: q.instruction ?? null,
  }));
  const qrelRows: Row[] = [...data.qrels].flatMap(([q, m]) =>
    [...m].map(([d, score]) => ({ "query-id": q, "corpus-id": d, score })),
  );
  const str = (r: Row, c: string): string => String(r[c] ?? "");
  const corpus = transformRetrievalRows(transform, "corpus", corpusRows, ctx).map((r) => {
    const title = r.title;
    return { id: str(r, "id"), text: str(r, "text"), ...(typeof title === "string" ? { title } : {}) };
  });
  const qrels = new Map<string, Map<string, number>>();
  for (const r of transformRetrievalRows(transform, "qrels", qrelRows, ctx)) {
    const q = str(r, "query-id");
    const m = qrels.get(q) ?? new Map<string, number>();
    m.set(str(r, "corpus-id"), Number(r.score));
    qrels.set(q, m);
  }
  const queries = transformRetrievalRows(transform, "queries", queryRows, ctx)
    .filter((r) => qrels.has(str(r, "id")))
    .map((r) => {
      const instruction = r.instruction;
      return {
        id: str(r, "id"),
        text: str(r, "text"),
        ...(typeof instruction === "string" ? { instruction } : {}),
      };
    });
  if (corpus.length === 0 || queries.length === 0) {
    throw new EmbevalError(
      "E_EMPTY_INPUT",
      `${where}: the task's transform left no documents or no queries`,
      {
        hint: `check the steps declared for it (${transform.source})`,
      },
    );
  }
  return { ...data, corpus, queries, qrels };
}

/** Row steps never read other splits. */
function noRaw(split: string): Promise<Row[]> {
  return Promise.reject(
    new EmbevalError("E_UNSUPPORTED", `retrieval row steps do not read other splits (asked for "${split}")`),
  );
}
