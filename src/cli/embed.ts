/**
 * `embeval embed`: one text per input line → a float32 .npy with one row per line (numpy `np.save` format 1.0,
 * `<f4`, C order), through the embedding service (dedupe, length-sorted batches, the disk cache); `--dims d` keeps
 * the first d values (sentence-transformers truncate_dim, no renormalisation).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createEmbedder } from "../embedders/factory.js";
import type { Role } from "../embedders/types.js";
import { writeNpy } from "../embedding/npy.js";
import { cacheFromFlags } from "../embedding/open-cache.js";
import { createEmbeddingService } from "../embedding/service.js";
import { EmbevalError } from "../errors.js";
import type { CliIo } from "./io.js";

/** Raw flags as commander gives them. */
export interface EmbedFlags {
  model: string;
  role: string;
  input: string;
  output: string;
  dims?: string;
  batchSize?: string;
  endpoint?: string[];
  device?: string;
  threads?: string;
  embeddingCache?: string | boolean;
  cacheDtype?: string;
}

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0)
    throw new EmbevalError("E_INVALID_ARGUMENT", `--${name} must be a positive integer, got "${v}"`);
  return n;
}

/** The input file's lines (a final newline does not add an empty line; CRLF endings are stripped). */
export function readLines(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new EmbevalError("E_IO", `cannot read ${path}: ${(e as Error).message}`, { cause: e });
  }
  if (text.length === 0) return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
}

/** Run the command; resolves to the exit code. */
export async function runEmbed(io: CliIo, flags: EmbedFlags): Promise<number> {
  const roles: Role[] = ["query", "document", "symmetric"];
  if (!roles.includes(flags.role as Role)) {
    throw new EmbevalError(
      "E_INVALID_ARGUMENT",
      `--role must be one of ${roles.join(", ")}, got "${flags.role}"`,
    );
  }
  const role = flags.role as Role;
  const dims = positive("dims", flags.dims);
  const batchSize = positive("batch-size", flags.batchSize) ?? 32;
  const threads = positive("threads", flags.threads);
  if (flags.device !== undefined && flags.device !== "cpu" && flags.device !== "cuda")
    throw new EmbevalError("E_INVALID_ARGUMENT", `--device must be cpu or cuda, got "${flags.device}"`);
  const texts = readLines(resolve(flags.input));
  const cache = cacheFromFlags(flags, (line) => io.err(`${line}\n`));
  const embedder = await createEmbedder(flags.model, {
    batchSize,
    device: flags.device as "cpu" | "cuda" | undefined,
    threads,
    endpoints: flags.endpoint,
  });
  try {
    const service = createEmbeddingService({ embedder, batchSize, cache });
    const m = await service.encodeAt(dims)({ texts, role });
    const out = resolve(flags.output);
    writeNpy(out, m.rows, m.cols, m.data instanceof Float32Array ? m.data : Float32Array.from(m.data));
    const s = service.stats;
    io.err(
      `${m.rows} × ${m.cols} float32 written to ${out}; ${s.texts} texts encoded in ${s.calls} batches` +
        `${cache ? `, ${s.diskHits} from the embedding cache ${cache.dir}` : ""}\n`,
    );
    return 0;
  } finally {
    await embedder.close();
    await cache?.close();
  }
}
