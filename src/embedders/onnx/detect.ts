/**
 * Reads a local ONNX model folder as sentence-transformers 5.x (modules.json, 1_Pooling/config.json,
 * sentence_bert_config.json, config_sentence_transformers.json) or an Optimum export (model.onnx, config.json) would.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SimilarityFn } from "../../../metrics/similarity.js";
import { EmbevalError } from "../../errors.js";
import type { DetectedFolder, OnnxLayout, PoolingMode } from "./types.js";

type JsonObject = Record<string, unknown>;

function readJson(dir: string, rel: string): JsonObject | undefined {
  const path = join(dir, rel);
  if (!existsSync(path)) return undefined;
  try {
    const v: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (v === null || typeof v !== "object") throw new Error("not a JSON object");
    return v as JsonObject;
  } catch (cause) {
    throw new EmbevalError("E_MODEL", `cannot read ${rel} in ${dir}`, {
      hint: "the model folder has a malformed JSON file; re-download or re-export it",
      cause,
    });
  }
}

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

function onnxFiles(dir: string, sub: string): string[] {
  const d = join(dir, sub);
  if (!existsSync(d)) return [];
  return readdirSync(d)
    .filter((f) => f.endsWith(".onnx"))
    .sort()
    .map((f) => (sub ? `${sub}/${f}` : f));
}

function pickModelFile(dir: string, layout: OnnxLayout, file: string | undefined): [string, string[]] {
  const all = [...onnxFiles(dir, "onnx"), ...onnxFiles(dir, "")];
  if (file !== undefined) {
    if (!existsSync(join(dir, file)))
      throw new EmbevalError("E_MODEL", `model file ${file} not found in ${dir}`, {
        hint: `available .onnx files: ${all.join(", ") || "none"}`,
      });
    return [file, all.filter((f) => f !== file)];
  }
  const preferred =
    layout === "sentence-transformers"
      ? ["onnx/model.onnx", "model.onnx"]
      : ["model.onnx", "onnx/model.onnx"];
  const chosen = preferred.find((f) => all.includes(f)) ?? (all.length === 1 ? all[0] : undefined);
  if (chosen === undefined)
    throw new EmbevalError(
      "E_MODEL",
      all.length === 0 ? `no .onnx model in ${dir}` : `several .onnx models in ${dir} and none is model.onnx`,
      {
        hint:
          all.length === 0
            ? "export the model to ONNX (sentence-transformers backend='onnx' or optimum-cli export onnx)"
            : `choose one with the file option: ${all.join(", ")}`,
      },
    );
  return [chosen, all.filter((f) => f !== chosen)];
}

const MODE_ORDER: [string, PoolingMode][] = [
  ["pooling_mode_cls_token", "cls"],
  ["pooling_mode_max_tokens", "max"],
  ["pooling_mode_mean_tokens", "mean"],
  ["pooling_mode_mean_sqrt_len_tokens", "mean_sqrt_len_tokens"],
  ["pooling_mode_weightedmean_tokens", "weightedmean"],
  ["pooling_mode_lasttoken", "lasttoken"],
];

/** sentence-transformers SimilarityFunction values (config_sentence_transformers.json similarity_fn_name). */
function similarityOf(name: unknown): SimilarityFn {
  if (name === undefined || name === null || name === "cosine") return "cosine";
  if (name === "dot" || name === "dot_product") return "dot";
  if (name === "euclidean" || name === "manhattan") return name;
  throw new EmbevalError("E_UNSUPPORTED", `similarity_fn_name ${String(name)} is not supported`, {
    hint: "embeval scores with cosine, dot, euclidean or manhattan; pass the similarity option to override",
  });
}

function modelMaxLength(dir: string): [number | undefined, string | undefined] {
  const cfg = readJson(dir, "config.json");
  const tokCfg = readJson(dir, "tokenizer_config.json");
  const positions = num(cfg?.max_position_embeddings);
  const tokMax = num(tokCfg?.model_max_length);
  const usable = tokMax !== undefined && tokMax < 1e9 ? tokMax : undefined;
  if (positions !== undefined && usable !== undefined)
    return [Math.min(positions, usable), "min(config.json max_position_embeddings, model_max_length)"];
  if (positions !== undefined) return [positions, "config.json max_position_embeddings"];
  if (usable !== undefined) return [usable, "tokenizer_config.json model_max_length"];
  const tok = readJson(dir, "tokenizer.json");
  const trunc = tok?.truncation as JsonObject | null | undefined;
  const t = num(trunc?.max_length);
  return t === undefined ? [undefined, undefined] : [t, "tokenizer.json truncation.max_length"];
}

/** Detect layout, files and settings of a model folder; throws E_MODEL for missing or malformed files. */
export function detectFolder(dirIn: string, file?: string): DetectedFolder {
  const dir = dirIn.startsWith("onnx:") ? dirIn.slice(5) : dirIn;
  if (!existsSync(dir))
    throw new EmbevalError("E_MODEL", `model folder ${dir} does not exist`, {
      hint: "pass the folder holding tokenizer.json and the .onnx file",
    });
  const modules = readJson(dir, "modules.json") as unknown as { type?: string; path?: string }[] | undefined;
  const sbert = readJson(dir, "sentence_bert_config.json");
  const stCfg = readJson(dir, "config_sentence_transformers.json");
  const layout: OnnxLayout = modules || sbert || stCfg ? "sentence-transformers" : "optimum";
  const [modelFile, otherModelFiles] = pickModelFile(dir, layout, file);
  if (!existsSync(join(dir, "tokenizer.json")))
    throw new EmbevalError("E_MODEL", `no tokenizer.json in ${dir}`, {
      hint: "save a fast tokenizer: AutoTokenizer.from_pretrained(name).save_pretrained(dir)",
    });

  let pooling: PoolingMode[] = ["mean"];
  let poolingSource: DetectedFolder["poolingSource"] = "default";
  let includePrompt = true;
  let normalize = false;
  const unsupportedModules: string[] = [];
  const moduleList = Array.isArray(modules) ? modules : [];
  for (const m of moduleList) {
    const type = m.type ?? "";
    if (type.endsWith(".Transformer")) continue;
    if (type.endsWith(".Normalize")) normalize = true;
    else if (type.endsWith(".Pooling")) {
      const rel = `${m.path || "1_Pooling"}/config.json`;
      const p = readJson(dir, rel);
      if (p) {
        const modes = MODE_ORDER.filter(([k]) => p[k] === true).map(([, m]) => m);
        if (modes.length > 0) {
          pooling = modes;
          poolingSource = "1_Pooling/config.json";
        }
        if (p.include_prompt === false) includePrompt = false;
      }
    } else unsupportedModules.push(type);
  }

  let maxTokens = num(sbert?.max_seq_length);
  let maxTokensSource = maxTokens === undefined ? undefined : "sentence_bert_config.json max_seq_length";
  if (maxTokens === undefined) [maxTokens, maxTokensSource] = modelMaxLength(dir);

  const tokCfg = readJson(dir, "tokenizer_config.json");
  const promptsRaw = (stCfg?.prompts ?? {}) as Record<string, unknown>;
  const prompts: Record<string, string> = {};
  for (const [k, v] of Object.entries(promptsRaw)) if (typeof v === "string") prompts[k] = v;
  const lora = readJson(dir, "config.json")?.lora_adaptations;

  const configFiles = [
    "tokenizer.json",
    "tokenizer_config.json",
    "config.json",
    "modules.json",
    "sentence_bert_config.json",
    "config_sentence_transformers.json",
    ...moduleList
      .filter((m) => m.type?.endsWith(".Pooling"))
      .map((m) => `${m.path || "1_Pooling"}/config.json`),
  ].filter((f) => existsSync(join(dir, f)));
  const modelDir = modelFile.includes("/") ? modelFile.slice(0, modelFile.lastIndexOf("/")) : "";
  const base = modelFile.slice(modelFile.lastIndexOf("/") + 1);
  const external = readdirSync(join(dir, modelDir))
    .filter((f) => f !== base && f.startsWith(base) && /(_data|\.data)$/.test(f))
    .map((f) => (modelDir ? `${modelDir}/${f}` : f));

  return {
    dir,
    layout,
    modelFile,
    otherModelFiles,
    tokenizerFile: "tokenizer.json",
    pooling,
    poolingSource,
    includePrompt,
    normalize,
    maxTokens,
    maxTokensSource,
    doLowerCase: sbert?.do_lower_case === true,
    truncationSide: str(tokCfg?.truncation_side) === "left" ? "left" : "right",
    prompts,
    defaultPromptName: str(stCfg?.default_prompt_name) ?? null,
    similarity: similarityOf(stCfg?.similarity_fn_name),
    adapterNames: Array.isArray(lora) ? lora.map(String) : undefined,
    unsupportedModules,
    files: [modelFile, ...external, ...configFiles].sort(),
  };
}
