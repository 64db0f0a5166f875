/** Checked readers for the mteb extractor's JSON (../shared/mteb/*.json, mteb 2.20.0 metadata): fail loudly with E_PARSE on any unexpected shape. */
import { EmbevalError } from "../../metrics/errors.js";
import type { JsonValue } from "../types.js";

/** A parsed JSON object. */
export type JsonObject = { readonly [k: string]: JsonValue };

/** Throws E_PARSE naming where in the source the problem is. */
export function parseFail(where: string, what: string): never {
  throw new EmbevalError("E_PARSE", `${where}: ${what}`, {
    hint: "regenerate the mteb metadata extract (../shared/mteb) or fix scripts/generate-registry.ts",
  });
}

/** `v` as an object, or E_PARSE. */
export function obj(v: JsonValue | undefined, where: string): JsonObject {
  if (v === null || typeof v !== "object" || Array.isArray(v)) parseFail(where, "expected an object");
  return v as JsonObject;
}

/** `v` as an array, or E_PARSE. */
export function arr(v: JsonValue | undefined, where: string): readonly JsonValue[] {
  if (!Array.isArray(v)) parseFail(where, "expected an array");
  return v;
}

/** `v` as a string, or E_PARSE. */
export function str(v: JsonValue | undefined, where: string): string {
  if (typeof v !== "string") parseFail(where, "expected a string");
  return v;
}

/** `v` as a string or null (undefined counts as null). */
export function strOrNull(v: JsonValue | undefined, where: string): string | null {
  return v === undefined || v === null ? null : str(v, where);
}

/** `v` as a finite number, or E_PARSE. */
export function num(v: JsonValue | undefined, where: string): number {
  if (typeof v !== "number" || !Number.isFinite(v)) parseFail(where, "expected a finite number");
  return v;
}

/** `v` as a boolean, or E_PARSE. */
export function bool(v: JsonValue | undefined, where: string): boolean {
  if (typeof v !== "boolean") parseFail(where, "expected a boolean");
  return v;
}

/** `v` as a list of strings, or E_PARSE. */
export function strList(v: JsonValue | undefined, where: string): string[] {
  return arr(v, where).map((x, i) => str(x, `${where}[${i}]`));
}

/** `v` as a list of strings, null/undefined → null. */
export function strListOrNull(v: JsonValue | undefined, where: string): string[] | null {
  return v === undefined || v === null ? null : strList(v, where);
}
