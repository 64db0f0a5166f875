/**
 * ISO 639-3 → ISO 639-1 code table (SIL ISO 639-3 code tables, the 183 current ISO 639-1 codes) and the
 * macrolanguage merges of the per-language heat-map recipe of jina-embeddings-v5-text's Figure 2.
 */

/** Every current ISO 639-1 code keyed by its ISO 639-3 (= ISO 639-2/T) code. */
export const ISO639_3_TO_1: Readonly<Record<string, string>> = {
  aar: "aa",
  abk: "ab",
  afr: "af",
  aka: "ak",
  amh: "am",
  ara: "ar",
  arg: "an",
  asm: "as",
  ava: "av",
  ave: "ae",
  aym: "ay",
  aze: "az",
  bak: "ba",
  bam: "bm",
  bel: "be",
  ben: "bn",
  bis: "bi",
  bod: "bo",
  bos: "bs",
  bre: "br",
  bul: "bg",
  cat: "ca",
  ces: "cs",
  cha: "ch",
  che: "ce",
  chu: "cu",
  chv: "cv",
  cor: "kw",
  cos: "co",
  cre: "cr",
  cym: "cy",
  dan: "da",
  deu: "de",
  div: "dv",
  dzo: "dz",
  ell: "el",
  eng: "en",
  epo: "eo",
  est: "et",
  eus: "eu",
  ewe: "ee",
  fao: "fo",
  fas: "fa",
  fij: "fj",
  fin: "fi",
  fra: "fr",
  fry: "fy",
  ful: "ff",
  gla: "gd",
  gle: "ga",
  glg: "gl",
  glv: "gv",
  grn: "gn",
  guj: "gu",
  hat: "ht",
  hau: "ha",
  heb: "he",
  her: "hz",
  hin: "hi",
  hmo: "ho",
  hrv: "hr",
  hun: "hu",
  hye: "hy",
  ibo: "ig",
  ido: "io",
  iii: "ii",
  iku: "iu",
  ile: "ie",
  ina: "ia",
  ind: "id",
  ipk: "ik",
  isl: "is",
  ita: "it",
  jav: "jv",
  jpn: "ja",
  kal: "kl",
  kan: "kn",
  kas: "ks",
  kat: "ka",
  kau: "kr",
  kaz: "kk",
  khm: "km",
  kik: "ki",
  kin: "rw",
  kir: "ky",
  kom: "kv",
  kon: "kg",
  kor: "ko",
  kua: "kj",
  kur: "ku",
  lao: "lo",
  lat: "la",
  lav: "lv",
  lim: "li",
  lin: "ln",
  lit: "lt",
  ltz: "lb",
  lub: "lu",
  lug: "lg",
  mah: "mh",
  mal: "ml",
  mar: "mr",
  mkd: "mk",
  mlg: "mg",
  mlt: "mt",
  mon: "mn",
  mri: "mi",
  msa: "ms",
  mya: "my",
  nau: "na",
  nav: "nv",
  nbl: "nr",
  nde: "nd",
  ndo: "ng",
  nep: "ne",
  nld: "nl",
  nno: "nn",
  nob: "nb",
  nor: "no",
  nya: "ny",
  oci: "oc",
  oji: "oj",
  ori: "or",
  orm: "om",
  oss: "os",
  pan: "pa",
  pli: "pi",
  pol: "pl",
  por: "pt",
  pus: "ps",
  que: "qu",
  roh: "rm",
  ron: "ro",
  run: "rn",
  rus: "ru",
  sag: "sg",
  san: "sa",
  sin: "si",
  slk: "sk",
  slv: "sl",
  sme: "se",
  smo: "sm",
  sna: "sn",
  snd: "sd",
  som: "so",
  sot: "st",
  spa: "es",
  sqi: "sq",
  srd: "sc",
  srp: "sr",
  ssw: "ss",
  sun: "su",
  swa: "sw",
  swe: "sv",
  tah: "ty",
  tam: "ta",
  tat: "tt",
  tel: "te",
  tgk: "tg",
  tgl: "tl",
  tha: "th",
  tir: "ti",
  ton: "to",
  tsn: "tn",
  tso: "ts",
  tuk: "tk",
  tur: "tr",
  twi: "tw",
  uig: "ug",
  ukr: "uk",
  urd: "ur",
  uzb: "uz",
  ven: "ve",
  vie: "vi",
  vol: "vo",
  wln: "wa",
  wol: "wo",
  xho: "xh",
  yid: "yi",
  yor: "yo",
  zha: "za",
  zho: "zh",
  zul: "zu",
};

/** ISO 639-2/B bibliographic codes that differ from the 639-3 code (mteb uses 639-3, other trees may not). */
export const ISO639_2B_TO_3: Readonly<Record<string, string>> = {
  alb: "sqi",
  arm: "hye",
  baq: "eus",
  bur: "mya",
  chi: "zho",
  cze: "ces",
  dut: "nld",
  fre: "fra",
  geo: "kat",
  ger: "deu",
  gre: "ell",
  ice: "isl",
  mac: "mkd",
  mao: "mri",
  may: "msa",
  per: "fas",
  rum: "ron",
  slo: "slk",
  tib: "bod",
  wel: "cym",
};

/**
 * Individual languages merged into their macrolanguage's ISO 639-1 code: the standard (national / literary)
 * variety the macrolanguage code usually stands for. Regional varieties keep their own 639-3 code, as in the
 * paper's heat map: Arabic dialects (acm, acq, aeb, ajp, apc, ars, ary, arz, arq), azb, ltg, gaz, knc, yue, ...
 * `cmo` is not Mandarin in ISO 639-3 (it is Central Mnong) but mteb tags MassiveIntent/Scenario's zh-CN and
 * zh-TW subsets `cmo-Hans` / `cmo-Hant`, so it is read as Mandarin here.
 */
export const MACROLANGUAGE_MERGES: Readonly<Record<string, string>> = {
  als: "sq", // Tosk Albanian → Albanian
  arb: "ar", // Standard Arabic → Arabic
  ayr: "ay", // Central Aymara → Aymara
  azj: "az", // North Azerbaijani → Azerbaijani
  cmn: "zh", // Mandarin → Chinese
  cmo: "zh", // mteb's tag for Mandarin in MassiveIntent/MassiveScenario
  ekk: "et", // Standard Estonian → Estonian
  fil: "tl", // Filipino → Tagalog
  khk: "mn", // Halh Mongolian → Mongolian
  kmr: "ku", // Northern Kurdish (Kurmanji) → Kurdish; Central Kurdish (ckb) stays apart
  lvs: "lv", // Standard Latvian → Latvian
  nob: "no", // Norwegian Bokmål → Norwegian (not nb: the paper's key is no); nno stays nn
  npi: "ne", // Nepali (individual) → Nepali
  ory: "or", // Odia (individual) → Oriya
  pbt: "ps", // Southern Pashto → Pashto
  pes: "fa", // Iranian Persian → Persian
  plt: "mg", // Plateau Malagasy → Malagasy
  prs: "fa", // Dari → Persian
  quy: "qu", // Ayacucho Quechua → Quechua
  swh: "sw", // Swahili (individual) → Swahili
  uzn: "uz", // Northern Uzbek → Uzbek
  ydd: "yi", // Eastern Yiddish → Yiddish
  zsm: "ms", // Standard Malay → Malay
};

/** ISO 639-1 code of an ISO 639-3 (or 639-2/B) code, or null when the language has none. */
export function iso6391(code: string): string | null {
  const c = code.toLowerCase();
  return ISO639_3_TO_1[ISO639_2B_TO_3[c] ?? c] ?? null;
}

/**
 * The heat-map key of an mteb language tag ("arb-Arab", "fra-Latn", "cmo-Hans"): the script is dropped, the
 * macrolanguage merges apply, then ISO 639-1 where one exists, else the 639-3 code itself.
 */
export function languageKey(tag: string): string {
  const code = tag.split("-")[0].toLowerCase();
  return MACROLANGUAGE_MERGES[code] ?? iso6391(code) ?? code;
}
