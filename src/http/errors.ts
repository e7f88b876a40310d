import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isStorageUnavailable } from '../app/shared/storage-health.js';
import { DomainError, type DomainErrorCode, type FieldProblem, InvalidInputError } from '../domain/errors.js';
import { requestLang } from './i18n.js';
import type { Lang } from '../texts/lang.js';
import { domainErrorText, errorText, t } from '../texts/texts.js';
import { errorPage } from './views/citizen/home.js';

const STATUS: Record<DomainErrorCode, number> = {
  SESSION_FULL: 409,
  ALREADY_BOOKED: 409,
  CLOSED: 409,
  NOT_BOOKABLE: 409,
  // Not full: its places open later (details.opensAt), so the answer says when.
  NOT_YET_OPEN: 409,
  NOT_FOUND: 404,
  NIK_MISMATCH: 404,
  NOT_ACTIVE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  INVALID_TRANSITION: 409,
  CHECK_IN_WINDOW: 409,
  WRONG_DAY: 409,
  NO_OPEN_DAY: 409,
  INVALID_CREDENTIALS: 401,
  TOO_MANY_ATTEMPTS: 429,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  NO_CURRENT_TICKET: 409,
  COUNTER_PAUSED: 409,
  COUNTER_BUSY: 409,
  REQUEUE_LIMIT: 409,
  TEMPLATE_UNKNOWN_PLACEHOLDER: 422,
  OTHER_OFFICE: 403,
  // Locked, not merely slow: waiting does not open it, the desk does.
  OWNER_CHECK_LOCKED: 423,
  ALREADY_CLOSED: 409,
  NOT_OFFICE_CLOSURE: 409,
  SERVICE_CODE_TAKEN: 409,
  COUNTER_NUMBER_TAKEN: 409,
  MESSAGE_IN_PROGRESS: 409,
  VISIT_IN_PROGRESS: 409,
  ALREADY_ENTERED: 409,
  // The window closed a moment ago and the draw is being made: retry in a few seconds.
  DRAW_IN_PROGRESS: 409,
  SLUG_TAKEN: 409,
  NO_COUNTER_FOR_SERVICE: 409,
  UNDO_SKIP_EXPIRED: 409,
  NOTHING_TO_UNDO: 409,
  COUNTER_HELD: 409,
  SURVEY_ALREADY_ANSWERED: 409,
  SURVEY_NOT_OPEN: 409,
  // Person-based limits: waiting for next month (or the block's end) lifts them, a retry does not.
  PHONE_MONTHLY_LIMIT: 429,
  NIK_MONTHLY_LIMIT: 429,
  NO_SHOW_BLOCKED: 409,
  PROOF_REQUIRED: 400,
  PROOF_INVALID: 403,
  PROOF_EXPIRED: 403,
  PROOF_REUSED: 403,
  PROOF_TOO_EARLY: 403,
};

/** How long a client is told to wait when the database does not answer. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** A refusal that lifts by itself: the server is full or its database is away. Answered 503 with Retry-After. */
export class ServiceUnavailableError extends Error {
  constructor(
    readonly code: 'TOO_MANY_STREAMS' | 'DATABASE_UNAVAILABLE',
    readonly retryAfterSeconds: number,
  ) {
    super(code);
    this.name = 'ServiceUnavailableError';
  }
}

/** The JSON body of every error answer. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    fields?: Record<string, { code: string; message: string }>;
    details?: Record<string, string | number | boolean | null>;
  };
}

/**
 * An error as status, body and, for refusals that lift by themselves, the seconds to wait, in
 * the asker's language. Unknown errors are 500 and say nothing of their cause.
 */
export function toErrorResponse(error: unknown, lang: Lang): { status: number; body: ErrorBody; retryAfterSeconds?: number } {
  const unavailable =
    error instanceof ServiceUnavailableError
      ? error
      : isStorageUnavailable(error)
        ? new ServiceUnavailableError('DATABASE_UNAVAILABLE', DATABASE_RETRY_AFTER_SECONDS)
        : undefined;
  if (unavailable) {
    return {
      status: 503,
      body: { error: { code: unavailable.code, message: errorText(lang, unavailable.code) } },
      retryAfterSeconds: unavailable.retryAfterSeconds,
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) return toErrorResponse(schemaProblems(error), lang);
  if (error instanceof InvalidInputError) {
    const fields: NonNullable<ErrorBody['error']['fields']> = {};
    for (const f of error.fields) fields[f.field] = { code: f.problem, message: errorText(lang, f.problem) };
    return { status: 422, body: { error: { code: 'INVALID_INPUT', message: errorText(lang, 'INVALID_INPUT'), fields } } };
  }
  if (error instanceof DomainError) {
    return {
      status: STATUS[error.code],
      body: { error: { code: error.code, message: domainErrorText(error, lang), details: error.details } },
    };
  }
  const fe = error as Partial<FastifyError>;
  const code = frameworkCode(fe);
  if (code) return { status: fe.statusCode ?? 400, body: { error: { code, message: errorText(lang, code) } } };
  return { status: 500, body: { error: { code: 'INTERNAL', message: errorText(lang, 'INTERNAL') } } };
}

/**
 * A route schema's refusal as the same per-field problems a hand-parsed input gives: the
 * field schemas' issue messages are problem codes (see validation.ts), the first one per field.
 */
function schemaProblems(error: { validation: { instancePath: string; message?: string }[]; validationContext?: string }): InvalidInputError {
  const fields: FieldProblem[] = [];
  for (const issue of error.validation) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path || (error.validationContext ?? 'body');
    if (fields.some((f) => f.field === field)) continue;
    fields.push({ field, problem: issue.message && /^[A-Z_]+$/.test(issue.message) ? issue.message : 'INVALID' });
  }
  return new InvalidInputError(fields);
}

function frameworkCode(e: Partial<FastifyError>): string | undefined {
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e instanceof SyntaxError) return 'MALFORMED_JSON';
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.statusCode === 413) return 'PAYLOAD_TOO_LARGE';
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || e.statusCode === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (e.statusCode === 429) return 'RATE_LIMITED';
  if (e.statusCode !== undefined && e.statusCode >= 400 && e.statusCode < 500) return 'BAD_REQUEST';
  return undefined;
}

/** Whether a request outside the API asks for a web page first (a browser's Accept), not JSON. */
function wantsHtml(req: FastifyRequest): boolean {
  if (req.url.startsWith('/api/')) return false;
  const accept = req.headers.accept ?? '';
  const htmlAt = accept.indexOf('text/html');
  if (htmlAt === -1) return false;
  const jsonAt = accept.indexOf('application/json');
  return jsonAt === -1 || htmlAt < jsonAt;
}

/** Installs the error and not-found handlers that give every failure the `{ error: { code, message } }` shape. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body, retryAfterSeconds } = toErrorResponse(error, requestLang(req));
    if (status === 503) req.log.warn({ err: error }, 'request refused: unavailable');
    else if (status >= 500) req.log.error({ err: error }, 'request failed');
    if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
    if (status === 429 && (error as { headers?: Record<string, string> }).headers) reply.headers((error as { headers: Record<string, string> }).headers);
    // A refusal that lifts by itself (the login attempt limit) says when.
    if (error instanceof DomainError && typeof error.details.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds));
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    const lang = requestLang(req);
    // A person who mistyped an address in a browser gets a page that leads home; API clients get JSON.
    if (wantsHtml(req)) {
      return reply
        .status(404)
        .header('cache-control', 'no-store')
        .type('text/html; charset=utf-8')
        .send(errorPage(lang, t(lang, 'citizen.notFoundTitle'), t(lang, 'citizen.notFoundText'), req.url.split('?')[0] ?? '/').value);
    }
    return reply.status(404).send({ error: { code: 'ROUTE_NOT_FOUND', message: errorText(lang, 'ROUTE_NOT_FOUND') } });
  });
}
