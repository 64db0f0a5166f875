/** Public surface of the Hugging Face Hub client and cache (layout shared with Python huggingface_hub). */
export { fetchFileMetadata, fetchRepoFiles, type RepoFiles, repoInfoUrl, resolveUrl } from "./api.js";
export { createHubClient, type HubClient, type HubClientOptions } from "./client.js";
export { type EnvMap, type HubEnv, hubEnvFrom } from "./env.js";
export { DEFAULT_RETRY, type RetryEvent, type RetryOptions } from "./http.js";
export { normalizeEtag, type RepoLayout, repoFolderName, repoLayout, symlinkTarget } from "./layout.js";
export { type ProgressReporter, type ProgressTask, silentProgress, ttyProgress } from "./progress.js";
export { describeRepo, type HubRepo, type HubRepoType, isCommitHash, pyQuote } from "./repo.js";
