/**
 * Rows of one (config, split) of a dataset, as `datasets.load_dataset(path, name=config, split=split)` would give them:
 * files from the card's `configs:` (or the default split patterns), read in sorted order.
 */
import { EmbevalError } from "../errors.js";
import {
  type DatasetConfig,
  defaultSplitFiles,
  matchFiles,
  parseDatasetCard,
  type SplitFiles,
} from "./dataset-card.js";
import { readRows } from "./files/read.js";
import type { Row } from "./files/value.js";
import type { DatasetSource } from "./source.js";

/** The card's configs (empty when the repo has no README or no `configs:`). */
export async function datasetConfigs(source: DatasetSource): Promise<DatasetConfig[]> {
  const files = await source.listFiles();
  if (!files.includes("README.md")) return [];
  const { readFile } = await import("node:fs/promises");
  const text = await readFile(await source.resolve("README.md"), "utf8");
  return parseDatasetCard(text, `${source.describe}/README.md`);
}

/** Options for choosing files. */
export interface SplitSelection {
  /** Config name (`name=` in load_dataset); undefined = the default config. */
  config?: string;
  split: string;
  /** mteb retrieval loaders: when the split is absent but the config has exactly one split, use that one. */
  singleSplitFallback?: boolean;
}

/** The config's split list for messages. */
function splitNames(splits: SplitFiles[]): string {
  return splits.map((s) => s.split).join(", ");
}

/** The repo files that make one (config, split), sorted. */
export async function splitFilePaths(source: DatasetSource, sel: SplitSelection): Promise<string[]> {
  const files = await source.listFiles();
  const configs = await datasetConfigs(source);
  let splits: SplitFiles[];
  let where: string;
  if (configs.length > 0) {
    const cfg =
      sel.config === undefined
        ? (configs.find((c) => c.isDefault) ?? (configs.length === 1 ? configs[0] : undefined))
        : configs.find((c) => c.name === sel.config);
    if (!cfg) {
      throw new EmbevalError(
        "E_DATASET_MISSING",
        `${source.describe}: no config "${sel.config ?? "default"}" (configs: ${configs.map((c) => c.name).join(", ")})`,
        { hint: "check the task's hf_subset / dataset name, or select subsets that the dataset has" },
      );
    }
    splits = cfg.dataFiles;
    where = `${source.describe} config "${cfg.name}"`;
  } else {
    if (sel.config !== undefined && sel.config !== "default") {
      throw new EmbevalError(
        "E_DATASET_MISSING",
        `${source.describe}: no config "${sel.config}" (the repo declares none)`,
      );
    }
    splits = defaultSplitFiles(files);
    where = source.describe;
  }
  let entry = splits.find((s) => s.split === sel.split);
  if (!entry && sel.singleSplitFallback && splits.length === 1) entry = splits[0];
  if (!entry) {
    throw new EmbevalError(
      "E_DATASET_MISSING",
      `${where}: no split "${sel.split}" (splits: ${splitNames(splits)})`,
    );
  }
  return matchFiles(entry.patterns, files, `${where} split "${entry.split}"`);
}

/** Every row of one (config, split), files in sorted order; an empty split is a coded error. */
export async function readSplit(
  source: DatasetSource,
  sel: SplitSelection,
  columns?: string[],
): Promise<Row[]> {
  const paths = await splitFilePaths(source, sel);
  const rows: Row[] = [];
  for (const p of paths) {
    const local = await source.resolve(p);
    for await (const r of readRows(local, columns)) rows.push(r);
  }
  if (rows.length === 0) {
    throw new EmbevalError(
      "E_DATASET_MISSING",
      `${source.describe}: split "${sel.split}" of config "${sel.config ?? "default"}" is empty`,
    );
  }
  return rows;
}
