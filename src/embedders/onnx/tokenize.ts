/**
 * Tokenization with the official Hugging Face `tokenizers` binding, configured as sentence-transformers' Transformer
 * module calls it (strip, optional lowercase, truncation="longest_first" at max_seq_length, special tokens), and
 * dynamic right padding of a batch to its longest sequence.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Tokenizer } from "tokenizers";
import { pyStrip } from "../../../tasks/text.js";
import { EmbevalError } from "../../errors.js";

/** One tokenized text: ids and token type ids, special tokens included, truncated. */
export interface TokenizedText {
  ids: number[];
  typeIds: number[];
}

/** A padded batch as int64 tensors' data, `batch × seqLen` row-major. */
export interface PaddedBatch {
  batch: number;
  seqLen: number;
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  tokenTypeIds: BigInt64Array;
  positionIds: BigInt64Array;
  mask: Uint8Array;
}

/** A loaded tokenizer with the settings it is used with. */
export interface TextTokenizer {
  readonly padId: number;
  readonly maxTokens: number | undefined;
  /** Prepare (strip, lowercase) and tokenize texts. */
  encode(texts: readonly string[]): Promise<TokenizedText[]>;
  /** ST's prompt_length: the prompt's token count with special tokens, minus one. */
  promptLength(prompt: string): Promise<number>;
}

function padIdOf(tok: Tokenizer, dir: string): number {
  const cfgPath = join(dir, "tokenizer_config.json");
  if (existsSync(cfgPath)) {
    const cfg = JSON.parse(readFileSync(cfgPath, "utf8")) as { pad_token?: unknown };
    const p = cfg.pad_token;
    const content =
      typeof p === "string"
        ? p
        : p && typeof p === "object" && "content" in p && typeof p.content === "string"
          ? p.content
          : undefined;
    const id = content === undefined ? null : tok.tokenToId(content);
    if (id !== null) return id;
  }
  const json = JSON.parse(readFileSync(join(dir, "tokenizer.json"), "utf8")) as {
    padding?: { pad_id?: number } | null;
  };
  return json.padding?.pad_id ?? 0;
}

/** Load `tokenizer.json` from a folder; truncation at `maxTokens` (longest_first, `side`), no padding. */
export async function loadTokenizer(
  dir: string,
  opts: { maxTokens?: number; side: "right" | "left"; lowercase: boolean },
): Promise<TextTokenizer> {
  const { Tokenizer: TokenizerClass } = await import("tokenizers");
  let tok: Tokenizer;
  try {
    tok = TokenizerClass.fromFile(join(dir, "tokenizer.json"));
  } catch (cause) {
    throw new EmbevalError("E_MODEL", `tokenizers cannot load ${join(dir, "tokenizer.json")}`, {
      hint: "the file must be a Hugging Face fast-tokenizer tokenizer.json",
      cause,
    });
  }
  tok.disablePadding();
  if (opts.maxTokens !== undefined) tok.setTruncation(opts.maxTokens, { direction: opts.side });
  else tok.disableTruncation();
  const prepare = (t: string) => (opts.lowercase ? pyStrip(t).toLowerCase() : pyStrip(t));
  return {
    padId: padIdOf(tok, dir),
    maxTokens: opts.maxTokens,
    async encode(texts) {
      const encs = await tok.encodeBatch(texts.map(prepare));
      return encs.map((e) => ({ ids: e.getIds(), typeIds: e.getTypeIds() }));
    },
    async promptLength(prompt) {
      const e = await tok.encode(prepare(prompt));
      return e.getLength() - 1;
    },
  };
}

/** Right-pad texts to the longest (at least one position, so empty inputs still run); positions 0..L-1. */
export function padBatch(texts: readonly TokenizedText[], padId: number): PaddedBatch {
  const batch = texts.length;
  const seqLen = Math.max(1, ...texts.map((t) => t.ids.length));
  const n = batch * seqLen;
  const inputIds = new BigInt64Array(n).fill(BigInt(padId));
  const attentionMask = new BigInt64Array(n);
  const tokenTypeIds = new BigInt64Array(n);
  const positionIds = new BigInt64Array(n);
  const mask = new Uint8Array(n);
  texts.forEach((t, b) => {
    for (let i = 0; i < seqLen; i++) positionIds[b * seqLen + i] = BigInt(i);
    t.ids.forEach((id, i) => {
      inputIds[b * seqLen + i] = BigInt(id);
      attentionMask[b * seqLen + i] = 1n;
      tokenTypeIds[b * seqLen + i] = BigInt(t.typeIds[i] ?? 0);
      mask[b * seqLen + i] = 1;
    });
  });
  return { batch, seqLen, inputIds, attentionMask, tokenTypeIds, positionIds, mask };
}
