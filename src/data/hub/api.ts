/** Hub API calls: the revision's file list (GET /api/{datasets|models}/{id}/revision/{rev}) and a file's metadata (HEAD resolve/); reproduces huggingface_hub hf_api.py repo_info and file_download.py get_hf_file_metadata. */
import { EmbevalError } from "../../errors.js";
import { EMBEVAL_VERSION } from "../../version.js";
import { fetchWithRetry, type HttpContext } from "./http.js";
import { normalizeEtag } from "./layout.js";
import { describeRepo, type HubRepo, isCommitHash, pyQuote } from "./repo.js";

/** Transport plus where and as whom to ask. */
export interface ApiContext extends HttpContext {
  endpoint: string;
  token: string | undefined;
}

/** `{endpoint}/api/datasets/{id}/revision/{rev}` (models: /api/models/...). */
export function repoInfoUrl(endpoint: string, repo: HubRepo): string {
  return `${endpoint}/api/${repo.type}s/${repo.id}/revision/${pyQuote(repo.revision, "")}`;
}

/** huggingface_hub hf_hub_url: `{endpoint}/datasets/{id}/resolve/{rev}/{file}` (models without the prefix). */
export function resolveUrl(endpoint: string, repo: HubRepo, file: string): string {
  const prefix = repo.type === "dataset" ? "datasets/" : "";
  return `${endpoint}/${prefix}${repo.id}/resolve/${pyQuote(repo.revision, "")}/${pyQuote(file)}`;
}

/** Request headers; the token goes only to the endpoint's own origin, never to a CDN. */
export function hubHeaders(
  ctx: ApiContext,
  url: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  const h: Record<string, string> = { "user-agent": `embeval/${EMBEVAL_VERSION}`, ...extra };
  if (ctx.token !== undefined && new URL(url).origin === new URL(ctx.endpoint).origin) {
    h.authorization = `Bearer ${ctx.token}`;
  }
  return h;
}

/** Map a failed Hub response to a coded error (401/403/404 → E_DATASET_MISSING, others → E_IO). */
export function hubHttpError(res: Response, repo: HubRepo, what: string): EmbevalError {
  const code = res.headers.get("x-error-code") ?? "";
  const where = `${describeRepo(repo)}${what === "" ? "" : ` file ${what}`}`;
  if (res.status === 404 && code === "EntryNotFound") {
    return new EmbevalError("E_DATASET_MISSING", `${where}: no such file at that revision on the Hub`, {
      hint: "check the file path and the pinned revision",
    });
  }
  if (res.status === 404 && code === "RevisionNotFound") {
    return new EmbevalError("E_DATASET_MISSING", `${where}: revision not found on the Hub`, {
      hint: "check the pinned revision (a 40-hex commit sha or a branch/tag name)",
    });
  }
  if (res.status === 401 || res.status === 403 || res.status === 404) {
    return new EmbevalError(
      "E_DATASET_MISSING",
      `${where}: repository not found or not accessible (HTTP ${res.status})`,
      {
        hint: "check the repo id; for a private or gated repo set HF_TOKEN to a token with access",
      },
    );
  }
  return new EmbevalError("E_IO", `${where}: Hub answered HTTP ${res.status}`, {
    hint: "retry later or check HF_ENDPOINT",
  });
}

/** A revision's commit sha and every file in it. */
export interface RepoFiles {
  commit: string;
  files: string[];
}

/** Ask the Hub API for the commit sha and file list of `repo` at its revision. */
export async function fetchRepoFiles(ctx: ApiContext, repo: HubRepo): Promise<RepoFiles> {
  const url = repoInfoUrl(ctx.endpoint, repo);
  const { res } = await fetchWithRetry(ctx, url, { method: "GET", headers: hubHeaders(ctx, url) });
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw hubHttpError(res, repo, "");
  }
  let body: { sha?: unknown; siblings?: Array<{ rfilename?: unknown }> };
  try {
    body = (await res.json()) as typeof body;
  } catch (e) {
    throw new EmbevalError("E_IO", `${describeRepo(repo)}: the Hub API answer is not JSON`, { cause: e });
  }
  if (typeof body.sha !== "string" || !isCommitHash(body.sha) || !Array.isArray(body.siblings)) {
    throw new EmbevalError("E_IO", `${describeRepo(repo)}: the Hub API answer lacks sha/siblings`, {
      hint: "check HF_ENDPOINT points at a Hugging Face Hub",
    });
  }
  const files = body.siblings.map((s) => s.rfilename).filter((f): f is string => typeof f === "string");
  return { commit: body.sha, files: files.sort() };
}

/** What HEAD resolve/ says about a file (huggingface_hub HfFileMetadata). */
export type FileMetadata =
  | { kind: "file"; commit: string; etag: string; size: number | undefined; location: string }
  | { kind: "missing"; commit: string | undefined };

const ABSOLUTE_URL = /^([a-z][a-z0-9+.-]*:)?\/\//i;

/** HEAD the file's resolve URL, following only relative redirects (renamed repos), not the CDN one. */
export async function fetchFileMetadata(ctx: ApiContext, repo: HubRepo, file: string): Promise<FileMetadata> {
  let url = resolveUrl(ctx.endpoint, repo, file);
  for (let hop = 0; hop < 10; hop++) {
    const headers = hubHeaders(ctx, url, { "accept-encoding": "identity" });
    const { res } = await fetchWithRetry(ctx, url, { method: "HEAD", headers, redirect: "manual" });
    await res.body?.cancel().catch(() => undefined);
    const loc = res.headers.get("location");
    const isRedirect = res.status >= 300 && res.status < 400 && loc !== null;
    if (isRedirect && !ABSOLUTE_URL.test(loc)) {
      url = new URL(loc, url).toString();
      continue;
    }
    const commit = res.headers.get("x-repo-commit") ?? undefined;
    if (res.status === 404 && res.headers.get("x-error-code") === "EntryNotFound") {
      return { kind: "missing", commit: commit !== undefined && isCommitHash(commit) ? commit : undefined };
    }
    if (!res.ok && !isRedirect) throw hubHttpError(res, repo, file);
    const etag = normalizeEtag(res.headers.get("x-linked-etag") ?? res.headers.get("etag"));
    if (commit === undefined || !isCommitHash(commit) || etag === undefined || !/^[\w.-]+$/.test(etag)) {
      throw new EmbevalError(
        "E_IO",
        `${describeRepo(repo)} file ${file}: the server sent no X-Repo-Commit/ETag`,
        {
          hint: "the endpoint does not look like a Hugging Face Hub; check HF_ENDPOINT and any proxy",
        },
      );
    }
    const sizeHeader = res.headers.get("x-linked-size") ?? res.headers.get("content-length");
    const size = sizeHeader !== null && /^\d+$/.test(sizeHeader) ? Number(sizeHeader) : undefined;
    const location = isRedirect ? new URL(loc, url).toString() : url;
    return { kind: "file", commit, etag, size, location };
  }
  throw new EmbevalError("E_IO", `${describeRepo(repo)} file ${file}: too many redirects`);
}
