// A worker thread of a batch (see `computeChunks` in batch.ts): loads the rules, then computes
// the next chunk not taken until none is left, writing its rows into the shared columns and
// posting each chunk's outcome.
import { workerData } from 'node:worker_threads';
import { CHUNK_DONE, CHUNK_FAILED, chunkRunner, NEXT_CHUNK, type BatchWorkerData } from './batch.ts';
import type { TaxBenefitSystem } from './tax-benefit-system.ts';

const { job, systemModule, control, port } = workerData as BatchWorkerData;
const { getSystem } = (await import(systemModule)) as { getSystem: () => TaxBenefitSystem };
const run = chunkRunner(getSystem(), job);
for (
  let index = Atomics.add(control, NEXT_CHUNK, 1);
  index < job.ends.length;
  index = Atomics.add(control, NEXT_CHUNK, 1)
) {
  let state = CHUNK_DONE;
  try {
    port.postMessage({ index, outcome: run(index) });
  } catch {
    state = CHUNK_FAILED; // the main thread computes the chunk again, and throws its error
  }
  Atomics.store(control, 1 + index, state);
  Atomics.notify(control, 1 + index);
}
port.close();
