import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { applyMailFeedback } from '../use-cases/mail-feedback.js';
import { cloudDeps } from './cloud-deps.js';

const deps = cloudDeps('mail-feedback');

/**
 * SPEC 10.4: SES bounce, complaint, delivery and reject events (lib/cloud/mail-feedback.ts
 * routes them here from the bus). A failure is retried by EventBridge, then dead-lettered.
 */
export const handler = middy<EventBridgeEvent<string, unknown>, { marked: number }>().handler((event) => applyMailFeedback(deps, event.detail));
