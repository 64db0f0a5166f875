/** Lookups in the Hub cache (refs, snapshots, .no_exist, manifests); reproduces huggingface_hub try_to_load_from_cache and accepts plain-file snapshots. */

import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { EmbevalError } from "../../errors.js";
import { tempSibling } from "../../tmp-name.js";
import { manifestPath, noExistPath, pointerPath, type RepoLayout, refPath, snapshotPath } from "./layout.js";
import { isCommitHash } from "./repo.js";

/** True if `p` exists and (following symlinks) is a regular file; a broken symlink counts as missing. */
export async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** True if `p` is a directory. */
export async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/** The commit sha stored in `refs/<revision>`, or undefined. */
export async function readRef(layout: RepoLayout, revision: string): Promise<string | undefined> {
  try {
    const sha = (await readFile(refPath(layout, revision), "utf8")).trim();
    return isCommitHash(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** A commit sha is used as is; a branch or tag goes through refs/ (undefined if not cached). */
export async function cachedCommit(layout: RepoLayout, revision: string): Promise<string | undefined> {
  return isCommitHash(revision) ? revision : readRef(layout, revision);
}

/** Write `text` to `path` atomically (temp file in the same folder, then rename). */
export async function writeAtomic(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempSibling(path, "tmp");
  await writeFile(tmp, text);
  await rename(tmp, path);
}

/** huggingface_hub _cache_commit_hash_for_specific_revision: refs/<revision> holds the sha, no newline. */
export async function writeRef(layout: RepoLayout, revision: string, commit: string): Promise<void> {
  if (revision === commit) return;
  if ((await readRef(layout, revision)) === commit) return;
  // Written in place as Python does: a temp file inside refs/ would be read as a ref by scan_cache_dir.
  const p = refPath(layout, revision);
  await mkdir(dirname(p), { recursive: true });
  await writeFile(p, commit);
}

/** The cached file `snapshots/<commit>/<file>` if present (symlink to a blob or plain file). */
export async function cachedPointer(
  layout: RepoLayout,
  commit: string,
  file: string,
): Promise<string | undefined> {
  const p = pointerPath(layout, commit, file);
  return (await isFile(p)) ? p : undefined;
}

/** True if huggingface_hub recorded that `file` does not exist at `commit`. */
export async function knownMissing(layout: RepoLayout, commit: string, file: string): Promise<boolean> {
  return isFile(noExistPath(layout, commit, file));
}

/** Record (as huggingface_hub does) that `file` does not exist at `commit`. */
export async function markMissing(layout: RepoLayout, commit: string, file: string): Promise<void> {
  const p = noExistPath(layout, commit, file);
  await mkdir(dirname(p), { recursive: true });
  await writeFile(p, "");
}

/** Every file under `snapshots/<commit>` as a sorted repo path (`data/x.parquet`); undefined if no snapshot. */
export async function listSnapshot(layout: RepoLayout, commit: string): Promise<string[] | undefined> {
  const root = snapshotPath(layout, commit);
  if (!(await isDir(root))) return undefined;
  const out: string[] = [];
  const walk = async (dir: string, prefix: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, rel);
      else if (await isFile(full)) out.push(rel);
    }
  };
  await walk(root, "");
  return out.sort();
}

/** The file list of a commit as recorded by embeval from the Hub API (see manifestPath). */
export interface Manifest {
  repo: string;
  commit: string;
  files: string[];
}

/** The recorded file list of `commit`, or undefined. A corrupt manifest is ignored (re-fetched online). */
export async function readManifest(layout: RepoLayout, commit: string): Promise<string[] | undefined> {
  try {
    const m = JSON.parse(await readFile(manifestPath(layout, commit), "utf8")) as Partial<Manifest>;
    if (m.commit !== commit || !Array.isArray(m.files)) return undefined;
    return m.files.filter((f): f is string => typeof f === "string");
  } catch (e) {
    if (e instanceof SyntaxError || (e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new EmbevalError("E_IO", `cannot read ${manifestPath(layout, commit)}`, { cause: e });
  }
}

/** Record the file list of `commit`. */
export async function writeManifest(layout: RepoLayout, repoId: string, commit: string, files: string[]) {
  const m: Manifest = { repo: repoId, commit, files: [...files].sort() };
  await writeAtomic(manifestPath(layout, commit), `${JSON.stringify(m, null, 1)}\n`);
}
