/**
 * The word tokenizer of the static word-vector embedders (GloVe / word2vec text, wink): NFC, optional lower-casing,
 * then tokens in text order — each Han/Hiragana/Katakana character alone, runs of letters/marks/digits joined by
 * inner `'` `’` `-` `.`, or any other single non-space character (punctuation, symbols, emoji).
 */

const TOKEN_RE =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;
const JOINERS_RE = /['’\-.]/;

/** Split a text into word tokens (see the module comment); `lowercase` applies `toLowerCase()` after NFC. */
export function wordTokens(text: string, lowercase = true): string[] {
  const t = lowercase ? text.normalize("NFC").toLowerCase() : text.normalize("NFC");
  return t.match(TOKEN_RE) ?? [];
}

/**
 * The vocabulary rows a token contributes: the token itself when known; else, for a joined token ("state-of-the-art",
 * "don't", "u.s"), each known part; else nothing.
 */
export function lookupToken(token: string, vocab: ReadonlyMap<string, number>): number[] {
  const id = vocab.get(token);
  if (id !== undefined) return [id];
  if (!JOINERS_RE.test(token)) return [];
  const out: number[] = [];
  for (const part of token.split(/['’\-.]/)) {
    const p = vocab.get(part);
    if (p !== undefined) out.push(p);
  }
  return out;
}
