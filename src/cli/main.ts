/** Process entry of the `embeval` command: runs the CLI, prints coded errors, sets a non-zero exit code. */
import { isEmbevalError } from "../errors.js";
import { runCli } from "./cli.js";

try {
  process.exitCode = await runCli(process.argv.slice(2));
} catch (e) {
  if (isEmbevalError(e)) {
    console.error(e.format());
    process.exitCode = 2;
  } else {
    throw e;
  }
}
