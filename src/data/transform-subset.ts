/** Subset-driven transform steps: the Hub config a subset is read from, and language columns named by the subset (BibleNLP's load_data). */
import type { TaskTransform } from "../../tasks/transforms/types.js";
import { EmbevalError } from "../errors.js";
import type { Row } from "./files/value.js";

/** The ISO codes of a language-pair subset: "aai_Latn-eng_Latn" -> ["aai", "eng"] (`l.split("_")[0]` per side). */
export function subsetIsoPair(subset: string): [string, string] {
  const sides = subset.split("-");
  if (sides.length !== 2 || sides.some((s) => s === "")) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `subset "${subset}" is not a language pair "xxx_Scrp-yyy_Scrp"`,
    );
  }
  return [sides[0].split("_")[0], sides[1].split("_")[0]];
}

/** BibleNLP `_transform_lang_name_hf`: ISO codes of the pair, English moved first when it is second. */
export function engFirstIsoPair(subset: string): string {
  const langs = subsetIsoPair(subset);
  if (langs[1] === "eng") langs.reverse();
  return langs.join("-");
}

/** The config a subset is read from: the subset's own name unless the transform declares a subsetConfig rule. */
export function subsetConfigName(transform: TaskTransform | undefined, subset: string): string {
  for (const step of transform?.steps ?? []) {
    if (step.kind === "subsetConfig") return engFirstIsoPair(subset);
  }
  return subset;
}

/** `rename_columns({l1: "sentence1", l2: "sentence2"})` with l1, l2 the subset's ISO codes; both must exist. */
export function subsetLanguageColumns(rows: readonly Row[], subset: string, where = "rows"): Row[] {
  const [l1, l2] = subsetIsoPair(subset);
  if (rows.length > 0) {
    const missing = [l1, l2].filter((c) => !(c in rows[0]));
    if (missing.length > 0) {
      throw new EmbevalError(
        "E_PARSE",
        `${where}: no language column(s) ${missing.join(", ")} (has ${Object.keys(rows[0]).join(", ")})`,
        { hint: "the subset's config must hold one column per ISO code of the pair" },
      );
    }
  }
  return rows.map((r) => {
    const out: Row = {};
    for (const [k, v] of Object.entries(r)) out[k === l1 ? "sentence1" : k === l2 ? "sentence2" : k] = v;
    return out;
  });
}
