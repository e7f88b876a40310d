/** Queue numbers read as the session's letter and a three-digit sequence: `A017`, `C003`. */
export function formatQueueNumber(sessionLetter: string, sequence: number): string {
  return `${sessionLetter}${String(sequence).padStart(3, '0')}`;
}

/** The way the waiting room hears it: "A 0 1 7", one character at a time. */
export function spokenQueueNumber(queueNumber: string): string {
  return queueNumber.split('').join(' ');
}

/**
 * A queue number as someone reads it off a slip or says it: `a12`, `A 012`, `A-12` → `A012`;
 * null when the text is not one (a letter and one to three digits).
 */
export function readQueueNumber(input: string): string | null {
  const m = /^([A-Za-z])[\s\-.]*(\d{1,3})$/.exec(input.trim());
  if (!m || Number(m[2]) === 0) return null;
  return formatQueueNumber(m[1]!.toUpperCase(), Number(m[2]));
}
