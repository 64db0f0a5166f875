/** What a runner asks of the embedding service: texts with a role; the service knows the task and model. */
import type { Matrix } from "../metrics/matrix.js";
import type { TaskPrompt, TaskType } from "./types.js";

/** mteb's `prompt_type`: "query" / "document", or None for symmetric tasks (STS, classification, clustering...). */
export type Role = "query" | "document" | "symmetric";

/** What mteb passes to `model.encode` besides the texts. */
export interface EncodeContext {
  role: Role;
  taskName?: string;
  taskType?: TaskType;
  /** The task's metadata prompt (mteb `task_metadata.prompt`), for instruction-following models. */
  taskPrompt?: TaskPrompt;
}

/** One encode call of a runner (mteb calls `encode` once per such request). */
export interface EncodeRequest {
  texts: readonly string[];
  role: Role;
  /** `hf_split` mteb passes (classification training rows are encoded with the train split's name). */
  split?: string;
}

/** The encode function runners receive; returns `texts.length × dim` float32 rows. */
export type Encode = (req: EncodeRequest) => Promise<Matrix>;

/** mteb's prompt type of an input column → role. */
export function roleOf(promptType: "query" | "document" | null): Role {
  return promptType ?? "symmetric";
}
