import type { GroupHandlers } from '../../common/http/api-handler.js';
import { updateContact } from './contact.js';
import { getMe } from './me.js';
import { putPassword } from './password.js';

export const patronHandlers: GroupHandlers<'patron-api'> = {
  'GET /api/me': getMe,
  'PUT /api/me/contact': updateContact,
  'PUT /api/me/password': putPassword,
};
