/**
 * Instruction-following models as mteb's InstructWrapper runs them (mteb/models/instruct_wrapper.py,
 * abs_encoder.py get_task_instruction; spec §2.3): the task instruction — the task's metadata prompt, overridden by the
 * model's prompts for the task name / task type / prompt type, else the task type's default — formatted with the
 * model's instruction template and prepended to each text; documents get none unless asked.
 */
import { type PromptMap, resolveInstruction } from "./prompts.js";
import type { Embedder, EncodeContext } from "./types.js";

/** How a model takes instructions. */
export interface InstructOptions {
  /** e.g. "Instruct: {instruction}\nQuery: " (only {instruction} is substituted). */
  template: string;
  /** The model's prompts_dict overrides (task name, task type or prompt type → instruction). */
  prompts?: PromptMap;
  /** mteb `apply_instruction_to_passages` (default false: documents are encoded without an instruction). */
  applyToDocuments?: boolean;
}

/** Wrap an embedder so every text gets its task instruction; the instruction is part of the cache key via promptFor. */
export function withInstructions(inner: Embedder, opts: InstructOptions): Embedder {
  const instructionFor = (ctx: EncodeContext): string | undefined => {
    if (ctx.role === "document" && !opts.applyToDocuments) return undefined;
    const text = resolveInstruction(ctx, {
      taskPrompt: ctx.taskPrompt,
      prompts: opts.prompts,
      template: opts.template,
    });
    return text === "" ? undefined : text;
  };
  return {
    ...inner,
    info: {
      ...inner.info,
      cacheKey: `${inner.info.cacheKey}|instruct:${opts.template}|docs:${opts.applyToDocuments === true}`,
    },
    promptFor: instructionFor,
    async embed(texts, ctx, signal) {
      const instruction = instructionFor(ctx);
      return inner.embed(instruction === undefined ? texts : texts.map((t) => instruction + t), ctx, signal);
    },
    close: () => inner.close(),
  };
}
