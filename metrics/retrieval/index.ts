/** Retrieval metrics of mteb (trec_eval measures, MRR, nAUC, score dict, reranking from embeddings). */
export {
  type EvaluateRetrievalOptions,
  evaluateRetrieval,
  postprocessRun,
  type RetrievalEvaluation,
} from "./evaluate.js";
export { mrrQuery } from "./mrr.js";
export {
  ABSTENTION_RATES,
  abstentionCurve,
  CONFIDENCE_FUNCTIONS,
  type ConfidenceFn,
  confidenceScores,
  evaluateAbstention,
  nauc,
} from "./nauc.js";
export { queriesToSearch, type RerankInput, type RerankResult, rerankFromEmbeddings } from "./rerank.js";
export {
  type FamilyMeans,
  makeScoreDict,
  type PySumMode,
  pyMean,
  roundedMean,
  type ScoreDictInput,
} from "./score-dict.js";
export { torchTopkIndices } from "./torch-topk.js";
export { checkKValues, type TrecQueryResult, trecEvalQuery } from "./trec-eval.js";
export { qrelsFromTriples, runFromTriples, type Triple } from "./triples.js";
export type {
  Qrels,
  QueryMetrics,
  RetrievalScoreDict,
  RetrievalScoreKey,
  Run,
  TrecFamily,
  TrecMeasureName,
} from "./types.js";
