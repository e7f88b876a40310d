/**
 * Errors the rules raise. They carry a machine-readable code and the facts needed to explain
 * themselves; the HTTP layer decides status codes and `src/texts` the words, so the domain never speaks HTTP.
 */
export type DomainErrorCode =
  | 'SESSION_FULL'
  | 'ALREADY_BOOKED'
  | 'CLOSED'
  | 'NOT_BOOKABLE'
  | 'NOT_YET_OPEN'
  | 'NOT_FOUND'
  | 'NIK_MISMATCH'
  | 'NOT_ACTIVE'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INVALID_TRANSITION'
  | 'CHECK_IN_WINDOW'
  | 'WRONG_DAY'
  | 'NO_OPEN_DAY'
  | 'INVALID_CREDENTIALS'
  | 'TOO_MANY_ATTEMPTS'
  | 'USERNAME_TAKEN'
  | 'LAST_ADMIN'
  | 'NO_CURRENT_TICKET'
  | 'COUNTER_PAUSED'
  | 'COUNTER_BUSY'
  | 'REQUEUE_LIMIT'
  | 'OTHER_OFFICE'
  | 'OWNER_CHECK_LOCKED'
  | 'ALREADY_CLOSED'
  | 'NOT_OFFICE_CLOSURE'
  | 'SERVICE_CODE_TAKEN'
  | 'COUNTER_NUMBER_TAKEN'
  | 'MESSAGE_IN_PROGRESS'
  | 'TEMPLATE_UNKNOWN_PLACEHOLDER'
  | 'NO_COUNTER_FOR_SERVICE'
  | 'UNDO_SKIP_EXPIRED'
  | 'NOTHING_TO_UNDO'
  | 'COUNTER_HELD'
  | 'SURVEY_ALREADY_ANSWERED'
  | 'SURVEY_NOT_OPEN'
  | 'VISIT_IN_PROGRESS'
  | 'PHONE_MONTHLY_LIMIT'
  | 'NIK_MONTHLY_LIMIT'
  | 'NO_SHOW_BLOCKED'
  | 'PROOF_REQUIRED'
  | 'PROOF_INVALID'
  | 'PROOF_EXPIRED'
  | 'PROOF_REUSED'
  | 'PROOF_TOO_EARLY'
  | 'ALREADY_ENTERED'
  | 'DRAW_IN_PROGRESS'

  | 'SLUG_TAKEN';

/** A rule was broken; `details` holds what a message needs (dates, counts), never personal data. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly details: Record<string, string | number | boolean | null> = {},
  ) {
    // A refusal is an answer, not a fault: thousands a second at a release, and no one reads
    // their stacks (the code and details say what refused). Capturing one cost a twentieth of a rush.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(code);
    Error.stackTraceLimit = limit;
    this.name = 'DomainError';
  }
}

/** A field of the input failed its rule; `problem` is a stable code per field. */
export interface FieldProblem {
  field: string;
  problem: string;
}

/** Input that cannot be acted on, with every bad field named at once. */
export class InvalidInputError extends Error {
  constructor(readonly fields: FieldProblem[]) {
    super('INVALID_INPUT');
    this.name = 'InvalidInputError';
  }
}
