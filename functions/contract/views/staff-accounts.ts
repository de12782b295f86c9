import * as z from 'zod/mini';
import { text, trimmed } from '../../common/http/schemas.js';
import { staffRoles } from '../../wiring.js';
import { instant } from './common.js';

/** SPEC 11: staff ids are path-safe, like every id of this service (common/http/path-parameters.ts). */
export const staffId = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9._-]{1,64}$/, { error: 'rule:staffId' }));

/** POST /admin/login. */
export const StaffLoginBody = z.object({ staffId: trimmed(1, 64), password: z.string().check(z.minLength(1), z.maxLength(128)) });
export const StaffLoginAnswer = z.object({ token: z.string(), expiresAt: instant });

export const StaffRole = z.enum(staffRoles);

/** POST /admin/staff (SPEC 11, ADMIN). */
export const StaffBody = z.object({
  staffId,
  name: text(100),
  role: z.enum(staffRoles, { error: 'rule:staffRole' }),
  // Not trimmed: spaces may be part of a passphrase.
  password: z.string().check(z.minLength(10, { error: 'rule:staffPassword' }), z.maxLength(128, { error: 'rule:staffPassword' })),
  branch: z.optional(trimmed(1, 40)),
});

/** A staff account as the administration page shows it: never its credential. */
export const StaffAccount = z.object({
  staffId: z.string(),
  name: z.string(),
  role: StaffRole,
  disabled: z.boolean(),
  branch: z.optional(z.string()),
});

export type StaffLoginInput = z.input<typeof StaffLoginBody>;
export type StaffLoginResult = z.output<typeof StaffLoginAnswer>;
export type StaffRoleName = z.output<typeof StaffRole>;
export type StaffInput = z.input<typeof StaffBody>;
export type StaffAccountView = z.output<typeof StaffAccount>;
