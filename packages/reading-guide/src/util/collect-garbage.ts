import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. Node runs one only when its heap fills, and
 * keeps the memory its heap grew to: after a phase that made a great deal of
 * short-lived data, collecting at once lets the phases after it reuse that
 * memory instead of growing the process further. (`gc` is exposed on demand,
 * as `node --expose-gc` would.)
 */
export function collectGarbage(): void {
  if (!collect) {
    v8.setFlagsFromString('--expose-gc');
    collect = vm.runInNewContext('gc') as () => void;
  }
  collect();
}

/**
 * For a long run of work that makes much short-lived data (rendering every
 * body of a guide): a function to call after each piece of it, which
 * collects garbage whenever the heap has grown by `allowance` bytes since the
 * last collection (looking every 64 calls). Node would let the heap grow to
 * about twice what is live before collecting, and a process keeps the memory
 * its heap grew to; this keeps the heap near what is live plus `allowance`,
 * at the cost of a collection each time that much garbage is made.
 */
export function heapCeiling(allowance = 256 * 2 ** 20): () => void {
  let floor = v8.getHeapStatistics().used_heap_size;
  let calls = 0;
  return () => {
    // Reading the heap's size costs little, but not nothing.
    if (++calls % 64 !== 0 || v8.getHeapStatistics().used_heap_size - floor < allowance) return;
    collectGarbage();
    floor = v8.getHeapStatistics().used_heap_size;
  };
}
