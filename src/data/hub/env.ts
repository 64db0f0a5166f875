/** Hub cache directories and settings from the environment; reproduces huggingface_hub constants.py (HF_HOME, HF_HUB_CACHE, HF_ENDPOINT, HF_HUB_OFFLINE, HF_TOKEN). */
import { homedir } from "node:os";
import { join, resolve } from "node:path";

/** Environment variables as a plain map (process.env fits). */
export type EnvMap = Readonly<Record<string, string | undefined>>;

/** Everything the Hub client reads from the environment. */
export interface HubEnv {
  /** HF_HOME, default `$XDG_CACHE_HOME/huggingface` or `~/.cache/huggingface`. */
  hfHome: string;
  /** HF_HUB_CACHE (or legacy HUGGINGFACE_HUB_CACHE), default `$HF_HOME/hub`. */
  hubCache: string;
  /** HF_ENDPOINT without a trailing slash, default https://huggingface.co. */
  endpoint: string;
  /** HF_HUB_OFFLINE (or TRANSFORMERS_OFFLINE) set to 1/ON/YES/TRUE. */
  offline: boolean;
  /** HF_TOKEN (or legacy HUGGING_FACE_HUB_TOKEN); the token file is read by the client, not here. */
  token: string | undefined;
  /** HF_TOKEN_PATH, default `$HF_HOME/token`. */
  tokenPath: string;
  /** HF_HUB_DISABLE_PROGRESS_BARS is true. */
  disableProgress: boolean;
}

/** huggingface_hub ENV_VARS_TRUE_VALUES. */
const TRUE_VALUES = new Set(["1", "ON", "YES", "TRUE"]);

/** huggingface_hub `_is_true`: one of 1/ON/YES/TRUE, case-insensitive. */
export function envTrue(value: string | undefined): boolean {
  return value !== undefined && TRUE_VALUES.has(value.toUpperCase());
}

/** Python os.path.expanduser + os.path.expandvars (unknown variables are left as written). */
export function expandPath(p: string, env: EnvMap, home: string): string {
  let out = p;
  if (out === "~" || out.startsWith("~/")) out = home + out.slice(1);
  return out.replace(/\$(\w+)|\$\{([^}]+)\}/g, (m, a: string | undefined, b: string | undefined) => {
    const v = env[(a ?? b) as string];
    return v === undefined ? m : v;
  });
}

/** Non-empty value or undefined (Python treats an empty HF_TOKEN as unset). */
function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

/** Read the Hub settings from `env` (default process.env); relative paths resolve against the cwd. */
export function hubEnvFrom(env: EnvMap = process.env, home: string = env.HOME || homedir()): HubEnv {
  const xdg = nonEmpty(env.XDG_CACHE_HOME) ?? join(home, ".cache");
  const hfHome = resolve(expandPath(nonEmpty(env.HF_HOME) ?? join(xdg, "huggingface"), env, home));
  const cacheRaw = nonEmpty(env.HF_HUB_CACHE) ?? nonEmpty(env.HUGGINGFACE_HUB_CACHE) ?? join(hfHome, "hub");
  const hubCache = resolve(expandPath(cacheRaw, env, home));
  const endpoint = (nonEmpty(env.HF_ENDPOINT) ?? "https://huggingface.co").replace(/\/+$/, "");
  return {
    hfHome,
    hubCache,
    endpoint,
    offline: envTrue(nonEmpty(env.HF_HUB_OFFLINE) ?? env.TRANSFORMERS_OFFLINE),
    token: nonEmpty(env.HF_TOKEN) ?? nonEmpty(env.HUGGING_FACE_HUB_TOKEN),
    tokenPath: resolve(expandPath(nonEmpty(env.HF_TOKEN_PATH) ?? join(hfHome, "token"), env, home)),
    disableProgress: envTrue(env.HF_HUB_DISABLE_PROGRESS_BARS),
  };
}
