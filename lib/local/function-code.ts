/**
 * The code of functions/ that answers the local stack's requests, runs its jobs and its bus
 * targets, gathered in one module: `npm run dev` bundles this file afresh when functions/
 * changes and swaps the result in (lib/local/dev/handler-reloader.ts), since an ES module once
 * imported cannot be imported again. lib/local's own plumbing (clock, bus routing, scheduler,
 * stream relay, demo data) imports functions/ directly and keeps the code it started with.
 */
export { readConfig } from '../../functions/common/config.js';
export { makeApiHandler } from '../../functions/common/http/api-handler.js';
export { createTokenService } from '../../functions/common/tokens.js';
export { createSesMailer } from '../../functions/mail/mailer.js';
export { publicHandlers } from '../../functions/http/public/routes.js';
export { patronHandlers } from '../../functions/http/patron/routes.js';
export { staffHandlers } from '../../functions/http/staff/routes.js';
export { jobBodies } from '../../functions/jobs/index.js';
export { runJob } from '../../functions/jobs/run-job.js';
export { createStore } from '../../functions/store/index.js';
export { applyMailFeedback } from '../../functions/use-cases/mail-feedback.js';
export { routes } from '../../functions/wiring.js';
