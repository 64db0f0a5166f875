/**
 * torch.topk(largest=True, sorted=True) on CPU with its order among exact ties — a typed-array port of
 * retrieval/torch-topk.ts (aten TopKImpl.h on libstdc++ std::partial_sort / nth_element / sort), comparisons inlined.
 */

function lg(n: number): number {
  return 31 - Math.clz32(n);
}

function swap(a: Int32Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

function pushHeap(
  a: Int32Array,
  first: number,
  hole: number,
  top: number,
  value: number,
  v: Float32Array,
): void {
  let parent = Math.floor((hole - 1) / 2);
  while (hole > top && v[a[first + parent]] > v[value]) {
    a[first + hole] = a[first + parent];
    hole = parent;
    parent = Math.floor((hole - 1) / 2);
  }
  a[first + hole] = value;
}

function adjustHeap(
  a: Int32Array,
  first: number,
  hole: number,
  len: number,
  value: number,
  v: Float32Array,
): void {
  const top = hole;
  let child = hole;
  while (child < Math.floor((len - 1) / 2)) {
    child = 2 * (child + 1);
    if (v[a[first + child]] > v[a[first + child - 1]]) child--;
    a[first + hole] = a[first + child];
    hole = child;
  }
  if ((len & 1) === 0 && child === Math.floor((len - 2) / 2)) {
    child = 2 * (child + 1);
    a[first + hole] = a[first + child - 1];
    hole = child - 1;
  }
  pushHeap(a, first, hole, top, value, v);
}

function makeHeap(a: Int32Array, first: number, last: number, v: Float32Array): void {
  const len = last - first;
  if (len < 2) return;
  for (let parent = Math.floor((len - 2) / 2); ; parent--) {
    adjustHeap(a, first, parent, len, a[first + parent], v);
    if (parent === 0) return;
  }
}

function popHeap(a: Int32Array, first: number, last: number, result: number, v: Float32Array): void {
  const value = a[result];
  a[result] = a[first];
  adjustHeap(a, first, 0, last - first, value, v);
}

function heapSelect(a: Int32Array, first: number, middle: number, last: number, v: Float32Array): void {
  makeHeap(a, first, middle, v);
  for (let i = middle; i < last; i++) if (v[a[i]] > v[a[first]]) popHeap(a, first, middle, i, v);
}

function sortHeap(a: Int32Array, first: number, last: number, v: Float32Array): void {
  while (last - first > 1) {
    last--;
    popHeap(a, first, last, last, v);
  }
}

function partialSort(a: Int32Array, first: number, middle: number, last: number, v: Float32Array): void {
  heapSelect(a, first, middle, last, v);
  sortHeap(a, first, middle, v);
}

function moveMedianToFirst(
  a: Int32Array,
  result: number,
  x: number,
  y: number,
  z: number,
  v: Float32Array,
): void {
  if (v[a[x]] > v[a[y]]) {
    if (v[a[y]] > v[a[z]]) swap(a, result, y);
    else if (v[a[x]] > v[a[z]]) swap(a, result, z);
    else swap(a, result, x);
  } else if (v[a[x]] > v[a[z]]) swap(a, result, x);
  else if (v[a[y]] > v[a[z]]) swap(a, result, z);
  else swap(a, result, y);
}

function unguardedPartition(
  a: Int32Array,
  first: number,
  last: number,
  pivot: number,
  v: Float32Array,
): number {
  for (;;) {
    while (v[a[first]] > v[a[pivot]]) first++;
    last--;
    while (v[a[pivot]] > v[a[last]]) last--;
    if (!(first < last)) return first;
    swap(a, first, last);
    first++;
  }
}

function unguardedPartitionPivot(a: Int32Array, first: number, last: number, v: Float32Array): number {
  const mid = first + Math.floor((last - first) / 2);
  moveMedianToFirst(a, first, first + 1, mid, last - 1, v);
  return unguardedPartition(a, first + 1, last, first, v);
}

function unguardedLinearInsert(a: Int32Array, last: number, v: Float32Array): void {
  const val = a[last];
  let next = last - 1;
  while (v[val] > v[a[next]]) {
    a[last] = a[next];
    last = next;
    next--;
  }
  a[last] = val;
}

function insertionSort(a: Int32Array, first: number, last: number, v: Float32Array): void {
  if (first === last) return;
  for (let i = first + 1; i !== last; i++) {
    if (v[a[i]] > v[a[first]]) {
      const val = a[i];
      for (let j = i; j > first; j--) a[j] = a[j - 1];
      a[first] = val;
    } else unguardedLinearInsert(a, i, v);
  }
}

const THRESHOLD = 16;

function introsortLoop(a: Int32Array, first: number, last: number, depth: number, v: Float32Array): void {
  while (last - first > THRESHOLD) {
    if (depth === 0) {
      partialSort(a, first, last, last, v);
      return;
    }
    depth--;
    const cut = unguardedPartitionPivot(a, first, last, v);
    introsortLoop(a, cut, last, depth, v);
    last = cut;
  }
}

function stdSort(a: Int32Array, first: number, last: number, v: Float32Array): void {
  if (first === last) return;
  introsortLoop(a, first, last, lg(last - first) * 2, v);
  if (last - first > THRESHOLD) {
    insertionSort(a, first, first + THRESHOLD, v);
    for (let i = first + THRESHOLD; i !== last; i++) unguardedLinearInsert(a, i, v);
  } else insertionSort(a, first, last, v);
}

function nthElement(a: Int32Array, first: number, nth: number, last: number, v: Float32Array): void {
  if (first === last || nth === last) return;
  let depth = lg(last - first) * 2;
  while (last - first > 3) {
    if (depth === 0) {
      heapSelect(a, first, nth + 1, last, v);
      swap(a, first, nth);
      return;
    }
    depth--;
    const cut = unguardedPartitionPivot(a, first, last, v);
    if (cut <= nth) first = cut;
    else last = cut;
  }
  insertionSort(a, first, last, v);
}

/**
 * `torchTopkIndices` (retrieval/torch-topk.ts) on typed arrays without a comparator closure: the same libstdc++
 * algorithms step for step, so the same order among exact ties; several times faster on 50,000-long rows.
 */
export function torchTopkIndicesFast(values: Float32Array, k: number): number[] {
  const n = values.length;
  if (k <= 0) return [];
  const q = new Int32Array(n);
  for (let i = 0; i < n; i++) q[i] = i;
  if (k * 64 <= n) partialSort(q, 0, k, n, values);
  else {
    nthElement(q, 0, k - 1, n, values);
    stdSort(q, 0, k, values);
  }
  return Array.from(q.subarray(0, k));
}
