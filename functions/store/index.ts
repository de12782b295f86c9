import type { Db } from './db.js';
import { branchStore } from './branches.js';
import { calendarStore } from './calendar.js';
import { credentialStore } from './credentials.js';
import { jobRunStore } from './job-runs.js';
import { patronStore } from './patrons.js';
import { staffStore } from './staff.js';

/** Every repository over one table. */
export const createStore = (db: Db) => ({
  patrons: patronStore(db),
  credentials: credentialStore(db),
  staff: staffStore(db),
  branches: branchStore(db),
  calendar: calendarStore(db),
  jobRuns: jobRunStore(db),
});

export type Store = ReturnType<typeof createStore>;
