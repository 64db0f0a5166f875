/** Paths into ../shared (tests only; the product never reads it). */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The read-only ../shared folder beside the repository. */
export const SHARED_DIR = resolve(process.env.EMBEVAL_SHARED_DIR ?? join(here, "..", "..", "..", "shared"));

/** HF_HOME of the offline fixture cache (honours a value already set). */
export const FIXTURE_HF_HOME = resolve(process.env.HF_HOME ?? join(SHARED_DIR, "hf-home"));

/** A snapshot folder of the fixture cache. */
export function fixtureSnapshot(repo: string, revision: string): string {
  return join(FIXTURE_HF_HOME, "hub", `datasets--${repo.replace("/", "--")}`, "snapshots", revision);
}
