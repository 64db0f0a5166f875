/** Snowball "english" (Porter2) stemmer: a port of Snowball 2.2.0 algorithms/english.sbl, as PyStemmer 2.2 / libstemmer 2.2 stem. */

/** A word as an array of code points (Snowball counts characters, not UTF-16 units). */
type Word = string[];

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);
/** `v_WXY`: the vowels plus w, x and the consonant marker Y. */
const VOWELS_WXY = new Set([...VOWELS, "w", "x", "Y"]);
const VALID_LI = new Set(["c", "d", "e", "g", "h", "k", "m", "n", "r", "t"]);
const DOUBLES = new Set(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]);

/** exception1: whole words stemmed (or kept) as given, before anything else. */
const EXCEPTION1: ReadonlyMap<string, string> = new Map([
  ["skis", "ski"],
  ["skies", "sky"],
  ["dying", "die"],
  ["lying", "lie"],
  ["tying", "tie"],
  ["idly", "idl"],
  ["gently", "gentl"],
  ["ugly", "ugli"],
  ["early", "earli"],
  ["only", "onli"],
  ["singly", "singl"],
  ["sky", "sky"],
  ["news", "news"],
  ["howe", "howe"],
  ["atlas", "atlas"],
  ["cosmos", "cosmos"],
  ["bias", "bias"],
  ["andes", "andes"],
]);

/** exception2: whole words (after Step 1a) left as they are. */
const EXCEPTION2 = new Set([
  "inning",
  "outing",
  "canning",
  "herring",
  "earring",
  "proceed",
  "exceed",
  "succeed",
]);

/** Prefixes that fix R1 (mark_regions). */
const R1_PREFIXES = ["gener", "commun", "arsen"];

/** Suffix tables, each `[suffix, replacement]`, sorted longest first (Snowball `among` picks the longest match). */
const byLength = (rows: [string, string][]): [Word, string][] =>
  rows.map(([s, r]): [Word, string] => [Array.from(s), r]).sort((a, b) => b[0].length - a[0].length);

const STEP2 = byLength([
  ["tional", "tion"],
  ["enci", "ence"],
  ["anci", "ance"],
  ["abli", "able"],
  ["entli", "ent"],
  ["izer", "ize"],
  ["ization", "ize"],
  ["ational", "ate"],
  ["ation", "ate"],
  ["ator", "ate"],
  ["alism", "al"],
  ["aliti", "al"],
  ["alli", "al"],
  ["fulness", "ful"],
  ["ousli", "ous"],
  ["ousness", "ous"],
  ["iveness", "ive"],
  ["iviti", "ive"],
  ["biliti", "ble"],
  ["bli", "ble"],
  ["ogi", "og"],
  ["fulli", "ful"],
  ["lessli", "less"],
  ["li", ""],
]);

const STEP3 = byLength([
  ["tional", "tion"],
  ["ational", "ate"],
  ["alize", "al"],
  ["icate", "ic"],
  ["iciti", "ic"],
  ["ical", "ic"],
  ["ful", ""],
  ["ness", ""],
  ["ative", ""],
]);

const STEP4 = byLength(
  [
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ism",
    "ate",
    "iti",
    "ous",
  ]
    .concat(["ive", "ize", "ion"])
    .map((s): [string, string] => [s, ""]),
);

const isV = (c: string | undefined): boolean => c !== undefined && VOWELS.has(c);

function endsWith(w: Word, suffix: Word): boolean {
  if (suffix.length > w.length) return false;
  const off = w.length - suffix.length;
  for (let i = 0; i < suffix.length; i++) if (w[off + i] !== suffix[i]) return false;
  return true;
}

/** The longest table row whose suffix ends `w`. */
function longest(w: Word, table: readonly [Word, string][]): [Word, string] | undefined {
  for (const row of table) if (endsWith(w, row[0])) return row;
  return undefined;
}

/** Replace the last `n` characters of `w` by `by`. */
function replaceEnd(w: Word, n: number, by: string): void {
  w.length -= n;
  if (by.length > 0) w.push(...Array.from(by));
}

/** `gopast v` (or `gopast non-v`) forward from `from`: the index just after the first match, or -1. */
function gopast(w: Word, from: number, vowel: boolean): number {
  for (let i = from; i < w.length; i++) if (isV(w[i]) === vowel) return i + 1;
  return -1;
}

/** True if some vowel occurs in `w[0, end)`. */
function hasVowelBefore(w: Word, end: number): boolean {
  for (let i = 0; i < end; i++) if (isV(w[i])) return true;
  return false;
}

/** `shortv` tested backwards from `end`: (non-v, v, non-v_WXY) ending there, or a word that is just (v, non-v). */
function shortV(w: Word, end: number): boolean {
  if (end >= 3 && !VOWELS_WXY.has(w[end - 1]) && isV(w[end - 2]) && !isV(w[end - 3])) return true;
  return end === 2 && !isV(w[1]) && isV(w[0]);
}

/** mark_regions: R1 and R2 start positions. */
function markRegions(w: Word): [number, number] {
  const n = w.length;
  const s = w.join("");
  const prefix = R1_PREFIXES.find((p) => s.startsWith(p));
  let c = prefix !== undefined ? prefix.length : gopast(w, 0, true);
  if (c < 0) return [n, n];
  if (prefix === undefined) c = gopast(w, c, false);
  if (c < 0) return [n, n];
  const p1 = c;
  c = gopast(w, c, true);
  if (c >= 0) c = gopast(w, c, false);
  return [p1, c < 0 ? n : c];
}

function step1a(w: Word): void {
  for (const apos of ["'s'", "'s", "'"]) {
    if (endsWith(w, Array.from(apos))) {
      w.length -= apos.length;
      break;
    }
  }
  const n = w.length;
  const at = (s: string) => endsWith(w, Array.from(s));
  if (at("sses")) replaceEnd(w, 4, "ss");
  else if (at("ied") || at("ies")) replaceEnd(w, 3, n - 3 >= 2 ? "i" : "ie");
  else if (at("us") || at("ss")) return;
  else if (at("s") && n >= 2 && hasVowelBefore(w, n - 2)) w.length -= 1;
}

function step1b(w: Word, p1: number): void {
  const n = w.length;
  const at = (s: string) => endsWith(w, Array.from(s));
  const suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"].find(at);
  if (suffix === undefined) return;
  const start = n - suffix.length;
  if (suffix === "eed" || suffix === "eedly") {
    if (start >= p1) replaceEnd(w, suffix.length, "ee");
    return;
  }
  if (!hasVowelBefore(w, start)) return;
  w.length = start;
  if (at("at") || at("bl") || at("iz")) w.push("e");
  else if (w.length >= 2 && DOUBLES.has(w[w.length - 2] + w[w.length - 1])) w.length -= 1;
  else if (w.length === p1 && shortV(w, w.length)) w.push("e");
}

function step1c(w: Word): void {
  const n = w.length;
  if ((w[n - 1] === "y" || w[n - 1] === "Y") && n >= 3 && !isV(w[n - 2])) w[n - 1] = "i";
}

function step2(w: Word, p1: number): void {
  const row = longest(w, STEP2);
  if (row === undefined) return;
  const [suf, rep] = row;
  const start = w.length - suf.length;
  if (start < p1) return;
  const key = suf.join("");
  if (key === "ogi" && w[start - 1] !== "l") return;
  if (key === "li" && !VALID_LI.has(w[start - 1] ?? "")) return;
  replaceEnd(w, suf.length, rep);
}

function step3(w: Word, p1: number, p2: number): void {
  const row = longest(w, STEP3);
  if (row === undefined) return;
  const [suf, rep] = row;
  const start = w.length - suf.length;
  if (start < p1) return;
  if (suf.join("") === "ative" && start < p2) return;
  replaceEnd(w, suf.length, rep);
}

function step4(w: Word, p2: number): void {
  const row = longest(w, STEP4);
  if (row === undefined) return;
  const [suf] = row;
  const start = w.length - suf.length;
  if (start < p2) return;
  if (suf.join("") === "ion" && w[start - 1] !== "s" && w[start - 1] !== "t") return;
  w.length = start;
}

function step5(w: Word, p1: number, p2: number): void {
  const start = w.length - 1;
  const last = w[start];
  if (last === "e") {
    if (start >= p2 || (start >= p1 && !shortV(w, start))) w.length = start;
  } else if (last === "l") {
    if (start >= p2 && w[start - 1] === "l") w.length = start;
  }
}

/** Stem one (lower-case) word with Snowball English, exactly as libstemmer 2.2.0 `english` does. */
export function stemEnglish(word: string): string {
  const exception = EXCEPTION1.get(word);
  if (exception !== undefined) return exception;
  const w = Array.from(word);
  if (w.length < 3) return word;
  // prelude
  if (w[0] === "'") w.shift();
  let yFound = false;
  if (w[0] === "y") {
    w[0] = "Y";
    yFound = true;
  }
  for (let i = 1; i < w.length; i++) {
    if (w[i] === "y" && isV(w[i - 1])) {
      w[i] = "Y";
      yFound = true;
    }
  }
  const [p1, p2] = markRegions(w);
  step1a(w);
  if (!EXCEPTION2.has(w.join(""))) {
    step1b(w, p1);
    step1c(w);
    step2(w, p1);
    step3(w, p1, p2);
    step4(w, p2);
    step5(w, p1, p2);
  }
  // postlude
  if (yFound) for (let i = 0; i < w.length; i++) if (w[i] === "Y") w[i] = "y";
  return w.join("");
}
