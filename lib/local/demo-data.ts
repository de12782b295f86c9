import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Deps } from '../../functions/common/deps.js';
import { hashPassword } from '../../functions/common/password-hash.js';
import type { Db } from '../../functions/store/db.js';
import { issueInternetPassword } from '../../functions/use-cases/internet-password.js';
import { applySetup } from '../setup/apply-setup.js';
import type { SetupPlan } from '../setup/setup-file.js';
import { demoBranches, demoCounterStaffId, demoPatron, demoStaffId, demoWeeklyHours } from './demo-branches.js';
import { generateDemoCatalog } from './demo-catalog/index.js';
import type { Item } from '../../functions/domain/catalog.js';

const SEED_MARKER = { PK: 'META', SK: 'DEMO_SEED' };
const SEED_VERSION = 1;

export interface SeedOptions {
  readonly staffPassword: string;
}

/** SPEC 2 demo library: six branches on the demo hours, no closed dates, ADMIN `admin`. */
export const demoSetupPlan: SetupPlan = {
  branches: demoBranches.map((branch) => ({ branch, weekly: demoWeeklyHours })),
  closed: [],
  admin: { staffId: demoStaffId, name: '図書館 職員', branch: 'central', role: 'ADMIN' },
};

/**
 * Loads the demo library: the branches, their weekly hours and staff `admin` the way
 * `npm run setup` loads a library (creating only what is missing, so stores seeded before
 * weekly hours existed get them), then once per store patron 10000001 (born 1 April) with
 * internet service issued. The COUNTER account and staff roles come from `seedDemoStaff`.
 */
export const seedDemoData = async (db: Db, deps: Deps, options: SeedOptions): Promise<'seeded' | 'already-seeded'> => {
  const now = deps.clock.now();
  await applySetup(deps.store, demoSetupPlan, { adminPassword: async () => options.staffPassword, now });
  const marker = await db.client.send(new GetCommand({ TableName: db.tableName, Key: SEED_MARKER }));
  if (marker.Item?.version === SEED_VERSION) return 'already-seeded';

  // Mail contact, so that the walk-through's pickup notice really appears in the mail viewer.
  await deps.store.patrons.create({ ...demoPatron, contactMethod: 'EMAIL', contactConfigured: true, internetService: false, createdAt: now.toISOString() });
  await issueInternetPassword(deps, demoPatron.cardNumber);

  await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...SEED_MARKER, version: SEED_VERSION, seededAt: now.toISOString() } }));
  return 'seeded';
};

const STAFF_MARKER = { PK: 'META', SK: 'DEMO_STAFF' };

/**
 * The demo staff (SPEC 11), once per store and apart from the rest, so that stores seeded
 * before roles get them too: `admin` (ADMIN) and `counter` (COUNTER), with the local staff
 * password when they are new. An account that exists (made by `npm run setup`, or before
 * roles) keeps its password and gets its role and place in the staff list. And the demo
 * patron's lookup item.
 */
export const seedDemoStaff = async (db: Db, deps: Deps, staffPassword: string): Promise<'seeded' | 'already-seeded'> => {
  const marker = await db.client.send(new GetCommand({ TableName: db.tableName, Key: STAFF_MARKER }));
  if (marker.Item) return 'already-seeded';
  const now = deps.clock.now();
  const hash = await hashPassword(staffPassword);
  const members = [
    { staffId: demoStaffId, name: '図書館 職員', role: 'ADMIN', branch: 'central' },
    { staffId: demoCounterStaffId, name: 'カウンター 担当', role: 'COUNTER', branch: 'central' },
  ] as const;
  for (const member of members) {
    if (await deps.store.staff.create(member, hash, now)) continue;
    const existing = await deps.store.staff.get(member.staffId);
    await deps.store.staff.put({ ...member, ...existing, role: existing?.role ?? member.role });
  }
  // The demo patron of a store seeded before patron lookups (SPEC 11) has no lookup item yet.
  const patron = await deps.store.patrons.get(demoPatron.cardNumber);
  if (patron) await deps.store.patronLookup.index(patron);
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...STAFF_MARKER, seededAt: now.toISOString() } }));
  return 'seeded';
};

const CATALOG_MARKER = { PK: 'META', SK: 'DEMO_CATALOG' };

/**
 * Loads the deterministic demo catalog (lib/local/demo-catalog) once per store, apart from
 * the rest of the demo data so that stores seeded before it existed get it too.
 */
export const seedDemoCatalog = async (db: Db, deps: Deps, titles = 2000): Promise<'seeded' | 'already-seeded'> => {
  const marker = await db.client.send(new GetCommand({ TableName: db.tableName, Key: CATALOG_MARKER }));
  if (marker.Item) return 'already-seeded';
  const catalog = generateDemoCatalog({ titles });
  const copiesByTitle = new Map<string, Item[]>();
  for (const item of catalog.items) copiesByTitle.set(item.titleId, [...(copiesByTitle.get(item.titleId) ?? []), item]);
  await deps.store.catalogImport.importRecords(
    catalog.titles.map((title) => ({
      ...title,
      copies: (copiesByTitle.get(title.titleId) ?? []).map(({ itemId, branch, category, interlibrary, callNumber }) => ({
        itemId,
        branch,
        category,
        interlibrary,
        ...(callNumber ? { callNumber } : {}),
      })),
    })),
  );
  await db.client.send(new PutCommand({ TableName: db.tableName, Item: { ...CATALOG_MARKER, titles, seededAt: deps.clock.now().toISOString() } }));
  return 'seeded';
};
