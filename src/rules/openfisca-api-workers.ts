// `/calculate` on worker threads. The engine is most of a request's CPU time: in a worker it runs
// beside the main thread's HTTP work (parsing, hooks, writing the answer), on another core. A
// situation is plain JSON: it goes to a worker by structured clone and comes back as the JSON text
// the route sends, byte for byte what the main thread would have written. The workers start with
// the first calculation; until one is ready (and where the machine has one core), the main thread
// computes, with the same function.
import os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { calculate, OpenfiscaApiError } from './openfisca-api-calculate.ts';
import type { TaxBenefitSystem } from './engine/tax-benefit-system.ts';
import { getSystem } from './system.ts';
import { tsxWorkerCode } from './engine/worker-bootstrap.ts';

/** The answer of `/calculate`: the filled situation as JSON, and the warnings (Guichet-Warnings). */
export type CalculateAnswer = { json: string; warnings: string[] };

type Outcome =
  | { json: string; warnings: string[] }
  | { apiError: { status: number; body: Record<string, unknown>; message: string } }
  | { crash: { message: string; stack?: string } };

/** `/calculate` in this thread; an `OpenfiscaApiError` is thrown as it is. */
export const calculateJson = (system: TaxBenefitSystem, situation: unknown): CalculateAnswer => {
  const { situation: filled, warnings } = calculate(system, situation);
  return { json: JSON.stringify(filled), warnings };
};

const WORKER_FLAG = 'guichetOpenfiscaCalculate';

// In a worker: answer each situation the pool posts, in order.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG]) {
  const system = getSystem();
  const port = parentPort!;
  port.on('message', ({ id, situation }: { id: number; situation: unknown }) => {
    let outcome: Outcome;
    try {
      outcome = calculateJson(system, situation);
    } catch (error) {
      outcome =
        error instanceof OpenfiscaApiError
          ? { apiError: { status: error.status, body: error.body, message: error.message } }
          : {
              crash: {
                message: error instanceof Error ? error.message : String(error),
                stack: (error as Error)?.stack,
              },
            };
    }
    port.postMessage({ id, ...outcome });
  });
  port.postMessage({ ready: true });
}

type Pending = { resolve: (answer: CalculateAnswer) => void; reject: (error: Error) => void };
type Slot = { worker: Worker; isReady: boolean; pending: Map<number, Pending> };

/** Workers for `/calculate`: one per core but one (the main thread keeps the HTTP work), at most
 *  four (each holds its own copy of the rules), none on a one-core machine. A worker that dies is
 *  replaced a second later, its calculations in flight failing (500); one that cannot start is
 *  not, and the main thread computes. */
export const createCalculatePool = (
  system: TaxBenefitSystem,
  { size = Math.min(4, os.availableParallelism() - 1) }: { size?: number } = {},
) => {
  const slots: Slot[] = [];
  let nextId = 0;
  let isClosed = false;
  let cannotStart = false;

  const failPending = (slot: Slot, cause: unknown) => {
    for (const { reject } of slot.pending.values())
      reject(new Error(`openfisca calculate worker stopped: ${cause instanceof Error ? cause.message : cause}`));
    slot.pending.clear();
  };

  const spawn = () => {
    const worker = new Worker(tsxWorkerCode(import.meta.url), { eval: true, workerData: { [WORKER_FLAG]: true } });
    worker.unref(); // never what keeps the process alive
    const slot: Slot = { worker, isReady: false, pending: new Map() };
    slots.push(slot);
    worker.on('message', (message: ({ ready: true } | Outcome) & { id?: number }) => {
      if ('ready' in message) {
        slot.isReady = true;
        return;
      }
      const pending = slot.pending.get(message.id!);
      if (!pending) return;
      slot.pending.delete(message.id!);
      if ('json' in message) pending.resolve({ json: message.json, warnings: message.warnings });
      else if ('apiError' in message) {
        const { status, body, message: text } = message.apiError;
        pending.reject(new OpenfiscaApiError(status, body, text));
      } else {
        const error = new Error(message.crash.message);
        if (message.crash.stack) error.stack = message.crash.stack;
        pending.reject(error);
      }
    });
    const onEnd = (cause: unknown) => {
      if (!slots.includes(slot)) return;
      slots.splice(slots.indexOf(slot), 1);
      failPending(slot, cause);
      if (!slot.isReady) cannotStart = true;
      else if (!isClosed) setTimeout(() => !isClosed && slots.length < size && spawn(), 1000).unref();
    };
    worker.on('error', onEnd);
    worker.on('exit', (code) => onEnd(`exit code ${code}`));
  };

  return {
    /** The filled situation, from the least busy ready worker, or from this thread. */
    calculate: (situation: unknown): CalculateAnswer | Promise<CalculateAnswer> => {
      if (!isClosed && !cannotStart && slots.length < size) spawn();
      let slot: Slot | undefined;
      for (const candidate of slots)
        if (candidate.isReady && (!slot || candidate.pending.size < slot.pending.size)) slot = candidate;
      if (!slot) return calculateJson(system, situation);
      const id = nextId++;
      const target = slot;
      return new Promise<CalculateAnswer>((resolve, reject) => {
        target.pending.set(id, { resolve, reject });
        target.worker.postMessage({ id, situation });
      });
    },
    /** Starts the workers and resolves once they are ready (tests). */
    ready: async () => {
      while (!isClosed && !cannotStart && slots.length < size) spawn();
      while (!cannotStart && slots.some((slot) => !slot.isReady))
        await new Promise((resolve) => setTimeout(resolve, 10));
    },
    size,
    close: async () => {
      isClosed = true;
      const closing = slots.splice(0);
      for (const slot of closing) failPending(slot, 'closed');
      await Promise.all(closing.map((slot) => slot.worker.terminate()));
    },
  };
};
