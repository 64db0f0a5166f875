/** Parsing and checking embedding responses: JSON (Python's bare NaN/Infinity detected), dimension, finiteness, base64 float32. */
import { EmbevalError } from "../../errors.js";

/** Parse a JSON body; E_NOT_FINITE when it only fails because of bare NaN/Infinity tokens, else E_PARSE. */
export function parseJsonBody(body: string, shown: string, redact: (s: string) => string): unknown {
  try {
    return JSON.parse(body);
  } catch (cause) {
    const patched = body.replace(/(?<=[[,:]\s*)-?(?:NaN|Infinity)(?=\s*[\],}])/g, "null");
    if (patched !== body) {
      try {
        JSON.parse(patched);
        throw new EmbevalError("E_NOT_FINITE", `${shown} returned NaN or Infinity in an embedding`, {
          hint: "the model produced non-finite values; check the model/server (fp16 overflow?)",
        });
      } catch (e) {
        if (e instanceof EmbevalError) throw e;
      }
    }
    const s = redact(body.slice(0, 200));
    throw new EmbevalError("E_PARSE", `${shown} returned malformed JSON: ${JSON.stringify(s)}`, {
      hint: "is the endpoint an embeddings server of the right kind?",
      cause,
    });
  }
}

/** Check one vector and write it as float32 into `out` at row `rowIndex` (E_PARSE / E_EMBEDDING_DIM / E_NOT_FINITE). */
export function storeVector(
  v: unknown,
  dim: number,
  out: Float32Array,
  rowIndex: number,
  shown: string,
): void {
  if (!Array.isArray(v))
    throw new EmbevalError("E_PARSE", `${shown} returned an embedding that is not a list`);
  if (v.length !== dim) {
    throw new EmbevalError(
      "E_EMBEDDING_DIM",
      `${shown} returned a ${v.length}-dimensional embedding, expected ${dim}`,
      { hint: "check the model / dimensions option; all endpoints must serve the same model" },
    );
  }
  const base = rowIndex * dim;
  for (let j = 0; j < dim; j++) {
    const x = v[j];
    if (typeof x !== "number") {
      if (x === null) throw new EmbevalError("E_NOT_FINITE", `${shown} returned null (NaN?) in an embedding`);
      throw new EmbevalError("E_PARSE", `${shown} returned a non-number in an embedding`);
    }
    const f = Math.fround(x);
    if (!Number.isFinite(f)) {
      throw new EmbevalError("E_NOT_FINITE", `${shown} returned a non-finite value (${x}) in an embedding`, {
        hint: "the value overflows float32 or the model produced NaN/Inf",
      });
    }
    out[base + j] = f;
  }
}

/** Decode a base64 little-endian float32 vector (OpenAI `encoding_format: "base64"`). */
export function decodeBase64F32(b64: unknown, shown: string): number[] {
  if (typeof b64 !== "string")
    throw new EmbevalError("E_PARSE", `${shown} returned a non-string base64 embedding`);
  const buf = Buffer.from(b64, "base64");
  if (buf.length % 4 !== 0)
    throw new EmbevalError("E_PARSE", `${shown} returned a truncated base64 embedding`);
  const out = new Array<number>(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}
