/** How often the desk may put a skipped ticket back in line: once, so nobody jumps the queue twice. */
export const REQUEUE_LIMIT = 1;

/** Whether a ticket already put back in line `requeueCount` times may be put back again. */
export function mayRequeue(requeueCount: number): boolean {
  return requeueCount < REQUEUE_LIMIT;
}
