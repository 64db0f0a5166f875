/**
 * model2vec static models (MinishLab/model2vec model.py StaticModel.encode): `model.safetensors` (`embeddings`,
 * optional `weights` and `mapping`), `tokenizer.json` (run by the official `tokenizers` binding, no special tokens),
 * `config.json` (`normalize`). Per text: cut to `maxLength × median token length` code points, tokenize, drop the unk
 * id, keep `maxLength` ids, mean the (weighted, remapped) rows in float32, L2-normalize when configured.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { EmbevalError } from "../../errors.js";
import { meanRows, normalizeRowF32, type VectorTable } from "./pooling.js";
import { readSafetensors } from "./safetensors.js";

/** A loaded model2vec model. */
export interface Model2Vec {
  table: VectorTable;
  weights?: Float32Array;
  mapping?: Float64Array;
  unkId?: number;
  medianTokenLength: number;
  normalize: boolean;
  /** sha256 over the three files (hex). */
  contentHash: string;
  /** Token ids of texts, with model2vec's truncation and unk removal. */
  tokenize(texts: readonly string[], maxLength: number | null): Promise<number[][]>;
}

interface TokenizerJson {
  model?: { type?: string; unk_token?: string | null };
}

async function readOr(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (cause) {
    throw new EmbevalError("E_IO", `cannot read ${path}`, {
      cause,
      hint: "a model2vec folder holds model.safetensors, tokenizer.json, config.json",
    });
  }
}

/** Python `int(np.median(lengths))`. */
function intMedian(lengths: number[]): number {
  const s = [...lengths].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return 1;
  const m = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return Math.trunc(m);
}

/** Python `s[:m]` (code points). */
function sliceCodePoints(s: string, m: number): string {
  if (s.length <= m) return s;
  let units = 0;
  let cps = 0;
  while (units < s.length && cps < m) {
    const c = s.codePointAt(units) ?? 0;
    units += c > 0xffff ? 2 : 1;
    cps++;
  }
  return s.slice(0, units);
}

/** Load a model2vec folder. */
export async function loadModel2Vec(dir: string, normalizeOverride?: boolean): Promise<Model2Vec> {
  const [st, tokBuf, cfgBuf] = await Promise.all([
    readOr(join(dir, "model.safetensors")),
    readOr(join(dir, "tokenizer.json")),
    readFile(join(dir, "config.json")).catch(() => Buffer.from("{}")),
  ]);
  const tensors = readSafetensors(st, join(dir, "model.safetensors"), ["embeddings", "weights", "mapping"]);
  const emb = tensors.get("embeddings");
  if (emb?.shape.length !== 2) {
    throw new EmbevalError("E_PARSE", `${dir}: model.safetensors has no 2-D "embeddings" tensor`);
  }
  const config = JSON.parse(cfgBuf.toString("utf8")) as { normalize?: boolean };
  const tokJson = JSON.parse(tokBuf.toString("utf8")) as TokenizerJson;
  const { Tokenizer } = await import("tokenizers");
  const tokenizer = Tokenizer.fromFile(join(dir, "tokenizer.json"));
  const vocab = tokenizer.getVocab(true);
  const tokens = Object.keys(vocab);
  const type = tokJson.model?.type;
  const unkName = type === "Unigram" ? undefined : (tokJson.model?.unk_token ?? undefined);
  const unkId = unkName !== undefined ? vocab[unkName] : undefined;
  const [count, dim] = emb.shape;
  const mapping = tensors.get("mapping")?.data as Float64Array | undefined;
  if (!mapping && count !== tokens.length) {
    throw new EmbevalError("E_PARSE", `${dir}: ${tokens.length} tokens but ${count} embedding rows`);
  }
  const w = tensors.get("weights")?.data;
  const hash = createHash("sha256").update(st).update(tokBuf).update(cfgBuf).digest("hex");
  const medianTokenLength = intMedian(tokens.map((t) => Array.from(t).length));
  return {
    table: { dim, count, data: emb.data instanceof Float32Array ? emb.data : Float32Array.from(emb.data) },
    weights: w ? Float32Array.from(w) : undefined,
    mapping,
    unkId,
    medianTokenLength,
    normalize: normalizeOverride ?? config.normalize ?? false,
    contentHash: hash,
    async tokenize(texts, maxLength) {
      const cut =
        maxLength === null ? texts : texts.map((t) => sliceCodePoints(t, maxLength * medianTokenLength));
      const enc = await tokenizer.encodeBatch([...cut], { addSpecialTokens: false });
      return enc.map((e) => {
        let ids = e.getIds();
        if (unkId !== undefined) ids = ids.filter((id) => id !== unkId);
        return maxLength === null ? ids : ids.slice(0, maxLength);
      });
    },
  };
}

/** Embed texts with a loaded model2vec model into a `texts × dim` float32 array. */
export async function encodeModel2Vec(
  m: Model2Vec,
  texts: readonly string[],
  maxLength: number | null,
): Promise<Float32Array> {
  const { dim } = m.table;
  const out = new Float32Array(texts.length * dim);
  const ids = await m.tokenize(texts, maxLength);
  for (let i = 0; i < ids.length; i++) {
    const rows = m.mapping ? ids[i].map((id) => m.mapping![id]) : ids[i];
    if (m.weights) {
      // weights are indexed by token id, rows by mapped id: scale per occurrence
      const scaled = ids[i].map((id) => m.weights![id]);
      meanWeighted(m.table, rows, scaled, out, i * dim);
    } else {
      meanRows(m.table, rows, out, i * dim);
    }
    if (m.normalize) normalizeRowF32(out, i * dim, dim);
  }
  return out;
}

function meanWeighted(t: VectorTable, rows: number[], w: number[], out: Float32Array, offset: number): void {
  const acc = out.subarray(offset, offset + t.dim);
  acc.fill(0);
  if (rows.length === 0) return;
  for (let k = 0; k < rows.length; k++) {
    const base = rows[k] * t.dim;
    for (let j = 0; j < t.dim; j++) acc[j] = acc[j] + Math.fround(t.data[base + j] * w[k]);
  }
  for (let j = 0; j < t.dim; j++) acc[j] = acc[j] / rows.length;
}
