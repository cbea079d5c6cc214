import { getHeapStatistics } from 'node:v8';

/** A file that needs more time or memory than a file may take: reported as a parse-error, the run goes on. */
export class TooComplexError extends Error {}

export interface FileLimits {
  /** Wall-clock seconds the steps of one file may take. */
  seconds: number;
  /** Heap growth (MB) one file's steps may cause. */
  heapMB: number;
}

export const DEFAULT_FILE_LIMITS: FileLimits = { seconds: 30, heapMB: 1024 };

/**
 * A per-file watchdog: the run's steps call check() between units of work
 * (each rule, each object, each phase of a file), and a file past its time
 * or heap allowance stops with a TooComplexError. Every algorithm a file's
 * content steers is meant to be linear; the watchdog bounds what is left
 * (large but legitimate inputs, and anything missed).
 */
export class FileWatchdog {
  private deadline = Infinity;
  private heapLimit = Infinity;
  private calls = 0;

  constructor(private readonly limits: FileLimits = DEFAULT_FILE_LIMITS) {}

  /** Starts the allowance of a new file. */
  start(): void {
    this.deadline = Date.now() + this.limits.seconds * 1000;
    this.heapLimit = getHeapStatistics().used_heap_size + this.limits.heapMB * 2 ** 20;
    this.calls = 0;
  }

  /** Throws a TooComplexError once the file is past its allowance; `forceHeap` reads the heap now. */
  check(forceHeap = false): void {
    if (Date.now() > this.deadline) {
      throw new TooComplexError(`took more than ${this.limits.seconds} s`);
    }
    // Reading heap statistics costs more than the clock: every 16th call.
    if ((forceHeap || (++this.calls & 15) === 0) && getHeapStatistics().used_heap_size > this.heapLimit) {
      throw new TooComplexError(`needed more than ${this.limits.heapMB} MB of memory`);
    }
  }
}
