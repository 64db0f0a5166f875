/** Resolution of suite names and aliases (mteb's benchmark aliases from mteb/benchmarks/benchmarks/*.py plus embeval's short ones). */
import { EmbevalError } from "../../metrics/errors.js";
import { suiteRecords } from "./load.js";
import type { SuiteRecord } from "./records.js";
import { didYouMean } from "./suggest.js";

/** embeval's short aliases, added to mteb's own (`MTEB(eng)`, `MMTEB`, `MTEB`, ...). */
export const EMBEVAL_SUITE_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "MTEB(eng, v2)": ["mteb-eng"],
  "MTEB(Multilingual, v2)": ["mmteb"],
  BEIR: ["beir"],
  LongEmbed: ["longembed"],
  "RTEB(beta)": ["rteb"],
  "MTEB(eng, v1)": ["mteb-eng-v1"],
  "RTEB(eng, beta)": ["rteb-eng"],
  "RTEB(fra, beta)": ["rteb-fra"],
  "RTEB(deu, beta)": ["rteb-deu"],
  "RTEB(jpn, beta)": ["rteb-jpn"],
  "RTEB(fin, beta)": ["rteb-fin"],
  "RTEB(Law, beta)": ["rteb-law"],
  "RTEB(Code, beta)": ["rteb-code"],
  "RTEB(Health, beta)": ["rteb-health"],
};

/** Every alias of a suite: mteb's, then embeval's (deduplicated, case-insensitively). */
export function aliasesOf(r: SuiteRecord): string[] {
  const out: string[] = [];
  for (const a of [...r.aliases, ...(EMBEVAL_SUITE_ALIASES[r.name] ?? [])]) {
    if (!out.some((x) => x.toLowerCase() === a.toLowerCase())) out.push(a);
  }
  return out;
}

/**
 * The suite record for a name or alias: exact match first, then case-insensitive; unknown names throw
 * E_TASK_NOT_FOUND with suggestions.
 */
export function resolveSuiteRecord(nameOrAlias: string): SuiteRecord {
  const all = suiteRecords();
  const exact = all.find((r) => r.name === nameOrAlias || aliasesOf(r).includes(nameOrAlias));
  if (exact) return exact;
  const q = nameOrAlias.toLowerCase();
  const loose = all.filter((r) => [r.name, ...aliasesOf(r)].some((x) => x.toLowerCase() === q));
  if (loose.length === 1) return loose[0];
  const known = all.flatMap((r) => [r.name, ...aliasesOf(r)]);
  throw new EmbevalError("E_TASK_NOT_FOUND", `unknown suite "${nameOrAlias}"`, {
    hint: didYouMean(nameOrAlias, known, "run `embeval list suites` to see the suites"),
  });
}
