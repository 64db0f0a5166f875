/** Test helper: the EmbevalError code a call throws ("other" for any other error, undefined when it returns). */
import { isEmbevalError } from "../../metrics/errors.js";

export function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return isEmbevalError(e) ? e.code : "other";
  }
  return undefined;
}
