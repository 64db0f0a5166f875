/**
 * torch.topk(largest=True, sorted=True) on CPU including its order among exactly tied values: reproduces
 * aten/src/ATen/native/TopKImpl.h topk_impl_loop (non-deterministic mode: ties compare false) on top of GCC
 * libstdc++ bits/stl_algo.h / stl_heap.h std::partial_sort, std::nth_element (introselect) and std::sort
 * (introsort + final insertion sort), which is what the manylinux torch wheels are compiled with.
 */

/** Comparator over element ids (candidate positions): "x before y" = value x > value y; ties compare false. */
type Comp = (x: number, y: number) => boolean;

function lg(n: number): number {
  return 31 - Math.clz32(n);
}

function swap(a: number[], i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function pushHeap(a: number[], first: number, hole: number, top: number, value: number, comp: Comp): void {
  let parent = Math.floor((hole - 1) / 2);
  while (hole > top && comp(a[first + parent], value)) {
    a[first + hole] = a[first + parent];
    hole = parent;
    parent = Math.floor((hole - 1) / 2);
  }
  a[first + hole] = value;
}

function adjustHeap(a: number[], first: number, hole: number, len: number, value: number, comp: Comp): void {
  const top = hole;
  let child = hole;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (comp(a[first + child], a[first + child - 1])) child--;
    a[first + hole] = a[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    a[first + hole] = a[first + child - 1];
    hole = child - 1;
  }
  pushHeap(a, first, hole, top, value, comp);
}

function makeHeap(a: number[], first: number, last: number, comp: Comp): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2); ; parent--) {
    adjustHeap(a, first, parent, len, a[first + parent], comp);
    if (parent === 0) return;
  }
}

function popHeap(a: number[], first: number, last: number, result: number, comp: Comp): void {
  const value = a[result];
  a[result] = a[first];
  adjustHeap(a, first, 0, last - first, value, comp);
}

function heapSelect(a: number[], first: number, middle: number, last: number, comp: Comp): void {
  makeHeap(a, first, middle, comp);
  for (let i = middle; i < last; i++) if (comp(a[i], a[first])) popHeap(a, first, middle, i, comp);
}

function sortHeap(a: number[], first: number, last: number, comp: Comp): void {
  while (last - first > 1) {
    last--;
    popHeap(a, first, last, last, comp);
  }
}

function partialSort(a: number[], first: number, middle: number, last: number, comp: Comp): void {
  heapSelect(a, first, middle, last, comp);
  sortHeap(a, first, middle, comp);
}

function moveMedianToFirst(a: number[], result: number, x: number, y: number, z: number, comp: Comp): void {
  if (comp(a[x], a[y])) {
    if (comp(a[y], a[z])) swap(a, result, y);
    else if (comp(a[x], a[z])) swap(a, result, z);
    else swap(a, result, x);
  } else if (comp(a[x], a[z])) swap(a, result, x);
  else if (comp(a[y], a[z])) swap(a, result, z);
  else swap(a, result, y);
}

function unguardedPartition(a: number[], first: number, last: number, pivot: number, comp: Comp): number {
  for (;;) {
    while (comp(a[first], a[pivot])) first++;
    last--;
    while (comp(a[pivot], a[last])) last--;
    if (!(first < last)) return first;
    swap(a, first, last);
    first++;
  }
}

function unguardedPartitionPivot(a: number[], first: number, last: number, comp: Comp): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(a, first, first + 1, mid, last - 1, comp);
  return unguardedPartition(a, first + 1, last, first, comp);
}

function unguardedLinearInsert(a: number[], last: number, comp: Comp): void {
  const val = a[last];
  let next = last - 1;
  while (comp(val, a[next])) {
    a[last] = a[next];
    last = next;
    next--;
  }
  a[last] = val;
}

function insertionSort(a: number[], first: number, last: number, comp: Comp): void {
  if (first === last) return;
  for (let i = first + 1; i !== last; i++) {
    if (comp(a[i], a[first])) {
      const val = a[i];
      for (let j = i; j > first; j--) a[j] = a[j - 1];
      a[first] = val;
    } else unguardedLinearInsert(a, i, comp);
  }
}

const THRESHOLD = 16;

function introsortLoop(a: number[], first: number, last: number, depth: number, comp: Comp): void {
  while (last - first > THRESHOLD) {
    if (depth === 0) {
      partialSort(a, first, last, last, comp);
      return;
    }
    depth--;
    const cut = unguardedPartitionPivot(a, first, last, comp);
    introsortLoop(a, cut, last, depth, comp);
    last = cut;
  }
}

function stdSort(a: number[], first: number, last: number, comp: Comp): void {
  if (first === last) return;
  introsortLoop(a, first, last, lg(last - first) * 2, comp);
  if (last - first > THRESHOLD) {
    insertionSort(a, first, first + THRESHOLD, comp);
    for (let i = first + THRESHOLD; i !== last; i++) unguardedLinearInsert(a, i, comp);
  } else insertionSort(a, first, last, comp);
}

function nthElement(a: number[], first: number, nth: number, last: number, comp: Comp): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(a, first, nth + 1, last, comp);
      swap(a, first, nth);
      return;
    }
    depth--;
    const cut = unguardedPartitionPivot(a, first, last, comp);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(a, first, last, comp);
}

/**
 * Indices of `torch.topk(values, k, largest=True, sorted=True)` on CPU, in torch's output order (values
 * descending, exact ties in the order libstdc++'s algorithms leave them). NaN-free input expected.
 */
export function torchTopkIndices(values: ArrayLike<number>, k: number): number[] {
  const n = values.length;
  const q = Array.from({ length: n }, (_, i) => i);
  if (k <= 0) return [];
  const comp: Comp = (x, y) => values[x] > values[y];
  if (k * 64 <= n) partialSort(q, 0, k, n, comp);
  else {
    nthElement(q, 0, k - 1, n, comp);
    stdSort(q, 0, k, comp);
  }
  return q.slice(0, k);
}
