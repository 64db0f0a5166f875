/** Hub repo references and their validation; reproduces huggingface_hub utils/_validators.py validate_repo_id and hf_hub_url's quoting. */
import { EmbevalError } from "../../errors.js";

/** The repo kinds embeval reads from the Hub. */
export type HubRepoType = "dataset" | "model";

/** A repo at a revision: a 40-hex commit sha (used directly) or a branch/tag name (resolved through refs/). */
export interface HubRepo {
  type: HubRepoType;
  /** `org/name` (or a bare `name` for legacy canonical repos). */
  id: string;
  /** Commit sha, branch or tag. */
  revision: string;
}

/** huggingface_hub REGEX_COMMIT_HASH: a full lowercase commit sha. */
export const COMMIT_HASH_RE = /^[0-9a-f]{40}$/;

const REPO_ID_RE = /^([\w\-.]+\/)?[\w\-.]+$/;

/** True if `revision` is a full commit sha (no ref lookup needed). */
export function isCommitHash(revision: string): boolean {
  return COMMIT_HASH_RE.test(revision);
}

/** `dataset mteb/scifact@d564...` — how errors name a repo. */
export function describeRepo(repo: HubRepo): string {
  return `${repo.type} ${repo.id}@${repo.revision}`;
}

/** Throws E_INVALID_ARGUMENT unless the repo reference is one huggingface_hub would accept. */
export function validateRepo(repo: HubRepo): void {
  if (repo.type !== "dataset" && repo.type !== "model") {
    throw new EmbevalError("E_INVALID_ARGUMENT", `unknown Hub repo type ${JSON.stringify(repo.type)}`, {
      hint: 'use "dataset" or "model"',
    });
  }
  const id = repo.id;
  if (
    typeof id !== "string" ||
    id.length === 0 ||
    id.length > 96 ||
    !REPO_ID_RE.test(id) ||
    id.includes("--") ||
    id.includes("..") ||
    id.endsWith(".git")
  ) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid Hub repo id ${JSON.stringify(id)}`, {
      hint: "a repo id is `org/name` of letters, digits, '-', '_' and '.', without '--' or '..'",
    });
  }
  const rev = repo.revision;
  if (typeof rev !== "string" || rev.length === 0 || rev.split("/").some((s) => s === "" || s === "..")) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid revision ${JSON.stringify(rev)} for ${id}`, {
      hint: "pin a 40-hex commit sha (or a branch/tag name such as main)",
    });
  }
}

/** Throws E_INVALID_ARGUMENT unless `file` is a relative POSIX path inside the repo. */
export function validateRepoFile(file: string): void {
  const bad =
    typeof file !== "string" ||
    file.length === 0 ||
    file.startsWith("/") ||
    file.includes("\\") ||
    file.includes("\0") ||
    file.split("/").some((s) => s === "" || s === "." || s === "..");
  if (bad) {
    throw new EmbevalError("E_INVALID_ARGUMENT", `invalid repo file path ${JSON.stringify(file)}`, {
      hint: "use a relative path inside the repo such as data/test-00000-of-00001.parquet",
    });
  }
}

const PY_SAFE = /[A-Za-z0-9_.\-~]/;

/** Python urllib.parse.quote(s, safe): percent-encode UTF-8 bytes except letters, digits, `_.-~` and `safe`. */
export function pyQuote(s: string, safe = "/"): string {
  let out = "";
  for (const ch of s) {
    if (PY_SAFE.test(ch) || safe.includes(ch)) {
      out += ch;
      continue;
    }
    for (const b of Buffer.from(ch, "utf8")) out += `%${b.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}
