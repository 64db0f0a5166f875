/** A loopback Hub for tests: file-list API, resolve/ (200 or 302 to a CDN on another port), 404s, scripted faults. */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One file of a fake repo; LFS files are served from the CDN by sha256. */
export interface FakeFile {
  path: string;
  content: Buffer;
  lfs: boolean;
}

/** A fake dataset or model repo with one commit on `main`. */
export interface FakeRepo {
  id: string;
  commit: string;
  files: FakeFile[];
  /** An old id that relatively redirects (307) to this repo, as the Hub does for renamed repos. */
  renamedFrom?: string;
}

/** A scripted misbehaviour for the next request matching a key `METHOD /path`. */
export type Fault =
  | { status: number; retryAfter?: string }
  | { dropAfter: number }
  | { stallAfter: number }
  | { corrupt: true };

/** What the servers saw. */
export interface SeenRequest {
  server: "hub" | "cdn";
  method: string;
  path: string;
  range: string | undefined;
  authorization: string | undefined;
}

export interface FakeHub {
  endpoint: string;
  cdn: string;
  requests: SeenRequest[];
  /** Faults by `METHOD /path` (path without query), consumed in order. */
  faults: Map<string, Fault[]>;
  close(): Promise<void>;
}

/** git's blob id: sha1("blob <len>\0" + content), the Hub's ETag of a non-LFS file. */
export function gitBlobSha1(content: Buffer): string {
  return createHash("sha1").update(`blob ${content.length}\0`).update(content).digest("hex");
}

export function sha256(content: Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    );
  });
}

function takeFault(hub: FakeHub, method: string, path: string): Fault | undefined {
  const list = hub.faults.get(`${method} ${path}`);
  return list?.shift();
}

/** Send `body` (or its head for HEAD), applying a drop/corrupt fault. */
function sendBody(req: IncomingMessage, res: ServerResponse, body: Buffer, fault: Fault | undefined) {
  if (req.method === "HEAD") return res.end();
  if (fault !== undefined && "dropAfter" in fault) {
    res.write(body.subarray(0, fault.dropAfter), () => setTimeout(() => res.socket?.destroy(), 20));
    return;
  }
  if (fault !== undefined && "stallAfter" in fault) {
    res.write(body.subarray(0, fault.stallAfter));
    return; // never ends; the client's read timeout must fire (closeAllConnections cleans up)
  }
  if (fault !== undefined && "corrupt" in fault) {
    const bad = Buffer.from(body);
    bad[0] ^= 0xff;
    return res.end(bad);
  }
  res.end(body);
}

/** Start the fake Hub and CDN on 127.0.0.1 (ephemeral ports). */
export async function startFakeHub(repos: FakeRepo[], opts: { token?: string } = {}): Promise<FakeHub> {
  const blobs = new Map<string, Buffer>();
  for (const r of repos) for (const f of r.files) if (f.lfs) blobs.set(sha256(f.content), f.content);
  const hub: FakeHub = {
    endpoint: "",
    cdn: "",
    requests: [],
    faults: new Map(),
    close: async () => undefined,
  };
  const record = (server: "hub" | "cdn", req: IncomingMessage, path: string) => {
    hub.requests.push({
      server,
      method: req.method ?? "GET",
      path,
      range: req.headers.range,
      authorization: req.headers.authorization,
    });
  };
  const earlyFault = (fault: Fault | undefined, res: ServerResponse): boolean => {
    if (fault === undefined || !("status" in fault)) return false;
    const headers: Record<string, string> =
      fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter };
    res.writeHead(fault.status, headers).end("fault");
    return true;
  };

  const hubServer = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    record("hub", req, path);
    const fault = takeFault(hub, req.method ?? "GET", path);
    if (earlyFault(fault, res)) return;
    if (opts.token !== undefined && req.headers.authorization !== `Bearer ${opts.token}`) {
      return res.writeHead(401, { "X-Error-Code": "RepoNotFound" }).end("unauthorized");
    }
    // Datasets live under /datasets/ and /api/datasets/; model repos without the prefix and under /api/models/.
    const api = /^\/api\/(?:datasets|models)\/([^/]+\/[^/]+)\/revision\/([^/]+)$/.exec(path);
    const resolve = /^\/(?:datasets\/)?([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(path);
    const m = api ?? resolve;
    if (m === null) return res.writeHead(404).end("no route");
    const renamed = repos.find((r) => r.renamedFrom === m[1]);
    if (renamed !== undefined) {
      return res.writeHead(307, { Location: path.replace(m[1], renamed.id) }).end();
    }
    const repo = repos.find((r) => r.id === m[1]);
    if (repo === undefined) return res.writeHead(404, { "X-Error-Code": "RepoNotFound" }).end("no repo");
    const rev = decodeURIComponent(m[2]);
    if (rev !== "main" && rev !== repo.commit) {
      return res.writeHead(404, { "X-Error-Code": "RevisionNotFound" }).end("no revision");
    }
    if (api !== null) {
      const body = JSON.stringify({
        id: repo.id,
        sha: repo.commit,
        siblings: repo.files.map((f) => ({ rfilename: f.path })),
      });
      return res.writeHead(200, { "Content-Type": "application/json" }).end(body);
    }
    const file = repo.files.find((f) => f.path === decodeURIComponent(m[3]));
    if (file === undefined) {
      return res
        .writeHead(404, { "X-Error-Code": "EntryNotFound", "X-Repo-Commit": repo.commit })
        .end("no file");
    }
    if (file.lfs) {
      const sha = sha256(file.content);
      return res
        .writeHead(302, {
          Location: `${hub.cdn}/lfs/${sha}?expires=1`,
          "X-Repo-Commit": repo.commit,
          "X-Linked-Etag": `"${sha}"`,
          "X-Linked-Size": String(file.content.length),
          ETag: '"pointer-etag"',
        })
        .end();
    }
    res.writeHead(200, {
      "X-Repo-Commit": repo.commit,
      ETag: `"${gitBlobSha1(file.content)}"`,
      "Content-Length": String(file.content.length),
    });
    sendBody(req, res, file.content, fault);
  });

  const cdnServer = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    record("cdn", req, path);
    const fault = takeFault(hub, req.method ?? "GET", path);
    if (earlyFault(fault, res)) return;
    const body = blobs.get(path.replace(/^\/lfs\//, ""));
    if (body === undefined) return res.writeHead(404).end("no blob");
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? "");
    const start = range === null ? 0 : Number(range[1]);
    if (start >= body.length && body.length > 0) return res.writeHead(416).end();
    const part = body.subarray(start);
    const headers: Record<string, string> = { "Content-Length": String(part.length), ETag: '"s3-etag"' };
    if (range !== null) headers["Content-Range"] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(range === null ? 200 : 206, headers);
    sendBody(req, res, part, fault);
  });

  hub.endpoint = await listen(hubServer);
  hub.cdn = await listen(cdnServer);
  hub.close = async () => {
    hubServer.closeAllConnections();
    cdnServer.closeAllConnections();
    await Promise.all([new Promise((r) => hubServer.close(r)), new Promise((r) => cdnServer.close(r))]);
  };
  return hub;
}
