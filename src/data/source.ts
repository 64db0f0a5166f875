/** Where a dataset's files come from: a Hub repo at a pinned revision (through the shared cache) or a local folder. */
import { readdir, stat } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import { EmbevalError } from "../errors.js";
import type { HubClient } from "./hub/client.js";

/** A dataset repo's files, listed and resolved to local paths. */
export interface DatasetSource {
  /** For messages: "mteb/scifact@d56462d0" or a folder path. */
  readonly describe: string;
  /** Every file path in the repo, relative, with "/" separators, sorted. */
  listFiles(): Promise<string[]>;
  /** A local path for one repo file (downloaded into the cache if needed). */
  resolve(file: string): Promise<string>;
}

/** A dataset on the Hub at a pinned revision. */
export function hubSource(client: HubClient, id: string, revision: string): DatasetSource {
  const repo = { type: "dataset" as const, id, revision };
  let files: Promise<string[]> | undefined;
  return {
    describe: `${id}@${revision.slice(0, 8)}`,
    listFiles: () => {
      files ??= client.listFiles(repo);
      return files;
    },
    resolve: (file) => client.resolveFile(repo, file),
  };
}

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) await walk(root, p, out);
    else out.push(relative(root, p).split(sep).join("/"));
  }
}

/** A dataset in a local folder (a Hub snapshot copied somewhere, or files in the same layout). */
export function localSource(dir: string): DatasetSource {
  return {
    describe: dir,
    async listFiles() {
      try {
        if (!(await stat(dir)).isDirectory()) throw new Error("not a directory");
      } catch (e) {
        throw new EmbevalError("E_DATASET_MISSING", `dataset folder ${dir} does not exist`, { cause: e });
      }
      const out: string[] = [];
      await walk(dir, dir, out);
      return out.sort();
    },
    async resolve(file) {
      return join(dir, ...file.split("/"));
    },
  };
}
