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
  // One timeout after another: the next pass is due a period on, or at the next whole period of the clock.
  const wait = () => (opts.onTheClock ? everyMs - (Date.now() % everyMs) : everyMs);
  let timer: NodeJS.Timeout;
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      void run();
      next();
    }, wait());
    timer.unref();
  };
  next();
  // Stopping waits for a pass under way, so a shutdown does not close the database under it.
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running?.catch(() => undefined);
  };
}
