/** Turning a failed call into words for the patron. */
import { ApiError } from '../shared/api';
import type { Translate } from './i18n';

/** The API's own message (already in the patron's language), or "could not connect". */
export const errorText = (error: unknown, t: Translate): string => (error instanceof ApiError ? error.message : t('app.networkError'));

/** A 401 with a token is handled globally (back to login); pages should stay quiet about it. */
export const isSessionEnd = (error: unknown): boolean => error instanceof ApiError && error.status === 401;
