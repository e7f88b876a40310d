export interface PeriodicJobOptions {
  /**
   * Passes after the first fall on whole multiples of `everyMs` of the wall clock, so every
   * process running the job runs it at the same instants (to their clocks' agreement) rather
   * than `everyMs` after its own start.
   */
  onTheClock?: boolean;
}

/**
 * Runs a background pass now and then every `everyMs`, never two at once: a slow pass (a
 * database away) is skipped over rather than piled up. Returns the function that stops it,
 * which resolves once a pass under way has finished. The timer does not keep the process
 * alive; every pass logs its own outcome.
 */
export function startPeriodicJob(everyMs: number, pass: () => Promise<void>, opts: PeriodicJobOptions = {}): () => Promise<void> {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    if (running) return;
    running = pass().finally(() => {
      running = undefined;
    });
    await running;
  };
  void run();
  let timer: NodeJS.Timeout;
  if (opts.onTheClock) {
    const next = () => {
      if (stopped) return;
      timer = setTimeout(() => {
        void run();
        next();
      }, everyMs - (Date.now() % everyMs));
      timer.unref();
    };
    next();
  } else {
    timer = setInterval(() => void run(), everyMs);
    timer.unref();
  }
  // Stopping waits for a pass under way, so a shutdown does not close the database under it.
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running?.catch(() => undefined);
  };
}
