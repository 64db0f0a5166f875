/**
 * Reader of the word2vec / GloVe text format (`word v1 v2 ... vD` per line; word2vec files start with a `count dim`
 * header line). The dimension comes from the header or the first line; a line with more fields keeps its last D as
 * values and the rest (joined by single spaces) as the word, as GloVe 840B has such words. The first occurrence of a
 * repeated word wins. Values are parsed as float64 then rounded to float32.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { EmbevalError } from "../../errors.js";
import type { WordVectors } from "./cache.js";

/** Parse a text-format vector file. */
export async function readTextVectors(path: string): Promise<WordVectors> {
  const hash = createHash("sha256");
  const stream = createReadStream(path);
  stream.on("data", (c) => hash.update(c));
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  const words: string[] = [];
  const seen = new Set<string>();
  let chunks: Float32Array[] = [];
  let cur = new Float32Array(0);
  let fill = 0;
  let dim = 0;
  let lineNo = 0;
  const bad = (msg: string) =>
    new EmbevalError("E_PARSE", `${path}:${lineNo}: ${msg}`, { hint: "expected `word v1 v2 ... vD` lines" });
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = raw.replace(/^\uFEFF/, "").trimEnd();
      if (line === "") continue;
      const f = line.split(/ +|\t/);
      if (lineNo === 1 && f.length === 2 && /^\d+$/.test(f[0]) && /^\d+$/.test(f[1])) {
        dim = Number(f[1]);
        continue;
      }
      if (dim === 0) dim = f.length - 1;
      if (dim <= 0 || f.length < dim + 1)
        throw bad(`expected a word and ${dim} values, got ${f.length} fields`);
      const word = f.slice(0, f.length - dim).join(" ");
      if (seen.has(word)) continue;
      seen.add(word);
      if (fill + dim > cur.length) {
        if (cur.length) chunks.push(cur);
        cur = new Float32Array(dim * 65536);
        fill = 0;
      }
      for (let j = 0; j < dim; j++) {
        const s = f[f.length - dim + j];
        const x = Number(s);
        if (s === "" || Number.isNaN(x)) throw bad(`"${s}" is not a number`);
        if (!Number.isFinite(Math.fround(x))) {
          throw new EmbevalError("E_NOT_FINITE", `${path}:${lineNo}: non-finite value for "${word}"`);
        }
        cur[fill++] = x;
      }
      words.push(word);
    }
  } catch (cause) {
    if (cause instanceof EmbevalError) throw cause;
    throw new EmbevalError("E_IO", `cannot read word vectors ${path}`, { cause });
  } finally {
    stream.destroy();
  }
  if (words.length === 0) throw new EmbevalError("E_PARSE", `${path} holds no vectors`);
  chunks.push(cur.subarray(0, fill));
  const data = new Float32Array(words.length * dim);
  let off = 0;
  for (const c of chunks) {
    data.set(c.subarray(0, Math.min(c.length, data.length - off)), off);
    off += c.length;
  }
  chunks = [];
  return { dim, count: words.length, data, words, sourceHash: hash.digest("hex") };
}
