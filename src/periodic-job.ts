/**
 * Runs a background pass now and then every `everyMs`, never two at once: a slow pass (a
 * database away) is skipped over rather than piled up. Returns the function that stops it,
 * which resolves once a pass under way has finished. The timer does not keep the process
 * alive; every pass logs its own outcome.
 */
export function startPeriodicJob(everyMs: number, pass: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  const run = async () => {
    if (running) return;
    running = pass().finally(() => {
      running = undefined;
    });
    await running;
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  // Stopping waits for a pass under way, so a shutdown does not close the database under it.
  return async () => {
    clearInterval(timer);
    await running?.catch(() => undefined);
  };
}
