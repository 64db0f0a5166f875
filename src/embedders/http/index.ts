/** The HTTP embedders (OpenAI-compatible `/v1/embeddings`, Hugging Face TEI `/embed`) and their shared options. */

export { createOpenAiEmbedder, OPENAI_DEFAULT_DIMS, type OpenAiEmbedderOptions } from "./openai.js";
export type { Balance, HttpEmbedderOptions } from "./options.js";
export { createTeiEmbedder, type TeiEmbedderOptions } from "./tei.js";
