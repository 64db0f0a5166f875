/** Content revision of a local model folder: SHA-256 over the files that decide its vectors (names, sizes, bytes). */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { join } from "node:path";

/** `sha256:<first 16 hex>` of the listed files (relative to `dir`, hashed in sorted order). */
export async function contentRevision(dir: string, files: readonly string[]): Promise<string> {
  const h = createHash("sha256");
  for (const f of [...files].sort()) {
    const path = join(dir, f);
    h.update(`${f}\0${statSync(path).size}\0`);
    for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  }
  return `sha256:${h.digest("hex").slice(0, 16)}`;
}
