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
