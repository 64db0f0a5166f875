/** Paths of the Hub cache; reproduces huggingface_hub file_download.py repo_folder_name, blob/pointer paths and _create_symlink's relative links. */
import { dirname, join, relative } from "node:path";
import type { HubRepo, HubRepoType } from "./repo.js";

/** huggingface_hub repo_folder_name: `datasets--org--name`, `models--org--name`. */
export function repoFolderName(type: HubRepoType, id: string): string {
  return [`${type}s`, ...id.split("/")].join("--");
}

/** Where one repo lives in the hub cache, and the paths inside it. */
export interface RepoLayout {
  /** `<hub>/datasets--org--name`. */
  storage: string;
  refs: string;
  snapshots: string;
  blobs: string;
  /** `<hub>/.locks/datasets--org--name` (huggingface_hub's lock folder; embeval uses its own lock names). */
  locks: string;
}

/** The layout of `repo` under the hub cache directory `hubCache`. */
export function repoLayout(hubCache: string, repo: Pick<HubRepo, "type" | "id">): RepoLayout {
  const folder = repoFolderName(repo.type, repo.id);
  const storage = join(hubCache, folder);
  return {
    storage,
    refs: join(storage, "refs"),
    snapshots: join(storage, "snapshots"),
    blobs: join(storage, "blobs"),
    locks: join(hubCache, ".locks", folder),
  };
}

/** `refs/<revision>` (a revision with `/`, e.g. refs/pr/1, nests folders as in Python). */
export function refPath(layout: RepoLayout, revision: string): string {
  return join(layout.refs, ...revision.split("/"));
}

/** `snapshots/<commit>`. */
export function snapshotPath(layout: RepoLayout, commit: string): string {
  return join(layout.snapshots, commit);
}

/** `snapshots/<commit>/<file>`: huggingface_hub's pointer path. */
export function pointerPath(layout: RepoLayout, commit: string, file: string): string {
  return join(layout.snapshots, commit, ...file.split("/"));
}

/** `blobs/<etag>`. */
export function blobPath(layout: RepoLayout, etag: string): string {
  return join(layout.blobs, etag);
}

/** `blobs/<etag>.incomplete`: the temp file a download writes before the rename. */
export function incompletePath(layout: RepoLayout, etag: string): string {
  return `${blobPath(layout, etag)}.incomplete`;
}

/** `.no_exist/<commit>/<file>`: huggingface_hub's marker for a file known to be absent at a commit. */
export function noExistPath(layout: RepoLayout, commit: string, file: string): string {
  return join(layout.storage, ".no_exist", commit, ...file.split("/"));
}

/** embeval's record of a commit's full file list (outside snapshots/, which Python's cache scanner reads). */
export function manifestPath(layout: RepoLayout, commit: string): string {
  return join(layout.storage, ".embeval", `${commit}.files.json`);
}

/** embeval's lock for one blob download (Python's fcntl lock on `<etag>.lock` is not visible to Node). */
export function lockPath(layout: RepoLayout, etag: string): string {
  return join(layout.locks, `${etag}.embeval.lock`);
}

/** The relative symlink target huggingface_hub writes: relpath(blob, dirname(pointer)), e.g. `../../blobs/<etag>`. */
export function symlinkTarget(blob: string, pointer: string): string {
  return relative(dirname(pointer), blob);
}

/** huggingface_hub _normalize_etag: drop a weak `W/` prefix and the quotes. */
export function normalizeEtag(etag: string | null | undefined): string | undefined {
  if (etag === null || etag === undefined || etag === "") return undefined;
  return etag.replace(/^W\//, "").replace(/^"+|"+$/g, "");
}
