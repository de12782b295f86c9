import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure, whenConditionsHold, type Db } from './db.js';
import type { Hold } from './holds.js';
import { keys } from './keys.js';

/**
 * SPEC 5.6: the pickup-notice run's claims on READY holds, so that two runs at once (or a
 * retry) mail each patron once. Part of the hold store (`deps.store.holds`).
 */
export const pickupNoticeClaims = (db: Db) => ({
  /**
   * SPEC 5.6: claims a READY hold for one notice run. Fails when the hold was notified, or
   * another run holds a claim younger than `leaseCutoff` (a run that died releases by age).
   */
  async claimNotice(hold: Hold, runId: string, now: Date, leaseCutoff: Date): Promise<boolean> {
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.hold(hold.cardNumber, hold.holdId),
          UpdateExpression: 'SET notifyClaim = :run, notifyClaimedAt = :now',
          ConditionExpression: '#status = :ready AND attribute_not_exists(notifiedAt) AND (attribute_not_exists(notifyClaim) OR notifyClaimedAt < :cutoff)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':run': runId, ':now': now.toISOString(), ':cutoff': leaseCutoff.toISOString(), ':ready': 'READY' },
        }),
      ),
    );
  },

  /**
   * Records the notice (or that the patron gets none by mail); only the claiming run may.
   * Without a run (no mail), only while no run holds a claim younger than `leaseCutoff`: a
   * claim left by a run that died must not keep the hold unrecorded for ever.
   */
  async markNotified(hold: Hold, runId: string | undefined, now: Date, channel: string, leaseCutoff?: Date): Promise<boolean> {
    const unclaimed = leaseCutoff ? '(attribute_not_exists(notifyClaim) OR notifyClaimedAt < :cutoff)' : 'attribute_not_exists(notifyClaim)';
    return whenConditionsHold(
      db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.hold(hold.cardNumber, hold.holdId),
          UpdateExpression: 'SET notifiedAt = :now, noticeChannel = :channel REMOVE notifyClaim, notifyClaimedAt',
          ConditionExpression: runId ? 'notifyClaim = :run AND attribute_not_exists(notifiedAt)' : `attribute_not_exists(notifiedAt) AND ${unclaimed}`,
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':channel': channel,
            ...(runId ? { ':run': runId } : leaseCutoff ? { ':cutoff': leaseCutoff.toISOString() } : {}),
          },
        }),
      ),
    );
  },

  /** Gives a claimed hold back after a failed send, for the next run. */
  async releaseNotice(hold: Hold, runId: string): Promise<void> {
    try {
      await db.client.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.hold(hold.cardNumber, hold.holdId),
          UpdateExpression: 'REMOVE notifyClaim, notifyClaimedAt',
          ConditionExpression: 'notifyClaim = :run',
          ExpressionAttributeValues: { ':run': runId },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },
});
