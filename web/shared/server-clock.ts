/**
 * The service's clock as this device sees it (SPEC 11): what the console shows as "now" and
 * "today" comes from the server, not from the PC, whose clock may be wrong (or, on the demo
 * stack, the server's clock is moved on purpose). The offset is learnt from `serverTime` of
 * GET /api/config when the app starts, halving the round trip.
 */
let offsetMs = 0;

export const syncServerClock = (serverTime: string | undefined, sentAt: number, receivedAt: number): void => {
  const server = serverTime ? Date.parse(serverTime) : Number.NaN;
  if (!Number.isNaN(server)) offsetMs = server - (sentAt + receivedAt) / 2;
};

/** Now on the service's clock. */
export const serverNow = (): Date => new Date(Date.now() + offsetMs);

/** An instant measured on this device's clock, as the service's clock shows it. */
export const onServerClock = (deviceInstant: Date): Date => new Date(deviceInstant.getTime() + offsetMs);
