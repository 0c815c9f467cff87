// Step two of sign-in (TOTP or a recovery code), TOTP enrolment and recovery codes.
import { and, eq, isNull, lt, or } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client';
import { recoveryCodes, users } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { AppError, badRequest } from '../../platform/errors';
import { verifyPassword } from '../../platform/passwords';
import { revokeSession, setSessionStage } from '../../platform/sessions';
import {
  enrolmentMaterial,
  generateRecoveryCodes,
  generateTotpSecret,
  hashRecoveryCode,
  matchTotp,
} from '../../platform/totp';
import { clearSignInFailures, registerSignInFailure } from '../account/users';
import { accountLocked } from './lockout';

const TOTP_ISSUER = 'Tsunagu';

async function loadUser(db: DbOrTx, userId: string) {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError(401, 'unauthenticated', 'ログインしてください。');
  return user;
}

/** Marks a time step used; false when it (or a later one) was used already: a replayed code. */
async function consumeStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

async function consumeRecoveryCode(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function verifySecondFactor(
  request: FastifyRequest,
  input: { code: string } | { recoveryCode: string },
): Promise<void> {
  const { db, config } = request.server;
  const actor = requireActor(request);
  const user = await loadUser(db, actor.user.id);
  const audit = { ...requestAuditFields(request), targetType: 'user', targetId: user.id };
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
    await revokeSession(db, actor.sessionId);
    throw accountLocked(user.lockedUntil);
  }
  let accepted = false;
  if ('code' in input) {
    const step = user.totpSecret ? matchTotp(input.code, user.totpSecret) : null;
    accepted = step !== null && (await consumeStep(db, user.id, step));
  } else {
    accepted = await consumeRecoveryCode(db, user.id, input.recoveryCode);
  }
  const method = 'code' in input ? 'totp' : 'recovery_code';
  if (!accepted) {
    const lockedUntil = await registerSignInFailure(db, config, user.id);
    if (lockedUntil) {
      await revokeSession(db, actor.sessionId);
      await appendAudit(db, { ...audit, action: 'auth.lockout', details: { method } });
      throw accountLocked(lockedUntil);
    }
    await appendAudit(db, { ...audit, action: 'auth.second_factor_failed', details: { method } });
    throw new AppError(
      401,
      'invalid_code',
      '確認コードが違うか、既に使われています。認証アプリの最新のコードを入力してください。',
    );
  }
  await clearSignInFailures(db, user.id);
  await setSessionStage(db, actor.sessionId, 'active');
  await appendAudit(db, { ...audit, action: 'auth.login', details: { method } });
}

/** Starts (re-)enrolment: a new secret waits in totp_pending_secret until its first code arrives. */
export async function startTotpEnrolment(request: FastifyRequest) {
  const { db } = request.server;
  const actor = requireActor(request);
  const secret = generateTotpSecret();
  await db.update(users).set({ totpPendingSecret: secret }).where(eq(users.id, actor.user.id));
  return enrolmentMaterial(secret, actor.user.loginId, TOTP_ISSUER);
}

export async function startTotpReenrolment(request: FastifyRequest, password: string) {
  await assertPassword(request, password);
  const material = await startTotpEnrolment(request);
  await appendAudit(request.server.db, {
    ...requestAuditFields(request),
    action: 'account.totp_reenrolment_started',
    targetType: 'user',
    targetId: requireActor(request).user.id,
  });
  return material;
}

export async function confirmTotpEnrolment(request: FastifyRequest, code: string): Promise<string[]> {
  const { db } = request.server;
  const actor = requireActor(request);
  const user = await loadUser(db, actor.user.id);
  if (!user.totpPendingSecret) {
    throw badRequest(
      'no_pending_enrolment',
      '認証アプリの設定が始まっていません。最初からやり直してください。',
    );
  }
  const step = matchTotp(code, user.totpPendingSecret);
  if (step === null) {
    throw badRequest(
      'invalid_code',
      '確認コードが違います。認証アプリに表示されている6桁の数字を入力してください。',
      [{ path: 'code', message: '確認コードが違います' }],
    );
  }
  const secret = user.totpPendingSecret;
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: secret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step })
      .where(eq(users.id, user.id));
    const codes = await replaceRecoveryCodes(tx, user.id);
    await setSessionStage(tx, actor.sessionId, 'active');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: user.totpEnabled ? 'account.totp_reenrolled' : 'auth.totp_enrolled',
      targetType: 'user',
      targetId: user.id,
    });
    return codes;
  });
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

export async function regenerateRecoveryCodes(request: FastifyRequest, password: string): Promise<string[]> {
  await assertPassword(request, password);
  const { db } = request.server;
  const userId = requireActor(request).user.id;
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, userId);
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'account.recovery_codes_regenerated',
      targetType: 'user',
      targetId: userId,
    });
    return codes;
  });
}

/** Sensitive account changes ask for the password again. */
export async function assertPassword(request: FastifyRequest, password: string): Promise<void> {
  const user = await loadUser(request.server.db, requireActor(request).user.id);
  if (!(await verifyPassword(password, user.passwordHash))) {
    throw badRequest('wrong_password', 'パスワードが違います。', [
      { path: 'password', message: 'パスワードが違います' },
    ]);
  }
}
