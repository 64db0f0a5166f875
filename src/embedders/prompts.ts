/** Prompt and instruction resolution; reproduces mteb 2.x mteb/models/abs_encoder.py get_prompt_name / get_prompt / get_instruction / get_task_instruction (spec §2.2–2.3). */
import type { TaskType } from "../../tasks/types.js";
import { EmbevalError } from "../errors.js";
import type { EncodeContext, Role } from "./types.js";

/** A model's prompt dictionary (`model_prompts` / `prompts_dict`): key → prompt text. */
export type PromptMap = Readonly<Record<string, string>>;

/** mteb's `PromptType` value for a role: "query" / "document", or undefined (None) for symmetric tasks. */
export function promptTypeOf(role: Role): "query" | "document" | undefined {
  return role === "symmetric" ? undefined : role;
}

function has(prompts: PromptMap, key: string): boolean {
  return Object.hasOwn(prompts, key);
}

/**
 * The keys mteb's `get_prompt_name` tries for `ctx`, best first: 1. `{taskName}-{promptType}`, 2. `{taskName}`,
 * 3. `{taskType}-{promptType}`, 4. `{taskType}`, 5. `{promptType}`. Empty task names/types count as absent, as
 * Python's truthiness does. Task adapters resolve with the same order.
 */
export function promptKeys(ctx: EncodeContext): string[] {
  const pt = promptTypeOf(ctx.role);
  const name = ctx.taskName;
  const type = ctx.taskType;
  const keys: string[] = [];
  if (name && pt) keys.push(`${name}-${pt}`);
  if (name) keys.push(name);
  if (type && pt) keys.push(`${type}-${pt}`);
  if (type) keys.push(type);
  if (pt) keys.push(pt);
  return keys;
}

/** mteb `get_prompt_name`: the first of `promptKeys(ctx)` present in `prompts`; undefined when none (or no map). */
export function resolvePromptName(prompts: PromptMap | undefined, ctx: EncodeContext): string | undefined {
  if (!prompts) return undefined;
  return promptKeys(ctx).find((k) => has(prompts, k));
}

/**
 * mteb `get_prompt`: the prompt text for `ctx` (the value under `resolvePromptName`), or undefined. An empty map gives
 * undefined; a matched key whose value is "" gives "" (mteb passes `prompt=""`, which prepends nothing).
 */
export function resolvePrompt(prompts: PromptMap | undefined, ctx: EncodeContext): string | undefined {
  if (!prompts || Object.keys(prompts).length === 0) return undefined;
  const key = resolvePromptName(prompts, ctx);
  return key === undefined ? undefined : prompts[key];
}

/** The prompt an embedder reports/apply: like `resolvePrompt`, with "" folded to undefined (no visible prompt). */
export function effectivePrompt(prompts: PromptMap | undefined, ctx: EncodeContext): string | undefined {
  const p = resolvePrompt(prompts, ctx);
  return p === undefined || p === "" ? undefined : p;
}

/** Prepend a prompt verbatim, as sentence-transformers does with `prompt=` (no separator is added). */
export function applyPrompt(text: string, prompt: string | undefined): string {
  return prompt ? prompt + text : text;
}

const PROMPT_TYPES = new Set(["query", "document"]);

/**
 * mteb `validate_task_to_prompt_name`: every key is a task type, a prompt type, a task name, or `<that>-<promptType>`.
 * `isTaskName` decides task names (pass the registry's lookup); without it any non-type name is accepted.
 * Throws E_CONFIG naming the bad key.
 */
export function validatePromptKeys(
  prompts: PromptMap,
  taskTypes: readonly string[],
  isTaskName: (name: string) => boolean = () => true,
): void {
  for (const key of Object.keys(prompts)) {
    let base = key;
    if (key.includes("-")) {
      const parts = key.split("-");
      if (parts.length !== 2 || !PROMPT_TYPES.has(parts[1])) {
        throw new EmbevalError("E_CONFIG", `prompt key "${key}" has an invalid prompt type`, {
          hint: 'use "<task name or type>-query" or "<task name or type>-document"',
        });
      }
      base = parts[0];
    }
    if (!taskTypes.includes(base) && !PROMPT_TYPES.has(base) && !isTaskName(base)) {
      throw new EmbevalError("E_CONFIG", `prompt key "${key}" is not a task type, prompt type or task name`, {
        hint: "keys are task names, task types (e.g. Retrieval), query/document, or <name>-<query|document>",
      });
    }
  }
}

/** mteb AbsTask `abstask_prompt` defaults per task type (spec §2.3 table); other types have none. */
export const DEFAULT_INSTRUCTIONS: Partial<Record<TaskType, string>> = {
  Retrieval: "Retrieve text based on user query.",
  Classification: "Classify user passages.",
  Clustering: "Identify categories in user passages.",
  STS: "Retrieve semantically similar text.",
  PairClassification: "Retrieve text that are semantically similar to the given text.",
  BitextMining: "Retrieve parallel sentences.",
  Summarization: "Given a news summary, retrieve other semantically similar summaries.",
};

/** Python `template.format(instruction=...)`: `{{`/`}}` escape braces, any other field is an E_CONFIG error. */
function pyFormatInstruction(template: string, instruction: string): string {
  return template.replace(/\{\{|\}\}|\{[^{}]*\}|[{}]/g, (m) => {
    if (m === "{{") return "{";
    if (m === "}}") return "}";
    if (m === "{instruction}") return instruction;
    throw new EmbevalError("E_CONFIG", `instruction template has an unsupported field ${m}`, {
      hint: "only {instruction} is substituted; write {{ and }} for literal braces",
    });
  });
}

/** A task's own prompt (`task_metadata.prompt`): a string, or one per prompt type. */
export type TaskPrompt = string | Readonly<Partial<Record<"query" | "document", string>>>;

/** Inputs of `resolveInstruction`. */
export interface InstructionOptions {
  /** `task_metadata.prompt`, if the task has one. */
  taskPrompt?: TaskPrompt;
  /** The model's `prompts_dict` overrides. */
  prompts?: PromptMap;
  /** The abstract class default used when nothing else is set; defaults to `DEFAULT_INSTRUCTIONS[taskType]`. */
  defaultInstruction?: string;
  /** `instruction_template`: a string holding "{instruction}" (applied only to a non-empty instruction) or a function (always called). */
  template?: string | ((instruction: string, promptType: "query" | "document" | undefined) => string);
}

/**
 * mteb `get_task_instruction` (spec §2.3): start from the task prompt, override with `prompts[taskName]`,
 * `prompts[taskType]`, `prompts[promptType]` (first found); a per-role dict yields its role entry or "" when missing;
 * an empty result falls back to the class default; then the template is applied.
 */
export function resolveInstruction(ctx: EncodeContext, opts: InstructionOptions = {}): string {
  const pt = promptTypeOf(ctx.role);
  let prompt: TaskPrompt | undefined = opts.taskPrompt;
  const p = opts.prompts;
  if (p) {
    if (ctx.taskName && has(p, ctx.taskName)) prompt = p[ctx.taskName];
    else if (ctx.taskType && has(p, ctx.taskType)) prompt = p[ctx.taskType];
    else if (pt && has(p, pt)) prompt = p[pt];
  }
  let instruction: string;
  if (typeof prompt === "object" && prompt !== null && pt) {
    instruction = prompt[pt] || "";
  } else if (typeof prompt === "string" && prompt) {
    instruction = prompt;
  } else {
    instruction = opts.defaultInstruction ?? (ctx.taskType ? (DEFAULT_INSTRUCTIONS[ctx.taskType] ?? "") : "");
  }
  const t = opts.template;
  if (typeof t === "function") return t(instruction, pt);
  if (typeof t === "string" && instruction.length > 0) {
    if (!t.includes("{instruction}")) {
      throw new EmbevalError("E_CONFIG", "instruction template must contain {instruction}", {
        hint: 'e.g. "Instruct: {instruction}\\nQuery: "',
      });
    }
    return pyFormatInstruction(t, instruction);
  }
  return instruction;
}
