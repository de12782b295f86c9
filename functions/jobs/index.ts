import type { JobName } from '../wiring.js';
import { holdExpiry } from './hold-expiry.js';
import { holdRegistration } from './hold-registration.js';
import { pickupNotices } from './pickup-notices.js';
import { searchIndexJob } from './search-index.js';
import type { JobBody } from './run-job.js';

/** Every job's body by name; the local scheduler and bus use this map, Lambda entries one each. */
export const jobBodies: Readonly<Record<JobName, JobBody>> = {
  'hold-registration': holdRegistration,
  'pickup-notices': pickupNotices,
  'hold-expiry': holdExpiry,
  'search-index': searchIndexJob,
};
