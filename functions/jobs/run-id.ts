import { randomUUID } from 'node:crypto';

/** Run ids sort by time (newest-first listings need no extra index): `20261129T220000Z-1a2b3c4d`. */
export const newRunId = (at: Date): string =>
  `${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}-${randomUUID().slice(0, 8)}`;

/** A scheduled run's id is derived from its schedule and time, so a duplicate delivery is recognised. */
export const scheduledRunId = (at: Date, schedule: string): string =>
  `${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}-${schedule}`;
