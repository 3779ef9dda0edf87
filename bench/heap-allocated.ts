/**
 * Bytes the JS heap allocated while a run went on, garbage included. Not what a run keeps: what
 * it costs the collector. Each lane's isolate allocates and collects on its own, but the two
 * share this machine's memory bandwidth and V8's helper threads, so bytes per checked call are
 * what stop two lanes from doubling one (a plain allocation loop scales 1.6-1.7 on two threads).
 *
 * Read from the GC profiler: the heap's growth from the end of one collection to the start of
 * the next, summed over the run, then the growth since the last. Objects born and collected
 * between two reads are all counted, since a collection only happens at a read.
 */
import { GCProfiler, getHeapStatistics } from 'node:v8';

/** What `GCProfiler.stop()` answers: @types/node spells the fields in snake case, Node in camel case. */
interface Collections {
  readonly statistics: readonly {
    readonly beforeGC: { readonly heapStatistics: { readonly usedHeapSize: number } };
    readonly afterGC: { readonly heapStatistics: { readonly usedHeapSize: number } };
  }[];
}

export async function allocatedDuring<T>(run: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const profiler = new GCProfiler();
  const start = getHeapStatistics().used_heap_size;
  profiler.start();
  let result: T;
  try {
    result = await run();
  } catch (err) {
    profiler.stop();
    throw err;
  }
  const { statistics } = profiler.stop() as unknown as Collections;
  const end = getHeapStatistics().used_heap_size;
  let bytes = 0;
  let since = start;
  for (const gc of statistics) {
    bytes += gc.beforeGC.heapStatistics.usedHeapSize - since;
    since = gc.afterGC.heapStatistics.usedHeapSize;
  }
  return { result, bytes: bytes + end - since };
}
