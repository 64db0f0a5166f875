/** Bit-exact random-number generators: MT19937, CPython random.Random, numpy RandomState and default_rng (PCG64). */
export { defaultRng, Generator } from "./generator.js";
export { MT19937 } from "./mt19937.js";
export { PCG64 } from "./pcg64.js";
export { PythonRandom } from "./python-random.js";
export { RandomState } from "./random-state.js";
export { SeedSequence, uint32Words } from "./seed-sequence.js";
