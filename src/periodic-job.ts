/**
 * Runs a background pass now and then every `everyMs`, never two at once: a slow pass (a
 * database away) is skipped over rather than piled up. Returns the function that stops it.
 * The timer does not keep the process alive; every pass logs its own outcome.
 */
export function startPeriodicJob(everyMs: number, pass: () => Promise<void>): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await pass();
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
