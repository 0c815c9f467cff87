// Step one of sign-in: login ID and password. Unknown IDs and wrong passwords take the same time and
// get the same answer; repeated failures lock the account for a while.
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionStage } from '../../../shared/schemas/auth';
import { users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { hashPassword, verifyPassword } from '../../platform/passwords';
import { createSession } from '../../platform/sessions';
import { clearSignInFailures, registerSignInFailure } from '../account/users';
import { accountLocked } from './lockout';
import { hasPasskey } from './passkeys';

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password in the same time whether the account exists, has a password, or waits on a
 * reset link (no usable hash): nothing about the account shows through the answer's timing.
 */
async function passwordMatches(password: string, stored: string | undefined, cost: number): Promise<boolean> {
  if (stored?.startsWith('scrypt$')) return verifyPassword(password, stored);
  dummyHash ??= hashPassword('timing-equaliser', cost);
  await verifyPassword(password, await dummyHash);
  return false;
}

const invalidCredentials = (remaining?: number) =>
  new AppError(
    401,
    'invalid_credentials',
    'ログインIDまたはパスワードが違います。' +
      (remaining !== undefined && remaining <= 2
        ? `あと${remaining}回失敗すると一時的にロックされます。`
        : ''),
  );

export async function login(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { loginId: string; password: string },
): Promise<{ stage: SessionStage; passkeyAvailable?: boolean }> {
  const { db, config } = request.server;
  const audit = { ...requestAuditFields(request), targetType: 'user' };
  const [user] = await db.select().from(users).where(eq(users.loginId, input.loginId));
  if (!user) {
    await passwordMatches(input.password, undefined, config.scryptCost);
    await appendAudit(db, {
      ...audit,
      action: 'auth.login_failed',
      details: { loginId: input.loginId, why: 'unknown' },
    });
    throw invalidCredentials();
  }
  const target = { ...audit, actorUserId: user.id, targetId: user.id };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await appendAudit(db, { ...target, action: 'auth.login_refused_locked' });
    throw accountLocked(user.lockedUntil);
  }
  if (!(await passwordMatches(input.password, user.passwordHash, config.scryptCost))) {
    const lockedUntil = await registerSignInFailure(db, config, user.id);
    if (lockedUntil) {
      await appendAudit(db, {
        ...target,
        action: 'auth.lockout',
        details: { lockedUntil: lockedUntil.toISOString() },
      });
      throw accountLocked(lockedUntil);
    }
    await appendAudit(db, { ...target, action: 'auth.login_failed', details: { why: 'password' } });
    throw invalidCredentials(config.loginMaxFailures - (user.failedLoginCount + 1));
  }
  if (user.disabled) {
    await appendAudit(db, { ...target, action: 'auth.login_refused_disabled' });
    throw new AppError(
      403,
      'account_disabled',
      'このアカウントは利用停止中です。再開はシステム管理者に依頼してください。',
    );
  }
  await clearSignInFailures(db, user.id);
  const stage: SessionStage = user.totpEnabled ? 'totp_required' : 'totp_enrolment_required';
  await createSession(db, config, request, reply, user.id, stage);
  await appendAudit(db, { ...target, action: 'auth.password_accepted', details: { next: stage } });
  return stage === 'totp_required' ? { stage, passkeyAvailable: await hasPasskey(db, user.id) } : { stage };
}
