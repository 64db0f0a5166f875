/** Re-export of the one error class; it lives in metrics/ because every layer (metrics ← tasks ← src) raises it. */
export { EmbevalError, type EmbevalErrorOptions, type ErrorCode, isEmbevalError } from "../metrics/errors.js";
