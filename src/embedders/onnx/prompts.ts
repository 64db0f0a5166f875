/**
 * Prompt and task-adapter resolution: mteb 2.20 mteb/models/abs_encoder.py `get_prompt_name` (task-name-role >
 * task-name > task-type-role > task-type > role) then sentence-transformers 5.x encode_query / encode_document /
 * encode fallbacks ("query"; first of "document"/"passage"/"corpus"; default_prompt_name).
 */
import { EmbevalError } from "../../errors.js";
import { promptKeys } from "../prompts.js";
import type { EncodeContext } from "../types.js";
import type { AdapterOptions } from "./types.js";

/** The keys mteb tries for a context, best first (shared with the other embedders' prompt resolution). */
export const contextKeys = promptKeys;

/** The prompt string prepended for a context, or undefined when neither mteb nor ST picks one. */
export function resolvePrompt(
  prompts: Readonly<Record<string, string>>,
  defaultPromptName: string | null,
  ctx: EncodeContext,
): string | undefined {
  const has = (k: string) => Object.hasOwn(prompts, k);
  const key = contextKeys(ctx).find(has);
  if (key !== undefined) return prompts[key];
  if (ctx.role === "query") return has("query") ? prompts.query : undefined;
  if (ctx.role === "document") {
    const k = ["document", "passage", "corpus"].find(has);
    return k === undefined ? undefined : prompts[k];
  }
  return defaultPromptName !== null && has(defaultPromptName) ? prompts[defaultPromptName] : undefined;
}

/** The adapter id for a context: `map` keys in mteb order, then "default"; names resolve to their index. */
export function resolveAdapter(
  adapter: AdapterOptions,
  adapterNames: readonly string[] | undefined,
  ctx: EncodeContext,
): number {
  const key = [...contextKeys(ctx), "default"].find((k) => Object.hasOwn(adapter.map, k));
  if (key === undefined)
    throw new EmbevalError(
      "E_CONFIG",
      `no task adapter mapped for ${contextKeys(ctx).join(" / ") || "this context"}`,
      {
        hint: 'add a "default" entry to the adapter map',
      },
    );
  const v = adapter.map[key];
  if (typeof v === "number") return v;
  const idx = adapterNames?.indexOf(v) ?? -1;
  if (idx < 0)
    throw new EmbevalError("E_CONFIG", `adapter "${v}" is not one of the model's adapters`, {
      hint: adapterNames
        ? `config.json lora_adaptations: ${adapterNames.join(", ")}`
        : "config.json has no lora_adaptations; map to numeric ids",
    });
  return idx;
}
