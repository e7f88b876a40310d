/** Queue numbers read as the session's letter and a three-digit sequence: `A017`, `C003`. */
export function formatQueueNumber(sessionLetter: string, sequence: number): string {
  return `${sessionLetter}${String(sequence).padStart(3, '0')}`;
}

/** The way the waiting room hears it: "A 0 1 7", one character at a time. */
export function spokenQueueNumber(queueNumber: string): string {
  return queueNumber.split('').join(' ');
}
