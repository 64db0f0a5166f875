/** Splitting an embedding call into requests that respect the per-request text, character and byte limits. */

/** One request's worth of texts; `indices` are the output rows they fill. */
export interface Batch {
  indices: number[];
  texts: string[];
  /** Attempts made so far. */
  attempts: number;
  /** Endpoint of the last failure, avoided on the retry while another endpoint is healthy. */
  avoid?: number;
}

/** Per-request limits; a single text over the character/byte limit still travels alone. */
export interface BatchLimits {
  maxTexts: number;
  maxChars: number;
  maxBytes: number;
}

/** Greedy, order-preserving packing of `(index, text)` items into batches within `limits`. */
export function makeBatches(items: readonly { index: number; text: string }[], limits: BatchLimits): Batch[] {
  const out: Batch[] = [];
  let cur: Batch | undefined;
  let chars = 0;
  let bytes = 0;
  for (const { index, text } of items) {
    const c = text.length;
    const b = Buffer.byteLength(text, "utf8");
    if (
      !cur ||
      cur.texts.length >= limits.maxTexts ||
      chars + c > limits.maxChars ||
      bytes + b > limits.maxBytes
    ) {
      cur = { indices: [], texts: [], attempts: 0 };
      out.push(cur);
      chars = 0;
      bytes = 0;
    }
    cur.indices.push(index);
    cur.texts.push(text);
    chars += c;
    bytes += b;
  }
  return out;
}

/** Halve a batch (for 413 Payload Too Large); the halves keep the attempt count. */
export function splitBatch(b: Batch): [Batch, Batch] {
  const h = Math.ceil(b.texts.length / 2);
  return [
    { indices: b.indices.slice(0, h), texts: b.texts.slice(0, h), attempts: b.attempts },
    { indices: b.indices.slice(h), texts: b.texts.slice(h), attempts: b.attempts },
  ];
}
