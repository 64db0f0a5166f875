/** CPython `heapq` on (score, doc id) tuples — heappush / heappushpop with Python's tuple order (Lib/heapq.py). */
import { compareCodePoints } from "../ranking.js";

/** A heap entry: Python tuple `(float(score), corpus_id)`. */
export type HeapItem = readonly [score: number, id: string];

/** Python tuple `<` on (float, str): score first, then the id by code point. */
export function heapLess(a: HeapItem, b: HeapItem): boolean {
  if (a[0] !== b[0]) return a[0] < b[0];
  return compareCodePoints(a[1], b[1]) < 0;
}

/** `heapq._siftdown(heap, startpos, pos)`. */
function siftDown(heap: HeapItem[], startPos: number, pos: number): void {
  const item = heap[pos];
  while (pos > startPos) {
    const parentPos = (pos - 1) >> 1;
    const parent = heap[parentPos];
    if (!heapLess(item, parent)) break;
    heap[pos] = parent;
    pos = parentPos;
  }
  heap[pos] = item;
}

/** `heapq._siftup(heap, pos)`: move the smaller child up until a leaf, then sift down. */
function siftUp(heap: HeapItem[], pos: number): void {
  const endPos = heap.length;
  const startPos = pos;
  const item = heap[pos];
  let childPos = 2 * pos + 1;
  while (childPos < endPos) {
    const rightPos = childPos + 1;
    if (rightPos < endPos && !heapLess(heap[childPos], heap[rightPos])) childPos = rightPos;
    heap[pos] = heap[childPos];
    pos = childPos;
    childPos = 2 * pos + 1;
  }
  heap[pos] = item;
  siftDown(heap, startPos, pos);
}

/** `heapq.heappush`. Mutates `heap` (a caller-owned local array). */
export function heappush(heap: HeapItem[], item: HeapItem): void {
  heap.push(item);
  siftDown(heap, 0, heap.length - 1);
}

/** `heapq.heappushpop`: push then pop the smallest, faster than both. Mutates `heap`. */
export function heappushpop(heap: HeapItem[], item: HeapItem): HeapItem {
  if (heap.length > 0 && heapLess(heap[0], item)) {
    const top = heap[0];
    heap[0] = item;
    siftUp(heap, 0);
    return top;
  }
  return item;
}
