/**
 * Nodes that may start, in priority order: `first(a, b)` says whether input index `a` goes
 * before `b` (default: the smaller index). A binary heap keeps scheduling deterministic without
 * re-sorting on every insertion.
 */
export class ReadyQueue {
  private readonly heap: number[] = [];

  constructor(private readonly first: (a: number, b: number) => boolean = (a, b) => a < b) {}

  get size(): number {
    return this.heap.length;
  }

  push(index: number): void {
    const heap = this.heap;
    heap.push(index);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.first(index, heap[parent] as number)) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = index;
  }

  /** Removes and returns the first index; undefined when empty. */
  pop(): number | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) break;
      const right = left + 1;
      const child = right < heap.length && this.first(heap[right] as number, heap[left] as number) ? right : left;
      if (!this.first(heap[child] as number, last)) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}
