/** The Hub client: resolve (repo, revision, file) to a local file through the cache huggingface_hub shares, downloading what is missing; reproduces huggingface_hub hf_hub_download / snapshot_download. */
import { readFile } from "node:fs/promises";
import { EmbevalError, isEmbevalError } from "../../errors.js";
import { fetchFileMetadata, fetchRepoFiles, type RepoFiles } from "./api.js";
import {
  cachedCommit,
  cachedPointer,
  knownMissing,
  listSnapshot,
  markMissing,
  readManifest,
  writeManifest,
  writeRef,
} from "./cache.js";
import { type DownloadContext, ensureBlob, linkPointer } from "./download.js";
import { type EnvMap, hubEnvFrom } from "./env.js";
import { DEFAULT_RETRY, type RetryEvent, type RetryOptions, sleep } from "./http.js";
import { pointerPath, type RepoLayout, repoLayout, snapshotPath } from "./layout.js";
import { type ProgressReporter, silentProgress, ttyProgress } from "./progress.js";
import { describeRepo, type HubRepo, isCommitHash, validateRepo, validateRepoFile } from "./repo.js";

/** How to build a client; everything defaults to the environment as huggingface_hub reads it. */
export interface HubClientOptions {
  /** Environment to read HF_HOME, HF_HUB_CACHE, HF_ENDPOINT, HF_HUB_OFFLINE, HF_TOKEN from (default process.env). */
  env?: EnvMap;
  /** The hub cache folder (overrides HF_HUB_CACHE / HF_HOME). */
  cacheDir?: string;
  /** The Hub URL (overrides HF_ENDPOINT). */
  endpoint?: string;
  /** Never touch the network (overrides HF_HUB_OFFLINE). */
  offline?: boolean;
  /** Bearer token (overrides HF_TOKEN and the token file); false sends none. */
  token?: string | false;
  /** Retry/backoff/timeout settings. */
  retry?: Partial<RetryOptions>;
  /** Progress reporter; false silences it. Default: a bar on a TTY for files ≥ 10 MiB. */
  progress?: ProgressReporter | false;
  /** Called before every retry (logging; never sees headers). */
  onRetry?: (e: RetryEvent) => void;
  /** Longest wait for another process downloading the same blob (default 30 min). */
  lockTimeoutMs?: number;
  /** Parallel downloads in snapshotDir (default 4). */
  concurrency?: number;
}

/** The public client. */
export interface HubClient {
  /** The hub cache folder in use. */
  readonly cacheDir: string;
  readonly endpoint: string;
  readonly offline: boolean;
  /** Local path of `file` at the repo's revision (snapshots/<commit>/<file>), downloaded if missing. */
  resolveFile(repo: HubRepo, file: string): Promise<string>;
  /** Every file of the repo at its revision, sorted (from the Hub, or the cache when offline). */
  listFiles(repo: HubRepo): Promise<string[]>;
  /** The commit sha the revision stands for. */
  resolveCommit(repo: HubRepo): Promise<string>;
  /** snapshots/<commit> with every file of the revision present (downloading the missing ones). */
  snapshotDir(repo: HubRepo): Promise<string>;
}

function offlineMissing(cacheDir: string, repo: HubRepo, what: string): EmbevalError {
  return new EmbevalError(
    "E_DATASET_MISSING",
    `${describeRepo(repo)}: ${what} is not in the Hugging Face cache ${cacheDir} and HF_HUB_OFFLINE is set`,
    {
      hint:
        "run once online (unset HF_HUB_OFFLINE) to download it, or copy a cache that has it and point " +
        "HF_HOME / HF_HUB_CACHE at it",
    },
  );
}

/** Refs, manifests and .no_exist markers only save work: a read-only cache (a shared copy) must not fail. */
async function bestEffort(p: Promise<void>): Promise<void> {
  await p.catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "EACCES" && e.code !== "EROFS" && e.code !== "EPERM") throw e;
  });
}

/** A file-system failure while storing a download becomes E_IO naming the cache. */
function cacheWriteError(e: unknown, cacheDir: string): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  if (isEmbevalError(e) || typeof code !== "string") return e;
  return new EmbevalError("E_IO", `cannot write to the Hugging Face cache ${cacheDir} (${code})`, {
    hint: "make HF_HUB_CACHE writable, free disk space, or point HF_HOME / HF_HUB_CACHE at a writable folder",
    cause: e,
  });
}

async function readTokenFile(path: string): Promise<string | undefined> {
  const t = (await readFile(path, "utf8").catch(() => "")).trim();
  return t === "" ? undefined : t;
}

/** Run `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, fn: (x: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}

/** Create a Hub client sharing the cache layout of Python huggingface_hub. */
export function createHubClient(opts: HubClientOptions = {}): HubClient {
  const env = hubEnvFrom(opts.env ?? process.env);
  const cacheDir = opts.cacheDir ?? env.hubCache;
  const offline = opts.offline ?? env.offline;
  const endpoint = (opts.endpoint ?? env.endpoint).replace(/\/+$/, "");
  if (!URL.canParse(endpoint) || !/^https?:$/.test(new URL(endpoint).protocol)) {
    throw new EmbevalError("E_CONFIG", `HF_ENDPOINT ${JSON.stringify(endpoint)} is not an http(s) URL`, {
      hint: "set HF_ENDPOINT to e.g. https://huggingface.co or unset it",
    });
  }
  const progress =
    opts.progress === false || (opts.progress === undefined && env.disableProgress)
      ? silentProgress
      : (opts.progress ?? ttyProgress());
  let ctxPromise: Promise<DownloadContext> | undefined;
  const context = (): Promise<DownloadContext> => {
    ctxPromise ??= (async () => {
      const token =
        opts.token === false ? undefined : (opts.token ?? env.token ?? (await readTokenFile(env.tokenPath)));
      return {
        fetch: globalThis.fetch,
        retry: { ...DEFAULT_RETRY, ...opts.retry },
        sleep,
        onRetry: opts.onRetry,
        endpoint,
        token,
        progress,
        lockTimeoutMs: opts.lockTimeoutMs ?? 30 * 60_000,
      };
    })();
    return ctxPromise;
  };
  const layoutOf = (repo: HubRepo): RepoLayout => {
    validateRepo(repo);
    return repoLayout(cacheDir, repo);
  };

  /** The cached answer to "which files at which commit", without the network. */
  async function cachedFiles(layout: RepoLayout, repo: HubRepo): Promise<RepoFiles | undefined> {
    const commit = await cachedCommit(layout, repo.revision);
    if (commit === undefined) return undefined;
    const files = (await readManifest(layout, commit)) ?? (await listSnapshot(layout, commit));
    return files === undefined ? undefined : { commit, files };
  }

  async function repoFiles(repo: HubRepo): Promise<RepoFiles> {
    const layout = layoutOf(repo);
    if (isCommitHash(repo.revision) || offline) {
      const manifest = isCommitHash(repo.revision) ? await readManifest(layout, repo.revision) : undefined;
      if (manifest !== undefined) return { commit: repo.revision, files: manifest };
      if (offline) {
        const cached = await cachedFiles(layout, repo);
        if (cached === undefined) throw offlineMissing(cacheDir, repo, "the revision's snapshot");
        return cached;
      }
    }
    let info: RepoFiles;
    try {
      info = await fetchRepoFiles(await context(), repo);
    } catch (e) {
      const cached = isEmbevalError(e, "E_IO") ? await cachedFiles(layout, repo) : undefined;
      if (cached === undefined) throw e;
      return cached;
    }
    await bestEffort(writeRef(layout, repo.revision, info.commit));
    await bestEffort(writeManifest(layout, repo.id, info.commit, info.files));
    return info;
  }

  async function resolveFile(repo: HubRepo, file: string): Promise<string> {
    const layout = layoutOf(repo);
    validateRepoFile(file);
    if (isCommitHash(repo.revision)) {
      const hit = await cachedPointer(layout, repo.revision, file);
      if (hit !== undefined) return hit;
    }
    if (offline) {
      const commit = await cachedCommit(layout, repo.revision);
      if (commit === undefined) throw offlineMissing(cacheDir, repo, `refs/${repo.revision}`);
      const hit = await cachedPointer(layout, commit, file);
      if (hit !== undefined) return hit;
      if (await knownMissing(layout, commit, file)) {
        throw new EmbevalError(
          "E_DATASET_MISSING",
          `${describeRepo(repo)}: file ${file} does not exist in the repo`,
          {
            hint: "the cache recorded (.no_exist) that the Hub has no such file at that commit; check the path",
          },
        );
      }
      throw offlineMissing(cacheDir, repo, `file ${file}`);
    }
    const ctx = await context();
    let meta: Awaited<ReturnType<typeof fetchFileMetadata>>;
    try {
      meta = await fetchFileMetadata(ctx, repo, file);
    } catch (e) {
      const commit = isEmbevalError(e, "E_IO") ? await cachedCommit(layout, repo.revision) : undefined;
      const hit = commit === undefined ? undefined : await cachedPointer(layout, commit, file);
      if (hit === undefined) throw e;
      return hit;
    }
    if (meta.kind === "missing") {
      if (meta.commit !== undefined) await bestEffort(markMissing(layout, meta.commit, file));
      throw new EmbevalError(
        "E_DATASET_MISSING",
        `${describeRepo(repo)}: file ${file} does not exist on the Hub`,
        {
          hint: "check the file path and the pinned revision",
        },
      );
    }
    await bestEffort(writeRef(layout, repo.revision, meta.commit));
    const pointer = pointerPath(layout, meta.commit, file);
    const hit = await cachedPointer(layout, meta.commit, file);
    if (hit !== undefined) return hit;
    const label = `${repo.id}/${file}`;
    try {
      const blob = await ensureBlob(ctx, {
        layout,
        etag: meta.etag,
        url: meta.location,
        size: meta.size,
        label,
      });
      await linkPointer(blob, pointer);
    } catch (e) {
      throw cacheWriteError(e, cacheDir);
    }
    return pointer;
  }

  return {
    cacheDir,
    endpoint,
    offline,
    resolveFile,
    listFiles: async (repo) => (await repoFiles(repo)).files,
    resolveCommit: async (repo) => {
      const layout = layoutOf(repo);
      if (isCommitHash(repo.revision)) return repo.revision;
      if (offline) {
        const c = await cachedCommit(layout, repo.revision);
        if (c === undefined) throw offlineMissing(cacheDir, repo, `refs/${repo.revision}`);
        return c;
      }
      return (await repoFiles(repo)).commit;
    },
    snapshotDir: async (repo) => {
      const { commit, files } = await repoFiles(repo);
      const pinned: HubRepo = { ...repo, revision: commit };
      await pool(files, opts.concurrency ?? 4, (f) => resolveFile(pinned, f));
      return snapshotPath(layoutOf(repo), commit);
    },
  };
}
