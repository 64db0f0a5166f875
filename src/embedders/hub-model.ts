/**
 * `--model org/name[@revision]`: fetch what a local ONNX embedder needs from a Hub model repo into the shared
 * Hugging Face cache (configs, tokenizer files, pooling config, and ONE .onnx graph with its external data), then
 * open the snapshot folder. Only the files the embedder reads are downloaded, not every ONNX variant.
 */
import type { HubClient } from "../data/hub/client.js";
import { EmbevalError } from "../errors.js";

/** Repo files the ONNX embedder may read besides the graph. */
const CONFIG_FILES = [
  "config.json",
  "tokenizer.json",
  "tokenizer_config.json",
  "special_tokens_map.json",
  "modules.json",
  "sentence_bert_config.json",
  "config_sentence_transformers.json",
  "1_Pooling/config.json",
];

/** The graph to use: `file` when given, else onnx/model.onnx, else model.onnx, else the only .onnx file. */
export function chooseOnnxFile(files: readonly string[], repo: string, file?: string): string {
  if (file !== undefined) {
    if (!files.includes(file)) throw new EmbevalError("E_MODEL", `${repo} has no file ${file}`);
    return file;
  }
  for (const f of ["onnx/model.onnx", "model.onnx"]) if (files.includes(f)) return f;
  const onnx = files.filter((f) => f.endsWith(".onnx"));
  if (onnx.length === 1) return onnx[0];
  throw new EmbevalError("E_MODEL", `${repo} has ${onnx.length === 0 ? "no" : "several"} .onnx files`, {
    hint:
      onnx.length === 0
        ? "the repo has no ONNX export; export one or serve the model with TEI"
        : `choose one: ${onnx.join(", ")}`,
  });
}

/** Parse `org/name[@revision]`; undefined when the spec is not a Hub model id. */
export function parseHubModelSpec(spec: string): { id: string; revision: string } | undefined {
  const m = /^([\w.-]+\/[\w.-]+)(?:@([\w./-]+))?$/.exec(spec);
  return m ? { id: m[1], revision: m[2] ?? "main" } : undefined;
}

/** Download (or find in the cache) the files of a Hub model's ONNX export; returns the snapshot folder and commit. */
export async function fetchHubOnnxModel(
  client: HubClient,
  id: string,
  revision: string,
  file?: string,
): Promise<{ dir: string; file: string; commit: string }> {
  const repo = { type: "model" as const, id, revision };
  const files = await client.listFiles(repo);
  const graph = chooseOnnxFile(files, id, file);
  const wanted = [
    ...CONFIG_FILES.filter((f) => files.includes(f)),
    graph,
    ...files.filter((f) => f.startsWith(`${graph}_data`) || f === `${graph}.data`),
  ];
  if (!wanted.includes("tokenizer.json")) {
    throw new EmbevalError("E_MODEL", `${id}@${revision} has no tokenizer.json`, {
      hint: "embeval tokenizes with a Hugging Face tokenizer.json; use a repo that ships one",
    });
  }
  let graphPath = "";
  for (const f of wanted) {
    const local = await client.resolveFile(repo, f);
    if (f === graph) graphPath = local;
  }
  const commit = await client.resolveCommit(repo);
  return { dir: graphPath.slice(0, graphPath.length - graph.length - 1), file: graph, commit };
}
