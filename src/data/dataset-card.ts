/**
 * Which files make a (config, split) of a Hugging Face dataset repo: the `configs:` front matter of its README.md
 * (as `datasets` reads it, src/datasets/utils/metadata.py) or, without one, the default split-name patterns
 * (src/datasets/data_files.py: train/validation/test keywords in file or folder names).
 */
import { parse as parseYaml } from "yaml";
import { EmbevalError } from "../errors.js";

/** One split's file patterns (globs relative to the repo root). */
export interface SplitFiles {
  split: string;
  patterns: string[];
}

/** One `configs:` entry of a dataset card. */
export interface DatasetConfig {
  name: string;
  isDefault: boolean;
  dataFiles: SplitFiles[];
  /** Extra keys such as `sep`, `features`, kept as data. */
  extra: Record<string, unknown>;
}

/** Split the YAML front matter off a README.md; undefined when there is none. */
export function frontMatter(readme: string): string | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(\r?\n|$)/.exec(readme);
  return m ? m[1] : undefined;
}

function asPatterns(v: unknown, where: string): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v) && v.every((x) => typeof x === "string")) return v as string[];
  throw new EmbevalError("E_PARSE", `${where}: data_files paths must be a string or a list of strings`);
}

function parseDataFiles(v: unknown, where: string): SplitFiles[] {
  if (typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string"))) {
    return [{ split: "train", patterns: asPatterns(v, where) }];
  }
  if (Array.isArray(v)) {
    return v.map((e, i) => {
      if (e === null || typeof e !== "object")
        throw new EmbevalError("E_PARSE", `${where}: data_files[${i}] is not a mapping`);
      const { split, path } = e as { split?: unknown; path?: unknown };
      if (path === undefined) throw new EmbevalError("E_PARSE", `${where}: data_files[${i}] has no path`);
      return { split: split === undefined ? "train" : String(split), patterns: asPatterns(path, where) };
    });
  }
  if (v !== null && typeof v === "object") {
    return Object.entries(v as Record<string, unknown>).map(([split, p]) => ({
      split,
      patterns: asPatterns(p, where),
    }));
  }
  throw new EmbevalError("E_PARSE", `${where}: data_files has an unsupported shape`);
}

/** Parse the `configs:` list of a dataset card. Returns [] when the card declares no configs. */
export function parseDatasetCard(readme: string, source = "README.md"): DatasetConfig[] {
  const yamlText = frontMatter(readme);
  if (yamlText === undefined) return [];
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (e) {
    throw new EmbevalError("E_PARSE", `${source}: invalid YAML front matter (${(e as Error).message})`, {
      cause: e,
    });
  }
  if (doc === null || typeof doc !== "object") return [];
  const configs = (doc as { configs?: unknown }).configs;
  if (configs === undefined) return [];
  if (!Array.isArray(configs)) throw new EmbevalError("E_PARSE", `${source}: "configs" must be a list`);
  return configs.map((c, i) => {
    if (c === null || typeof c !== "object")
      throw new EmbevalError("E_PARSE", `${source}: configs[${i}] is not a mapping`);
    const { config_name, data_files, default: isDefault, ...extra } = c as Record<string, unknown>;
    const name = config_name === undefined ? "default" : String(config_name);
    const where = `${source}: config "${name}"`;
    if (data_files === undefined) throw new EmbevalError("E_PARSE", `${where} has no data_files`);
    return {
      name,
      isDefault: isDefault === true || name === "default",
      dataFiles: parseDataFiles(data_files, where),
      extra,
    };
  });
}

/** fsspec-style glob → RegExp: `*` and `?` stay within a path segment, `**` crosses segments, `[..]` classes kept. */
export function globToRegExp(glob: string): RegExp {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else if (ch === "[") {
      const end = glob.indexOf("]", i + 1);
      if (end < 0) re += "\\[";
      else {
        const body = glob
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

/** The repo files (sorted) matched by a split's patterns; a pattern matching nothing is a coded error. */
export function matchFiles(patterns: string[], repoFiles: readonly string[], where: string): string[] {
  const out = new Set<string>();
  for (const p of patterns) {
    const re = globToRegExp(p.replace(/^\.?\//, ""));
    const hits = repoFiles.filter((f) => re.test(f));
    if (hits.length === 0) throw new EmbevalError("E_DATASET_MISSING", `${where}: no file matches "${p}"`);
    for (const h of hits) out.add(h);
  }
  return [...out].sort();
}

const SPLIT_KEYWORDS: Record<string, string[]> = {
  train: ["train", "training"],
  validation: ["validation", "valid", "dev", "val"],
  test: ["test", "testing", "eval", "evaluation"],
};
const DATA_EXT = /\.(parquet|jsonl|ndjson|json|csv|tsv)(\.gz)?$/i;

/** Hugging Face's default split inference for repos without `configs:`: keyword in file or folder name. */
export function defaultSplitFiles(repoFiles: readonly string[]): SplitFiles[] {
  const out: SplitFiles[] = [];
  for (const [split, words] of Object.entries(SPLIT_KEYWORDS)) {
    const re = new RegExp(`(^|[-._ 0-9/])(${words.join("|")})([-._ 0-9/]|$)`, "i");
    const files = repoFiles.filter((f) => DATA_EXT.test(f) && re.test(f.replace(DATA_EXT, "")));
    if (files.length > 0) out.push({ split, patterns: [...files].sort() });
  }
  if (out.length === 0) {
    const files = repoFiles.filter((f) => DATA_EXT.test(f));
    if (files.length > 0) out.push({ split: "train", patterns: [...files].sort() });
  }
  return out;
}
