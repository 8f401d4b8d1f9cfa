// In-process wake-up: a worker of this process claims at once when this process enqueues,
// instead of waiting for its next poll. Other processes find the job by polling.
const listeners = new Set<() => void>();

export const onJobsEnqueued = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

export const wakeWorkers = () => {
  for (const listener of listeners) listener();
};
