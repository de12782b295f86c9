import type { Db } from './db.js';
import { basketStore } from './basket.js';
import { branchStore } from './branches.js';
import { calendarStore } from './calendar.js';
import { checkinReadsStore } from './checkin-reads.js';
import { circulationStore } from './circulation.js';
import { catalogStore } from './catalog.js';
import { catalogImportStore } from './catalog-import.js';
import { credentialStore } from './credentials.js';
import { holdStore } from './holds.js';
import { jobRunStore } from './job-runs.js';
import { loanImportStore } from './loan-import.js';
import { loginAttemptStore } from './login-attempts.js';
import { outboxStore } from './outbox.js';
import { patronLookupStore } from './patron-lookup.js';
import { patronRecordsStore } from './patron-records.js';
import { patronImportStore } from './patron-import.js';
import { patronStore } from './patrons.js';
import { pullTitleStore } from './pull-titles.js';
import { referenceDataStore } from './reference-data.js';
import { searchIndexStore } from './search-index.js';
import { staffStore } from './staff.js';
import { titlePartitionStore } from './title-partition.js';

/** Every repository over one table. */
export const createStore = (db: Db) => ({
  patrons: patronStore(db),
  patronImport: patronImportStore(db),
  credentials: credentialStore(db),
  loginAttempts: loginAttemptStore(db),
  staff: staffStore(db),
  branches: branchStore(db),
  calendar: calendarStore(db),
  jobRuns: jobRunStore(db),
  catalog: catalogStore(db),
  catalogImport: catalogImportStore(db),
  loanImport: loanImportStore(db),
  holds: holdStore(db),
  pullTitles: pullTitleStore(db),
  patronRecords: patronRecordsStore(db),
  patronLookup: patronLookupStore(db),
  basket: basketStore(db),
  circulation: circulationStore(db),
  checkinReads: checkinReadsStore(db),
  outbox: outboxStore(db),
  searchIndex: searchIndexStore(db),
  titlePartition: titlePartitionStore(db),
  referenceData: referenceDataStore(db),
});

export type Store = ReturnType<typeof createStore>;
