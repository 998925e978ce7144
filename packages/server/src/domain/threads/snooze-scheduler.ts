/** A running scheduler, and how to stop it (waiting for a pass in progress to finish). */
export interface SnoozeScheduler {
  stop(): Promise<void>;
}

/**
 * Wakes snoozed threads whose time has come: one pass at start (so wake-ups due while the server
 * was down happen at once), then one every `intervalMs`. A pass repeats while full batches come
 * back, so a backlog drains without waiting. Due times live in the database, so no wake-up is lost
 * to a restart, and `wake` claims rows with SKIP LOCKED, so several processes can run one each.
 */
export function startSnoozeScheduler(options: {
  wake: (limit: number) => Promise<number>;
  intervalMs: number;
  batchSize?: number;
  onError: (error: unknown) => void;
}): SnoozeScheduler {
  const batchSize = options.batchSize ?? 100;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> = Promise.resolve();

  const runPass = async () => {
    try {
      while (!stopped && (await options.wake(batchSize)) === batchSize) {
        // a full batch: there may be more due
      }
    } catch (error) {
      options.onError(error);
    }
    if (!stopped) timer = setTimeout(schedule, options.intervalMs);
  };
  const schedule = () => {
    pass = runPass();
  };
  schedule();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await pass;
    },
  };
}
