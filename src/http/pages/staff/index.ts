import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../app/shared/context.js';
import { DomainError, InvalidInputError } from '../../../domain/errors.js';
import { toErrorResponse } from '../../errors.js';
import { staffErrorPage } from '../../views/staff/layout.js';
import { displayPages } from '../display.js';
import { adminClosurePages } from './admin-closures.js';
import { adminOutboxPages } from './admin-outbox.js';
import { adminCounterPages } from './admin-counters.js';
import { adminMessagePages } from './admin-messages.js';
import { adminServicePages } from './admin-services.js';
import { adminStaffPages } from './admin-staff.js';
import { adminPages } from './admin.js';
import { staffAuthPages } from './auth.js';
import { passwordPages } from './password.js';
import { counterPages } from './counter.js';
import { deskPages } from './desk.js';
import { officeGuard, sendStaffPage, verifyPageCsrf, viewerOf } from './guard.js';
import { reportPages } from './reports.js';
import { textsFor } from '../../../texts/texts.js';
import { STAFF_LANG } from '../../../texts/lang.js';
import { routePlugin } from '../../route-plugin.js';

const st = textsFor(STAFF_LANG);

/** What the staff pages take from the server's HTTP settings. */
export interface StaffPageOptions {
  /** Behind a TLS-terminating proxy: session cookies are Secure. */
  trustProxy: boolean;
}

/** Every page staff use: login, the desk, the counters and the waiting-room board. */
export function staffPages(ctx: AppContext, opts: StaffPageOptions) {
  return routePlugin('staffPages', async (app: FastifyInstance) => {
    // Form posts need the session's token; role guards run earlier, on each route's onRequest.
    app.addHook('preHandler', verifyPageCsrf);
    app.addHook('preHandler', officeGuard(ctx));

    // A person pressed something: what went wrong is a page in words, never JSON.
    app.setErrorHandler((error: unknown, req, reply) => {
      const notFound = (error instanceof DomainError && error.code === 'NOT_FOUND') || error instanceof InvalidInputError;
      const { status, body, retryAfterSeconds } = toErrorResponse(error, STAFF_LANG);
      if (status >= 500) req.log.error({ err: error }, 'staff page failed');
      if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
      const viewer = req.staff ? viewerOf(req) : null;
      const page = notFound
        ? staffErrorPage(viewer, st('staff.notFoundTitle'), error instanceof DomainError ? body.error.message : st('staff.notFoundTitle'))
        : staffErrorPage(viewer, st('staff.errorTitle'), body.error.message);
      return sendStaffPage(reply, page, notFound ? 404 : status);
    });

    await app.register(staffAuthPages(ctx, opts));
    await app.register(deskPages(ctx));
    await app.register(counterPages(ctx));
    await app.register(displayPages(ctx));
    await app.register(reportPages(ctx));
    await app.register(adminClosurePages(ctx));
    await app.register(adminOutboxPages(ctx));
    await app.register(passwordPages(ctx));
    await app.register(adminServicePages(ctx));
    await app.register(adminCounterPages(ctx));
    await app.register(adminMessagePages(ctx));
    await app.register(adminStaffPages(ctx));
    await app.register(adminPages(ctx));
  });
}
