// Creating users and the failed-sign-in counter, shared by invites, resets, the CLI and demo data.
import { eq, sql } from 'drizzle-orm';
import type { SystemRole } from '../../../shared/identity';
import type { NewAccountFields } from '../../../shared/schemas/auth';
import type { Config } from '../../config';
import type { DbOrTx } from '../../db/client';
import { passkeys, recoveryCodes, users } from '../../db/schema';
import { badRequest, conflict } from '../../platform/errors';
import { hashPassword, passwordWeakness } from '../../platform/passwords';
import { revokeUserSessions } from '../../platform/sessions';

export function assertStrongPassword(password: string, personal: string[]): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) throw badRequest('weak_password', weakness, [{ path: 'password', message: weakness }]);
}

export async function assertLoginIdFree(db: DbOrTx, loginId: string): Promise<void> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.loginId, loginId));
  if (existing)
    throw conflict('login_id_taken', 'このログインIDは既に使われています。別のIDを入力してください。');
}

export async function createUser(
  db: DbOrTx,
  config: Config,
  fields: NewAccountFields & { systemRoles?: SystemRole[]; isDemo?: boolean; totpSecret?: string },
): Promise<string> {
  await assertLoginIdFree(db, fields.loginId);
  assertStrongPassword(fields.password, [fields.loginId]);
  const [row] = await db
    .insert(users)
    .values({
      loginId: fields.loginId,
      displayName: fields.displayName,
      kana: fields.kana,
      profession: fields.profession,
      systemRoles: fields.systemRoles ?? [],
      passwordHash: await hashPassword(fields.password, config.scryptCost),
      isDemo: fields.isDemo ?? false,
      totpSecret: fields.totpSecret ?? null,
      totpEnabled: fields.totpSecret !== undefined,
    })
    .returning({ id: users.id });
  if (!row) throw new Error('user insert returned nothing');
  return row.id;
}

/**
 * Counts a failed password or code. Returns the lock end when this failure locked the account.
 * The increment happens in SQL so concurrent failures all count.
 */
export async function registerSignInFailure(
  db: DbOrTx,
  config: Config,
  userId: string,
): Promise<Date | null> {
  const [row] = await db
    .update(users)
    .set({ failedLoginCount: sql`${users.failedLoginCount} + 1` })
    .where(eq(users.id, userId))
    .returning({ count: users.failedLoginCount });
  if (!row || row.count < config.loginMaxFailures) return null;
  const lockedUntil = new Date(Date.now() + config.loginLockSeconds * 1000);
  await db.update(users).set({ lockedUntil, failedLoginCount: 0 }).where(eq(users.id, userId));
  return lockedUntil;
}

export async function clearSignInFailures(db: DbOrTx, userId: string): Promise<void> {
  await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, userId));
}

/** Stored in place of a password hash: no password verifies against it (see verifyPassword). */
const NO_PASSWORD = 'none$reset-pending';

/**
 * Ends every way into an account until its reset link is used: password, authenticator, recovery
 * codes, passkeys and sessions. An admin resets because something was lost or leaked; the old
 * credentials must not keep working meanwhile.
 */
export async function revokeCredentials(
  db: DbOrTx,
  userId: string,
  newPasswordHash = NO_PASSWORD,
): Promise<void> {
  await db
    .update(users)
    .set({
      passwordHash: newPasswordHash,
      passwordChangedAt: new Date(),
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabled: false,
      totpLastStep: null,
      failedLoginCount: 0,
      lockedUntil: null,
    })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.delete(passkeys).where(eq(passkeys.userId, userId));
  await revokeUserSessions(db, userId);
}
