/** model_meta.json as mteb's ModelMeta serializes it (the keys mteb's result loader and leaderboard read). */
import type { EmbedderInfo } from "../embedders/types.js";
import type { PyJson } from "../results/python-json.js";

/** A ModelMeta dict for an embeval run; `experimentKwargs` records truncation / quantization. */
export function modelMeta(
  info: EmbedderInfo,
  experimentKwargs?: Record<string, PyJson>,
): Record<string, PyJson> {
  return {
    name: info.id,
    revision: info.revision,
    release_date: null,
    languages: null,
    n_parameters: null,
    memory_usage_mb: null,
    max_tokens: info.maxTokens ?? null,
    embed_dim: info.dim,
    license: null,
    open_weights: null,
    public_training_code: null,
    public_training_data: null,
    framework: ["embeval"],
    reference: null,
    similarity_fn_name: info.similarity,
    use_instructions: null,
    training_datasets: null,
    adapted_from: null,
    superseded_by: null,
    modalities: ["text"],
    loader: null,
    experiment_kwargs: experimentKwargs ?? null,
  };
}
