/** Derivation of an hf_subset's languages from its key, shared by the registry generator and loader (mirrors mteb TaskMetadata.hf_subsets_to_langscripts for the common key shapes). */

const PAIR_PART = /^[a-z]{3}_[A-Z][a-z]{3}$/;

/**
 * Languages implied by a subset key, or null if the key does not imply them: `default` → the task's
 * languages; `aaa_Bbbb-ccc_Dddd` (FLORES-style pairs, any number of parts) → `["aaa-Bbbb", "ccc-Dddd"]`.
 */
export function deriveSubsetLangs(key: string, taskLanguages: readonly string[]): string[] | null {
  if (key === "default") return [...taskLanguages];
  const parts = key.split("-");
  if (!parts.every((p) => PAIR_PART.test(p))) return null;
  return parts.map((p) => p.replace("_", "-"));
}

/** True if both string lists are equal element by element. */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
