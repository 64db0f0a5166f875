/** Typed steps of mteb's load-time `dataset_transform` (mteb 2.20.0 mteb/tasks/**), declared as data; applied by src/data/transform.ts. */

/** A scalar cell value a declarative predicate or value map can name. */
export type CellValue = string | number | boolean | null;

/** Which splits a step touches: a list, or `"eval"` = the split being loaded when it is one of the task's eval_splits. */
export type SplitScope = readonly string[] | "eval";

/** A declarative row predicate (no callbacks): `column` value is (not) one of `values`. */
export interface Predicate {
  readonly column: string;
  readonly in?: readonly CellValue[];
  readonly notIn?: readonly CellValue[];
}

/** `rename_column(s)` on every split. */
export interface RenameColumnsStep {
  readonly kind: "renameColumns";
  readonly map: Readonly<Record<string, string>>;
}

/** `remove_columns` on every split. */
export interface RemoveColumnsStep {
  readonly kind: "removeColumns";
  readonly columns: readonly string[];
}

/** `Dataset.filter(lambda x: x[col] in [...])` on the scoped splits (default: every split). */
export interface FilterStep {
  readonly kind: "filter";
  readonly where: Predicate;
  readonly splits?: SplitScope;
}

/** `map(lambda x: {col: MAP[x[col]]})`: values looked up by their Python `str`; unmatched ones take `otherwise` (or stay). */
export interface MapValuesStep {
  readonly kind: "mapValues";
  readonly column: string;
  readonly map: Readonly<Record<string, CellValue>>;
  readonly otherwise?: CellValue;
  readonly splits?: SplitScope;
}

/** `DatasetDict.class_encode_column(col)`: every split encoded on its own (sorted `str` class names). */
export interface ClassEncodeStep {
  readonly kind: "classEncode";
  readonly column: string;
}

/**
 * `AbsTask.stratified_subsampling(ds, seed=42, splits, label, n_samples)`: class-encode `label` in every split (unless
 * `labelIsClassLabel`), then each scoped split longer than `nSamples` becomes HF's stratified
 * `train_test_split(test_size=nSamples, seed)["test"]`.
 */
export interface StratifiedSubsampleStep {
  readonly kind: "stratifiedSubsample";
  readonly splits: SplitScope;
  readonly label: string;
  readonly nSamples: number;
  /** The Hub feature is already a ClassLabel: HF skips class_encode_column and stratifies on the stored ids. */
  readonly labelIsClassLabel?: boolean;
}

/** Plain HF `train_test_split(test_size, seed)`; the scoped split keeps the `"test"` part. */
export interface TrainTestSplitStep {
  readonly kind: "trainTestSplit";
  readonly splits: SplitScope;
  readonly testSize: number;
}

/** v1 clustering layout → flat rows: `itertools.chain.from_iterable` of each list column over the split's rows. */
export interface FlattenListsStep {
  readonly kind: "flattenLists";
  readonly columns: readonly string[];
}

/** `record[col] = record[col].split(sep)` (ArXiv hierarchical labels). */
export interface SplitStringStep {
  readonly kind: "splitString";
  readonly column: string;
  readonly separator: string;
}

/** The split named `split` is read from the files of `from` (`self.dataset["train"] = self.dataset["train_2021"]`). */
export interface SplitAliasStep {
  readonly kind: "splitAlias";
  readonly split: string;
  readonly from: string;
}

/** A split built by concatenating other splits in order (SIB200: train + validation + test → test). */
export interface ConcatSplitsStep {
  readonly kind: "concatSplits";
  readonly into: string;
  readonly from: readonly string[];
}

/**
 * `dataset[subset][from].train_test_split(train_size, test_size, seed, stratify_by_column)` replacing the subset's
 * splits: the task's `train` and `test` splits are the two parts of the `from` split; no other split remains
 * (MultiHateClassification).
 */
export interface ResplitStep {
  readonly kind: "resplit";
  readonly from: string;
  /** An integer count or a fraction in (0, 1); unset = the complement of trainSize (both unset: 0.25). */
  readonly testSize?: number;
  readonly trainSize?: number;
  /** A class-encoded (ClassLabel) column: HF's stratified split. Unset: HF's plain permutation split. */
  readonly stratifyBy?: string;
}

/**
 * The Hub config a subset is read from when it is not the subset's own name. `engFirstIsoPair` (BibleNLP's
 * `_transform_lang_name_hf`): "aai_Latn-eng_Latn" and "eng_Latn-aai_Latn" both read the config "eng-aai".
 */
export interface SubsetConfigStep {
  readonly kind: "subsetConfig";
  readonly rule: "engFirstIsoPair";
}

/**
 * The two language columns named by the subset's ISO codes become sentence1/sentence2 in the subset's order
 * (BibleNLP: subset "aai_Latn-eng_Latn" renames aai -> sentence1, eng -> sentence2).
 */
export interface SubsetLanguageColumnsStep {
  readonly kind: "subsetLanguageColumns";
}

/**
 * A stale source's subsampling that mteb's re-uploaded `mteb/<Task>` dataset already holds (registry stats: each listed
 * split has at most `nSamples` rows): rows pass unchanged; a longer split is not the dataset mteb 2.20 scores and is an
 * error instead of a silently larger evaluation.
 */
export interface BakedSubsampleStep {
  readonly kind: "bakedSubsample";
  readonly splits: readonly string[];
  readonly nSamples: number;
}

/** Code-only transforms, each implemented as a named, tested function in src/data/transform.ts. */
export interface NamedStep {
  readonly kind: "named";
  /** `dropSingletonLabels`: drop the rows whose `column` value occurs once (StackExchangeClusteringP2P.v2). */
  readonly name: "dropSingletonLabels";
  readonly column: string;
}

/** One step. */
export type TransformStep =
  | RenameColumnsStep
  | RemoveColumnsStep
  | FilterStep
  | MapValuesStep
  | ClassEncodeStep
  | StratifiedSubsampleStep
  | TrainTestSplitStep
  | FlattenListsStep
  | SplitStringStep
  | SplitAliasStep
  | ConcatSplitsStep
  | ResplitStep
  | SubsetConfigStep
  | SubsetLanguageColumnsStep
  | BakedSubsampleStep
  | NamedStep;

/** A task's declared transform: its mteb source (for review) and the ordered steps. */
export interface TaskTransform {
  /** mteb source file (mteb/tasks/...) and the class whose `dataset_transform` this reproduces. */
  readonly source: string;
  readonly steps: readonly TransformStep[];
}
