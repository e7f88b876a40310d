/**
 * Resolves on the event loop's next turn, after it has taken the requests that arrived
 * meanwhile. Long work done in pieces awaits it between pieces: on SQLite every statement runs
 * on the process's one thread and resolves at once, so pieces chained by promises alone would
 * still hold every other request until the last one (a resolved promise never lets the loop
 * reach its poll phase; setImmediate does).
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
