/** Iteration order of `list(set(ints))` in CPython 3.11 (Objects/setobject.c: set_add_entry, set_table_resize, set_insert_clean), used for mteb's encode order of unique training rows. */
import { EmbevalError } from "../errors.js";

const MINSIZE = 8;
const LINEAR_PROBES = 9;
const PERTURB_SHIFT = 5;

/** Insert into a table known to lack the key (set_insert_clean / the empty-slot path of set_add_entry). */
function probe(table: Float64Array, mask: number, hash: number, key: number): number {
  let perturb = hash;
  let i = hash & mask;
  for (;;) {
    if (Number.isNaN(table[i])) return i;
    if (table[i] === key) return -1;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (Number.isNaN(table[i + j])) return i + j;
        if (table[i + j] === key) return -1;
      }
    }
    perturb = Math.floor(perturb / 2 ** PERTURB_SHIFT);
    i = (i * 5 + 1 + perturb) % (mask + 1);
  }
}

/**
 * `list(set(values))` for non-negative ints below 2^31, added one by one as `set(iterable)` does: the table starts at
 * 8 slots and grows to the smallest power of two above 4·used (2·used past 50 000) when fill·5 >= mask·3.
 */
export function pythonIntSetOrder(values: readonly number[]): number[] {
  let mask = MINSIZE - 1;
  let table = new Float64Array(MINSIZE).fill(Number.NaN);
  let used = 0;
  for (const v of values) {
    if (!Number.isInteger(v) || v < 0 || v > 0x7fffffff) {
      throw new EmbevalError("E_INVALID_ARGUMENT", `pythonIntSetOrder handles ints in [0, 2^31), got ${v}`);
    }
    const slot = probe(table, mask, v, v);
    if (slot < 0) continue;
    table[slot] = v;
    used++;
    if (used * 5 < mask * 3) continue;
    const minused = used > 50000 ? used * 2 : used * 4;
    let size = MINSIZE;
    while (size <= minused) size *= 2;
    const old = table;
    mask = size - 1;
    table = new Float64Array(size).fill(Number.NaN);
    for (const key of old) if (!Number.isNaN(key)) table[probe(table, mask, key, key)] = key;
  }
  return Array.from(table).filter((x) => !Number.isNaN(x));
}
