/**
 * Text preparation exactly as mteb builds encoder inputs (mteb/_create_dataloaders.py): Python `str.strip`
 * whitespace, corpus `title + " " + text`, query + instruction, conversational queries.
 */

/** Code points Python's `str.isspace()` accepts (and so `str.strip()` removes); differs from JS `trim()`. */
const PY_SPACE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002,
  0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);

/** True if the code point is whitespace for Python. */
export function isPySpace(codePoint: number): boolean {
  return PY_SPACE.has(codePoint);
}

/** Python `s.strip()` with no argument (all BMP whitespace is one UTF-16 unit, so unit indexing is safe). */
export function pyStrip(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && PY_SPACE.has(s.charCodeAt(start))) start++;
  while (end > start && PY_SPACE.has(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** A corpus document as mteb reads it. */
export interface CorpusDoc {
  id: string;
  title?: string | null;
  text: string;
}

/** mteb `_corpus_to_dict`: `(title + " " + text).strip()` when the title is non-empty, else `text.strip()`. */
export function corpusText(doc: { title?: string | null; text: string }): string {
  const title = doc.title ?? "";
  return title.length > 0 ? pyStrip(`${title} ${doc.text}`) : pyStrip(doc.text);
}

/** One turn of a conversational query. */
export interface ConversationTurn {
  role: string;
  content: string;
}

/** mteb `_convert_conv_history_to_query`: strings joined by "; ", dict turns as "role: content". */
export function conversationText(conv: readonly (string | ConversationTurn)[]): string {
  return conv.map((t) => (typeof t === "string" ? t : `${t.role}: ${t.content}`)).join("; ");
}

/**
 * mteb's query text: the raw query (never stripped) followed by " " + instruction when an instruction exists;
 * a conversational query gets the instruction prepended instead.
 */
export function queryText(
  query: string | readonly (string | ConversationTurn)[],
  instruction?: string | null,
): string {
  if (typeof query !== "string") {
    const conv = conversationText(query);
    return instruction === undefined || instruction === null ? conv : `${instruction} ${conv}`;
  }
  return instruction === undefined || instruction === null ? query : `${query} ${instruction}`;
}
