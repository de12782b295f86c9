import { notFound } from '../../common/errors.js';
import { assertSessionCurrent, ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { versionOf } from '../../store/credentials.js';
import { profileView } from './profile.js';

/** GET /api/me; open with the initial password, and checks the session itself (SPEC 12). */
export const getMe: RouteHandler = async (request, deps) => {
  const principal = principalOf(request);
  const { subject } = principal;
  const { patron, credential } = await deps.store.patrons.withCredential(subject);
  assertSessionCurrent(principal, credential ? versionOf(credential) : undefined);
  if (!patron) throw notFound();
  return ok(profileView(patron, request.lang, credential?.passwordIsInitial));
};
