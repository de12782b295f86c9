import { notFound } from '../../common/errors.js';
import { ok, principalOf, type RouteHandler } from '../../common/http/types.js';
import { profileView } from './profile.js';

/** GET /api/me */
export const getMe: RouteHandler = async (request, deps) => {
  const { subject } = principalOf(request);
  const [patron, credential] = await Promise.all([
    deps.store.patrons.get(subject),
    deps.store.credentials.get({ kind: 'patron', id: subject }),
  ]);
  if (!patron) throw notFound();
  return ok(profileView(patron, request.lang, credential?.passwordIsInitial));
};
