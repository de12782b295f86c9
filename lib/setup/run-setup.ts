import { readFile } from 'node:fs/promises';
import { createStore } from '../../functions/store/index.js';
import { applySetup, type SetupReport } from './apply-setup.js';
import { parseSetupFile } from './setup-file.js';
import { openTarget, type SetupTarget } from './target.js';

/** SPEC 11: a staff password has at least this many characters. */
export const MIN_ADMIN_PASSWORD = 10;

export interface SetupRun {
  readonly target: SetupTarget;
  /** Path of the setup file (JSON). */
  readonly file: string;
  /** Asked only when the admin account does not exist yet. */
  readonly adminPassword: () => Promise<string>;
  readonly now?: Date;
}

/** `npm run setup` without its terminal: reads the file, opens the table, loads what is missing. */
export const runSetup = async (run: SetupRun): Promise<{ tableName: string; report: SetupReport }> => {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(run.file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${run.file}: ${(error as Error).message}`);
  }
  const plan = parseSetupFile(json);
  const { db, tableName } = await openTarget(run.target);
  try {
    const report = await applySetup(createStore(db), plan, {
      now: run.now ?? new Date(),
      adminPassword: async () => {
        const password = await run.adminPassword();
        if (password.length < MIN_ADMIN_PASSWORD) throw new Error(`the admin password needs at least ${MIN_ADMIN_PASSWORD} characters`);
        return password;
      },
    });
    return { tableName, report };
  } finally {
    db.client.destroy();
  }
};
