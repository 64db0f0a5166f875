/** Hand-built Hugging Face tokenizer.json documents (tokenizers 0.2x serialization) for tests: a BERT-style WordPiece and a GPT-2/Qwen-style byte-level BPE, small vocabularies. */

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function addedToken(id: number, content: string): Json {
  return { id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true };
}

function template(single: Json[], pair: Json[], specials: Record<string, number>): Json {
  const special_tokens: Record<string, Json> = {};
  for (const [tok, id] of Object.entries(specials))
    special_tokens[tok] = { id: tok, ids: [id], tokens: [tok] };
  return { type: "TemplateProcessing", single, pair, special_tokens };
}

const sp = (id: string, type_id = 0): Json => ({ SpecialToken: { id, type_id } });
const seq = (id: "A" | "B", type_id = 0): Json => ({ Sequence: { id, type_id } });

/** Special tokens of the WordPiece tokenizer (BERT ids 0-4). */
export const WORDPIECE_SPECIALS = { "[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4 } as const;

/** A lowercasing BERT WordPiece tokenizer: letters, digits, some words, CJK characters; `[CLS] $A [SEP]`. */
export function wordPieceTokenizerJson(): { json: Json; vocabSize: number } {
  const vocab: Record<string, number> = { ...WORDPIECE_SPECIALS };
  const add = (t: string) => {
    if (!(t in vocab)) vocab[t] = Object.keys(vocab).length;
  };
  const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
  for (const c of letters) add(c);
  for (const c of letters) add(`##${c}`);
  for (const c of ".,:;!?'-") add(c);
  const words = "the cat sat on mat embed ##ding ##s map text to vector short query passage word hello";
  for (const t of words.split(" ")) add(t);
  for (const c of "日本語の文です。") add(c);
  const json: Json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: Object.entries(WORDPIECE_SPECIALS).map(([t, id]) => addedToken(id, t)),
    normalizer: {
      type: "BertNormalizer",
      clean_text: true,
      handle_chinese_chars: true,
      strip_accents: null,
      lowercase: true,
    },
    pre_tokenizer: { type: "BertPreTokenizer" },
    post_processor: template(
      [sp("[CLS]"), seq("A"), sp("[SEP]")],
      [sp("[CLS]"), seq("A"), sp("[SEP]"), seq("B", 1), sp("[SEP]", 1)],
      { "[CLS]": 2, "[SEP]": 3 },
    ),
    decoder: { type: "WordPiece", prefix: "##", cleanup: true },
    model: {
      type: "WordPiece",
      unk_token: "[UNK]",
      continuing_subword_prefix: "##",
      max_input_chars_per_word: 100,
      vocab,
    },
  };
  return { json, vocabSize: Object.keys(vocab).length };
}

/** GPT-2's bytes_to_unicode table: byte value → the printable character byte-level BPE uses for it. */
export function byteLevelChars(): string[] {
  const bs: number[] = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const out = new Array<string>(256);
  for (const b of bs) out[b] = String.fromCodePoint(b);
  let n = 0;
  for (let b = 0; b < 256; b++) {
    if (out[b] === undefined) {
      out[b] = String.fromCodePoint(256 + n);
      n++;
    }
  }
  return out;
}

/** The end-of-text token of the BPE tokenizer (appended to every sequence, also the pad token). */
export const BPE_EOS = "<|endoftext|>";

/** A byte-level BPE tokenizer (no normalizer, ByteLevel pre-tokenizer) with a few merges; `$A <|endoftext|>`. */
export function bpeTokenizerJson(): { json: Json; vocabSize: number; eosId: number } {
  const chars = byteLevelChars();
  const vocab: Record<string, number> = {};
  chars.forEach((c, i) => {
    vocab[c] = i;
  });
  const merges = [
    "Ġ t",
    "h e",
    "Ġt he",
    "Ġ c",
    "a t",
    "Ġc at",
    "Ġ s",
    "Ġs at",
    "Ġ m",
    "Ġm at",
    "o n",
    "Ġ on",
    "e m",
    "em b",
    "e d",
    "emb ed",
    "Ġ a",
    "T he",
    "t e",
    "x t",
    "te xt",
  ];
  for (const m of merges) {
    const t = m.replace(" ", "");
    if (!(t in vocab)) vocab[t] = Object.keys(vocab).length;
  }
  const eosId = Object.keys(vocab).length;
  const json: Json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [addedToken(eosId, BPE_EOS)],
    normalizer: null,
    pre_tokenizer: { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true },
    post_processor: template([seq("A"), sp(BPE_EOS)], [seq("A"), seq("B", 1), sp(BPE_EOS, 1)], {
      [BPE_EOS]: eosId,
    }),
    decoder: { type: "ByteLevel", add_prefix_space: true, trim_offsets: true, use_regex: true },
    model: {
      type: "BPE",
      dropout: null,
      unk_token: null,
      continuing_subword_prefix: null,
      end_of_word_suffix: null,
      fuse_unk: false,
      byte_fallback: false,
      ignore_merges: false,
      vocab,
      merges,
    },
  };
  return { json, vocabSize: eosId + 1, eosId };
}

/** An XLM-R-style Unigram tokenizer (Metaspace "▁" pre-tokenizer, letters + a few words, `<s> $A </s>`). */
export function unigramTokenizerJson(): { json: Json; vocabSize: number } {
  const specials = ["<s>", "<pad>", "</s>", "<unk>"];
  const vocab: [string, number][] = specials.map((t) => [t, 0]);
  const add = (t: string, score: number) => {
    if (!vocab.some(([v]) => v === t)) vocab.push([t, score]);
  };
  for (const w of "the cat sat on mat embed ding text to vector short".split(" ")) add(`▁${w}`, -3);
  add("▁", -4);
  for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,:;!?'-日本語の文です。")
    add(c, -6);
  const json: Json = {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: specials.map((t, i) => addedToken(i, t)),
    normalizer: null,
    pre_tokenizer: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
    post_processor: template(
      [sp("<s>"), seq("A"), sp("</s>")],
      [sp("<s>"), seq("A"), sp("</s>"), sp("</s>"), seq("B"), sp("</s>")],
      {
        "<s>": 0,
        "</s>": 2,
      },
    ),
    decoder: { type: "Metaspace", replacement: "▁", prepend_scheme: "always", split: true },
    model: { type: "Unigram", unk_id: 3, vocab, byte_fallback: false },
  };
  return { json, vocabSize: vocab.length };
}
