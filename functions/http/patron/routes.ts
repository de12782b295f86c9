import type { GroupHandlers } from '../../common/http/api-handler.js';
import { deleteBasket, getBasket, putBasket, reserveBasket } from './basket.js';
import { updateContact } from './contact.js';
import { deleteHold, deleteSuspension, postHold, postSequence, putSuspension } from './holds.js';
import { getMe } from './me.js';
import { putPassword } from './password.js';
import { postRenew } from './renew.js';
import { getStatus } from './status.js';

export const patronHandlers: GroupHandlers<'patron-api'> = {
  'GET /api/me': getMe,
  'PUT /api/me/contact': updateContact,
  'PUT /api/me/password': putPassword,
  'GET /api/me/status': getStatus,
  'POST /api/me/holds': postHold,
  'DELETE /api/me/holds/{holdId}': deleteHold,
  'POST /api/me/holds/sequence': postSequence,
  'PUT /api/me/holds/{holdId}/suspension': putSuspension,
  'DELETE /api/me/holds/{holdId}/suspension': deleteSuspension,
  'GET /api/me/basket': getBasket,
  'PUT /api/me/basket/{titleId}': putBasket,
  'DELETE /api/me/basket/{titleId}': deleteBasket,
  'POST /api/me/basket/reserve': reserveBasket,
  'POST /api/me/loans/renew': postRenew,
};
