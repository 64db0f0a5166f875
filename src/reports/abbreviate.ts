/** Short, unique column labels for task names in report tables (a paper appendix's abbreviations + legend). */

const SUFFIXES = [
  "PairClassification",
  "MultilabelClassification",
  "Classification",
  "Classfication",
  "Clustering",
  "Retrieval",
  "Reranking",
  "BitextMining",
  "Summarization",
  "InstructionRetrieval",
];

/** One candidate label: the suffix-stripped name's capitals and digits (≥ 2 chars), keeping a `.vN` suffix. */
function candidate(name: string): string {
  const version = /\.v\d+$/.exec(name)?.[0] ?? "";
  let base = name.slice(0, name.length - version.length);
  for (const s of SUFFIXES) {
    if (base.endsWith(s) && base.length > s.length) {
      base = base.slice(0, -s.length);
      break;
    }
  }
  if (base.length <= 6) return base + version;
  const caps = base.replace(/[^A-Z0-9]/g, "");
  const label = caps.length >= 2 ? caps : base.slice(0, 4);
  return label + version;
}

/** Labels for `names` (same order), unique: clashes get more letters of the name, then a number. */
export function abbreviateTasks(names: readonly string[]): string[] {
  const labels = names.map(candidate);
  const seen = new Map<string, number>();
  return labels.map((l, i) => {
    let label = l;
    if (labels.filter((x) => x === l).length > 1) label = `${l}-${names[i].slice(0, 3)}`;
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    return n === 0 ? label : `${label}${n + 1}`;
  });
}
