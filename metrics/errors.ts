/** The one error class of embeval: stable codes, a hint of what to do, the cause chained. */

/** Every stable error code embeval can raise. Codes never change meaning once released. */
export type ErrorCode =
  | "E_INVALID_ARGUMENT"
  | "E_SHAPE_MISMATCH"
  | "E_EMPTY_INPUT"
  | "E_NOT_FINITE"
  | "E_UNSUPPORTED"
  | "E_TASK_NOT_FOUND"
  | "E_DATASET_MISSING"
  | "E_EMBEDDING_DIM"
  | "E_PARSE"
  | "E_IO"
  | "E_CONFIG"
  | "E_ABORTED"
  | "E_HTTP"
  | "E_MODEL"
  | "E_RESOURCES";

/** Options carried alongside the code and message. */
export interface EmbevalErrorOptions {
  /** What the user can do about it, printed under the message. */
  hint?: string;
  /** The underlying error, if any. */
  cause?: unknown;
}

/** The single error class: `code` is stable and machine-readable, `hint` says what to do. */
export class EmbevalError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;

  constructor(code: ErrorCode, message: string, options: EmbevalErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "EmbevalError";
    this.code = code;
    this.hint = options.hint;
  }

  /** One-line rendering for CLIs: `E_CODE: message (hint)`. */
  format(): string {
    return this.hint
      ? `${this.code}: ${this.message}\n  hint: ${this.hint}`
      : `${this.code}: ${this.message}`;
  }
}

/** True if `e` is an EmbevalError, optionally with the given code. */
export function isEmbevalError(e: unknown, code?: ErrorCode): e is EmbevalError {
  return e instanceof EmbevalError && (code === undefined || e.code === code);
}
