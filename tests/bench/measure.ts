/**
 * Runs a build as a child process and measures it: wall-clock time and the
 * peak memory of the whole process tree (Astro's Node process and whatever
 * it starts, such as Pagefind's indexer), sampled from /proc. Where /proc is
 * missing, memory is reported as unknown rather than guessed.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

export interface Measurement {
  ms: number;
  /** Peak resident memory of the process tree, in bytes; undefined where it cannot be read. */
  peakBytes: number | undefined;
  /** What the build printed, for the report when it fails. */
  output: string;
  status: number | null;
}

const canSample = existsSync('/proc/self/statm');
const pageSize = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
})();

/** The resident memory of `root` and all its descendants, in bytes. */
function treeResidentBytes(root: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command name is in parentheses and may hold spaces: fields start after the last ')'.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const siblings = children.get(parent) ?? [];
      siblings.push(Number(name));
      children.set(parent, siblings);
    } catch {
      // The process ended while the table was read.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageSize;
    } catch {
      continue;
    }
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function measure(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; sampleMs?: number }): Promise<Measurement> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let peak = 0;
    const sample = () => {
      if (canSample && child.pid !== undefined) peak = Math.max(peak, treeResidentBytes(child.pid));
    };
    const timer = setInterval(sample, options.sampleMs ?? 100);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakBytes: canSample ? peak : undefined, output, status });
    });
  });
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
