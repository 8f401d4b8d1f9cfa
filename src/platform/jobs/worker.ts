import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { loadConfig, type Config } from '../config.ts';
import type { Db } from '../db/index.ts';
import type { Logger } from '../logger.ts';
import type { Job } from './job.ts';
import { claimJobs, completeJob, extendLeases, failJob, reclaimExpiredLeases, releaseJobs } from './queue.ts';
import { installedJobRegistry, type JobRegistry } from './registry.ts';
import { onJobsEnqueued } from './wake.ts';

export type WorkerOptions = {
  db: Db;
  logger: Logger;
  /** Given to every handler; read from the environment by default. */
  config?: Config;
  /** The handlers it runs; the installed registry by default. */
  registry?: JobRegistry;
  /** Jobs run at the same time by this worker (WORKER_CONCURRENCY). */
  concurrency?: number;
  /** How often it looks for due jobs when nothing woke it. */
  pollIntervalMs?: number;
  /** How long a claimed job stays this worker's without a heartbeat; renewed while it runs. */
  leaseMs?: number;
  /** How long `stop()` waits for running jobs before handing them back to the queue. */
  graceMs?: number;
  /** Delay before the next try after failed attempt number `attempt`. */
  retryDelay?: (attempt: number) => number;
  /** Written in `locked_by`; host, pid and a random part by default. */
  workerId?: string;
};

export type Worker = {
  readonly id: string;
  /** Starts polling; returns at once. */
  start: () => void;
  /**
   * Stops claiming, waits for running jobs up to the grace period, then aborts their signal and
   * releases them to be run again later. Call it before closing the database.
   */
  stop: (options?: { graceMs?: number }) => Promise<void>;
  /** Looks for due jobs now. */
  wake: () => void;
};

const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/** 2^attempt seconds (2 s, 4 s, 8 s…) within ±25 % so that failed jobs do not retry in a herd, at most one hour. */
export const retryDelayMs = (attempt: number, random: () => number = Math.random) =>
  Math.round(Math.min(2 ** attempt * 1000, MAX_RETRY_DELAY_MS) * (0.75 + random() * 0.5));

// After an in-process enqueue, a claim on a server may run before the enqueuing transaction
// commits and miss the job: look again shortly a few times before going back to polling.
const FOLLOW_UP_DELAYS_MS = [10, 50, 250];

const OUTCOME_RETRY_DELAYS_MS = [100, 500, 2000, 5000];

const describeError = (error: unknown) =>
  (error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)).slice(0, 10_000);

const unknownType = (type: string) =>
  `Type de travail inconnu « ${type} » : aucun module ne le déclare. (Unknown job type "${type}": no module declares it.)`;

export const createWorker = ({
  db,
  logger: parentLogger,
  config = loadConfig(),
  registry = installedJobRegistry(),
  concurrency = 2,
  pollIntervalMs = 1000,
  leaseMs = 5 * 60 * 1000,
  graceMs: defaultGraceMs = 10_000,
  retryDelay = retryDelayMs,
  workerId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
}: WorkerOptions): Worker => {
  const logger = parentLogger.child({ worker: workerId });
  const inFlight = new Map<number, { done: Promise<void>; controller: AbortController }>();
  // Jobs handed back at stop: their late outcome must not be written.
  const released = new Set<number>();
  let state: 'idle' | 'running' | 'stopping' = 'idle';
  let loop: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;
  let isWoken = false;
  let followUps = 0;
  let lastReclaimAt = 0;
  let interruptSleep: (() => void) | undefined;

  const nudge = () => {
    isWoken = true;
    interruptSleep?.();
  };

  const wake = () => {
    followUps = FOLLOW_UP_DELAYS_MS.length;
    nudge();
  };

  const sleep = (delayMs: number) =>
    new Promise<void>((resolve) => {
      if (isWoken) return resolve();
      const timer = setTimeout(() => interruptSleep?.(), delayMs);
      interruptSleep = () => {
        clearTimeout(timer);
        interruptSleep = undefined;
        resolve();
      };
    });

  // A cut connection (database restarted, connection terminated) usually heals within seconds: the
  // outcome is written again a few times before the lease is left to expire and the job runs again.
  const writeOutcome = async (job: Job, write: () => Promise<void>, jobLogger: Logger) => {
    for (const delayMs of [...OUTCOME_RETRY_DELAYS_MS, undefined]) {
      if (released.has(job.id)) return;
      try {
        return await write();
      } catch (error) {
        if (delayMs === undefined) {
          // Handlers tolerate the run again (at-least-once).
          if (!released.has(job.id)) jobLogger.error({ err: error }, 'résultat du travail non enregistré');
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, delayMs));
      }
    }
  };

  const execute = async (job: Job, signal: AbortSignal) => {
    const jobLogger = logger.child({ jobId: job.id, jobType: job.type, attempt: job.attempts });
    const handler = registry.handlers.get(job.type);
    if (!handler) {
      return writeOutcome(
        job,
        async () => {
          await failJob(db, { id: job.id, workerId, error: unknownType(job.type), retryInMs: 0, isFinal: true });
          jobLogger.error('travail de type inconnu, mis de côté (dead)');
        },
        jobLogger,
      );
    }
    try {
      await handler(job.payload, { jobId: job.id, attempt: job.attempts, db, config, logger: jobLogger, signal });
    } catch (error) {
      return writeOutcome(
        job,
        async () => {
          const status = await failJob(db, {
            id: job.id,
            workerId,
            error: describeError(error),
            retryInMs: retryDelay(job.attempts),
          });
          if (status === 'dead') jobLogger.error({ err: error }, 'travail en échec définitif (dead)');
          else jobLogger.warn({ err: error }, 'travail en échec, nouvel essai plus tard');
        },
        jobLogger,
      );
    }
    return writeOutcome(
      job,
      async () => {
        if (!(await completeJob(db, { id: job.id, workerId })))
          jobLogger.warn('travail terminé après la fin de son bail : il a pu être repris par un autre travailleur');
      },
      jobLogger,
    );
  };

  const launch = (job: Job) => {
    const controller = new AbortController();
    const done = execute(job, controller.signal).finally(() => {
      inFlight.delete(job.id);
      released.delete(job.id);
      nudge();
    });
    inFlight.set(job.id, { done, controller });
  };

  const poll = async () => {
    while (state === 'running') {
      isWoken = false;
      let claimed = 0;
      try {
        if (Date.now() - lastReclaimAt >= pollIntervalMs) {
          lastReclaimAt = Date.now();
          const reclaimed = await reclaimExpiredLeases(db);
          if (reclaimed) logger.warn({ reclaimed }, 'travaux repris après expiration de leur bail');
        }
        const free = concurrency - inFlight.size;
        if (free > 0) {
          const jobs = await claimJobs(db, { workerId, limit: free, leaseMs });
          for (const job of jobs) launch(job);
          claimed = jobs.length;
        }
      } catch (error) {
        logger.error({ err: error }, 'impossible de prendre des travaux');
      }
      if (state !== 'running') return;
      const followUp =
        claimed === 0 && followUps > 0 ? FOLLOW_UP_DELAYS_MS[FOLLOW_UP_DELAYS_MS.length - followUps--] : undefined;
      await sleep(Math.min(followUp ?? pollIntervalMs, pollIntervalMs));
    }
  };

  const start = () => {
    if (state !== 'idle') return;
    state = 'running';
    unsubscribe = onJobsEnqueued(wake);
    heartbeat = setInterval(
      () => {
        const ids = [...inFlight.keys()].filter((id) => !released.has(id));
        extendLeases(db, { ids, workerId, leaseMs }).catch((error) =>
          logger.error({ err: error }, 'bail non renouvelé'),
        );
      },
      Math.max(leaseMs / 3, 10),
    );
    heartbeat.unref();
    loop = poll();
    logger.info({ concurrency }, 'travailleur démarré');
  };

  const stop = ({ graceMs = defaultGraceMs }: { graceMs?: number } = {}) => {
    if (state === 'idle') return Promise.resolve();
    stopping ??= (async () => {
      state = 'stopping';
      unsubscribe?.();
      nudge();
      await loop;
      let timer: NodeJS.Timeout | undefined;
      const allDone = Promise.allSettled([...inFlight.values()].map(({ done }) => done));
      await Promise.race([allDone, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      const unfinished = [...inFlight.keys()];
      if (unfinished.length) {
        for (const id of unfinished) {
          released.add(id);
          inFlight.get(id)?.controller.abort();
        }
        const count = await releaseJobs(db, { ids: unfinished, workerId });
        logger.warn({ released: count }, 'travaux non terminés rendus à la file, ils seront repris');
      }
      clearInterval(heartbeat);
      state = 'idle';
      stopping = undefined;
      logger.info('travailleur arrêté');
    })();
    return stopping;
  };

  return { id: workerId, start, stop, wake };
};
