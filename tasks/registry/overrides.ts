/** Flags mteb 2.20.0 tasks set at load time in `dataset_transform` (not class attributes, so the metadata extract misses them); read from mteb/tasks/clustering/eng/{stack_exchange,reddit}_clustering.py. */
import type { JsonValue } from "../types.js";

/**
 * task name → attribute values that replace the class attributes once the dataset is loaded. Both tasks
 * stratify-subsample to 2048 rows and then embed all of them (`self.max_fraction_of_documents_to_embed = None`).
 */
export const LOAD_TIME_ATTRS: Readonly<Record<string, Readonly<Record<string, JsonValue>>>> = {
  "StackExchangeClustering.v2": { max_fraction_of_documents_to_embed: null },
  "RedditClustering.v2": { max_fraction_of_documents_to_embed: null },
};
