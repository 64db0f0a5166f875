/** Cache directories from the environment, cache paths, URL quoting and backoff arithmetic (huggingface_hub's rules). */
import { describe, expect, it } from "vitest";
import { repoInfoUrl, resolveUrl } from "../../../../src/data/hub/api.js";
import { envTrue, expandPath, hubEnvFrom } from "../../../../src/data/hub/env.js";
import { backoffDelay, DEFAULT_RETRY, parseRetryAfter, retryDelay } from "../../../../src/data/hub/http.js";
import {
  normalizeEtag,
  pointerPath,
  refPath,
  repoFolderName,
  repoLayout,
  symlinkTarget,
} from "../../../../src/data/hub/layout.js";
import { pyQuote, validateRepo, validateRepoFile } from "../../../../src/data/hub/repo.js";
import { isEmbevalError } from "../../../../src/errors.js";

describe("hubEnvFrom (huggingface_hub constants.py)", () => {
  it("defaults to ~/.cache/huggingface/hub and https://huggingface.co", () => {
    const e = hubEnvFrom({}, "/home/u");
    expect(e.hfHome).toBe("/home/u/.cache/huggingface");
    expect(e.hubCache).toBe("/home/u/.cache/huggingface/hub");
    expect(e.endpoint).toBe("https://huggingface.co");
    expect(e.offline).toBe(false);
    expect(e.token).toBeUndefined();
    expect(e.tokenPath).toBe("/home/u/.cache/huggingface/token");
  });
  it("follows XDG_CACHE_HOME, then HF_HOME, then HF_HUB_CACHE", () => {
    expect(hubEnvFrom({ XDG_CACHE_HOME: "/x" }, "/h").hubCache).toBe("/x/huggingface/hub");
    expect(hubEnvFrom({ XDG_CACHE_HOME: "/x", HF_HOME: "/hf" }, "/h").hubCache).toBe("/hf/hub");
    expect(hubEnvFrom({ HF_HOME: "/hf", HF_HUB_CACHE: "/c" }, "/h").hubCache).toBe("/c");
    expect(hubEnvFrom({ HF_HOME: "/hf", HUGGINGFACE_HUB_CACHE: "/legacy" }, "/h").hubCache).toBe("/legacy");
    expect(hubEnvFrom({ HF_HOME: "~/hf" }, "/h").hubCache).toBe("/h/hf/hub");
    expect(hubEnvFrom({ HF_HOME: "$BASE/hf", BASE: "/b" }, "/h").hubCache).toBe("/b/hf/hub");
    expect(hubEnvFrom({ HF_HOME: "rel/hf" }, "/h").hubCache).toBe(`${process.cwd()}/rel/hf/hub`);
  });
  it("reads endpoint, token and offline flags", () => {
    const e = hubEnvFrom({ HF_ENDPOINT: "http://mirror/", HF_TOKEN: "t", HF_HUB_OFFLINE: "1" }, "/h");
    expect(e.endpoint).toBe("http://mirror");
    expect(e.token).toBe("t");
    expect(e.offline).toBe(true);
    expect(hubEnvFrom({ HUGGING_FACE_HUB_TOKEN: "old" }, "/h").token).toBe("old");
    expect(hubEnvFrom({ TRANSFORMERS_OFFLINE: "yes" }, "/h").offline).toBe(true);
    expect(hubEnvFrom({ HF_HUB_OFFLINE: "0" }, "/h").offline).toBe(false);
    expect(["1", "ON", "yes", "True"].every(envTrue)).toBe(true);
    expect(["0", "", "off", "false", undefined].some(envTrue)).toBe(false);
    expect(expandPath("$NOPE/x", {}, "/h")).toBe("$NOPE/x");
  });
});

describe("cache layout (huggingface_hub file_download.py)", () => {
  it("names repo folders type--org--name", () => {
    expect(repoFolderName("dataset", "mteb/scifact")).toBe("datasets--mteb--scifact");
    expect(repoFolderName("model", "BAAI/bge-small-en-v1.5")).toBe("models--BAAI--bge-small-en-v1.5");
    expect(repoFolderName("dataset", "squad")).toBe("datasets--squad");
  });
  it("places refs, snapshots, blobs and makes relative symlink targets", () => {
    const l = repoLayout("/c", { type: "dataset", id: "mteb/scifact" });
    expect(l.storage).toBe("/c/datasets--mteb--scifact");
    expect(refPath(l, "main")).toBe("/c/datasets--mteb--scifact/refs/main");
    expect(refPath(l, "refs/pr/1")).toBe("/c/datasets--mteb--scifact/refs/refs/pr/1");
    const p = pointerPath(l, "a".repeat(40), "data/test.parquet");
    expect(p).toBe(`/c/datasets--mteb--scifact/snapshots/${"a".repeat(40)}/data/test.parquet`);
    expect(symlinkTarget(`${l.blobs}/e1`, pointerPath(l, "a".repeat(40), "README.md"))).toBe(
      "../../blobs/e1",
    );
    expect(symlinkTarget(`${l.blobs}/e1`, p)).toBe("../../../blobs/e1");
  });
  it("normalizes etags like _normalize_etag", () => {
    expect(normalizeEtag('"abc"')).toBe("abc");
    expect(normalizeEtag('W/"abc"')).toBe("abc");
    expect(normalizeEtag(null)).toBeUndefined();
  });
});

describe("URLs (hf_hub_url quoting)", () => {
  const repo = { type: "dataset" as const, id: "mteb/scifact", revision: "refs/pr/1" };
  it("matches Python urllib.parse.quote", () => {
    // Values printed by Python 3.11 urllib.parse.quote(s) and quote(s, safe="").
    expect(pyQuote("a b/ü(1)!*~'.txt")).toBe("a%20b/%C3%BC%281%29%21%2A~%27.txt");
    expect(pyQuote("a b/ü(1)!*~'.txt", "")).toBe("a%20b%2F%C3%BC%281%29%21%2A~%27.txt");
    expect(pyQuote("refs/pr/1", "")).toBe("refs%2Fpr%2F1");
    expect(pyQuote("100%")).toBe("100%25");
  });
  it("builds resolve and API URLs", () => {
    expect(resolveUrl("https://hf.co", repo, "data/a b.parquet")).toBe(
      "https://hf.co/datasets/mteb/scifact/resolve/refs%2Fpr%2F1/data/a%20b.parquet",
    );
    expect(resolveUrl("https://hf.co", { ...repo, type: "model", revision: "main" }, "x.json")).toBe(
      "https://hf.co/mteb/scifact/resolve/main/x.json",
    );
    expect(repoInfoUrl("https://hf.co", { ...repo, revision: "main" })).toBe(
      "https://hf.co/api/datasets/mteb/scifact/revision/main",
    );
  });
});

describe("validation", () => {
  const bad = (f: () => void) => {
    try {
      f();
    } catch (e) {
      return isEmbevalError(e, "E_INVALID_ARGUMENT");
    }
    return false;
  };
  it("rejects bad repo ids, revisions and paths", () => {
    const ok = { type: "dataset" as const, id: "mteb/scifact", revision: "main" };
    expect(bad(() => validateRepo(ok))).toBe(false);
    expect(bad(() => validateRepo({ ...ok, id: "a--b/c" }))).toBe(true);
    expect(bad(() => validateRepo({ ...ok, id: "a/b/c" }))).toBe(true);
    expect(bad(() => validateRepo({ ...ok, id: "../x" }))).toBe(true);
    expect(bad(() => validateRepo({ ...ok, revision: "" }))).toBe(true);
    expect(bad(() => validateRepo({ ...ok, revision: "../../x" }))).toBe(true);
    expect(bad(() => validateRepo({ ...ok, type: "space" as "model" }))).toBe(true);
    for (const f of ["", "/etc/passwd", "../x", "a/../b", "a//b", "a\\b"])
      expect(bad(() => validateRepoFile(f))).toBe(true);
    expect(bad(() => validateRepoFile("data/test-00000-of-00001.parquet"))).toBe(false);
  });
});

describe("backoff", () => {
  it("doubles from the base up to the cap and honours Retry-After", () => {
    const o = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 500 };
    expect([0, 1, 2, 3, 4].map((a) => backoffDelay(a, o))).toEqual([100, 200, 400, 500, 500]);
    expect(retryDelay(0, o, "3")).toBe(3000);
    expect(retryDelay(0, { ...o, maxRetryAfterMs: 1000 }, "3")).toBe(1000);
    expect(retryDelay(2, o, "garbage")).toBe(400);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:10 GMT", Date.parse("2026-01-01T00:00:00Z"))).toBe(10_000);
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
