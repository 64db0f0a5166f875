/** The harness version recorded in results provenance, read from package.json. */
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** embeval's package version. */
export const EMBEVAL_VERSION: string = pkg.version;
