/** Unique sibling names for atomic writes: pid + a per-process counter + randomness, never reused concurrently. */
import { randomBytes } from "node:crypto";

let counter = 0;

/** `${path}.<pid>.<n>.<random>.<suffix>`: unique across processes and across concurrent calls in one process. */
export function tempSibling(path: string, suffix = "tmp"): string {
  counter = (counter + 1) % Number.MAX_SAFE_INTEGER;
  return `${path}.${process.pid}.${counter}.${randomBytes(4).toString("hex")}.${suffix}`;
}
