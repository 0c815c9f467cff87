// WebAuthn passkeys: registered from the account page (password asked again), used instead of a TOTP
// code at sign-in. The challenge waits on the session row, so any process can finish the ceremony.
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { and, count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { DbOrTx } from '../../db/client';
import { passkeys, sessions } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { publicBaseUrl } from '../../platform/base-url';
import { AppError, badRequest, notFound } from '../../platform/errors';
import { setSessionStage } from '../../platform/sessions';
import { clearSignInFailures, registerSignInFailure } from '../account/users';
import { accountLocked } from './lockout';
import { assertPassword } from './second-factor';

const RP_NAME = 'Tsunagu';

/** The relying party is the site people use: PUBLIC_URL's host, else the request's. */
function relyingParty(request: FastifyRequest) {
  const origin = publicBaseUrl(request);
  return { origin, rpID: new URL(origin).hostname };
}

async function rememberChallenge(db: DbOrTx, sessionId: string, challenge: string | null) {
  await db.update(sessions).set({ webauthnChallenge: challenge }).where(eq(sessions.id, sessionId));
}

/** Takes the session's pending challenge; a challenge is good for one attempt only. */
async function takeChallenge(db: DbOrTx, sessionId: string): Promise<string> {
  const [row] = await db
    .select({ challenge: sessions.webauthnChallenge })
    .from(sessions)
    .where(eq(sessions.id, sessionId));
  await rememberChallenge(db, sessionId, null);
  if (!row?.challenge)
    throw badRequest(
      'no_pending_passkey',
      'パスキーの操作が始まっていません。もう一度最初からお試しください。',
    );
  return row.challenge;
}

export async function hasPasskey(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
  return (row?.n ?? 0) > 0;
}

export async function listPasskeys(request: FastifyRequest) {
  const rows = await request.server.db
    .select()
    .from(passkeys)
    .where(eq(passkeys.userId, requireActor(request).user.id))
    .orderBy(passkeys.createdAt);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  }));
}

export async function startPasskeyRegistration(request: FastifyRequest, password: string) {
  await assertPassword(request, password);
  const actor = requireActor(request);
  const db = request.server.db;
  const existing = await db.select().from(passkeys).where(eq(passkeys.userId, actor.user.id));
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(request).rpID,
    userName: actor.user.loginId,
    userDisplayName: actor.user.displayName,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  await rememberChallenge(db, actor.sessionId, options.challenge);
  return { ...options }; // a plain object type: the library's interface has no index signature
}

export async function finishPasskeyRegistration(request: FastifyRequest, name: string, response: unknown) {
  const actor = requireActor(request);
  const db = request.server.db;
  const expectedChallenge = await takeChallenge(db, actor.sessionId);
  const { origin, rpID } = relyingParty(request);
  const verification = await verifyRegistrationResponse({
    response: response as RegistrationResponseJSON,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified || !verification.registrationInfo) {
    throw badRequest('passkey_not_verified', 'パスキーを確認できませんでした。もう一度お試しください。');
  }
  const { credential } = verification.registrationInfo;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(passkeys)
      .values({
        userId: actor.user.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports ?? [],
        name,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError(409, 'passkey_exists', 'このパスキーは既に登録されています。');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'account.passkey_registered',
      targetType: 'user',
      targetId: actor.user.id,
      details: { name },
    });
    return { id: row.id, name: row.name, createdAt: row.createdAt.toISOString(), lastUsedAt: null };
  });
}

export async function deletePasskey(request: FastifyRequest, passkeyId: string) {
  const actor = requireActor(request);
  await request.server.db.transaction(async (tx) => {
    const removed = await tx
      .delete(passkeys)
      .where(and(eq(passkeys.id, passkeyId), eq(passkeys.userId, actor.user.id)))
      .returning({ name: passkeys.name });
    if (removed.length === 0) throw notFound('そのパスキーは見つかりません。', 'passkey_not_found');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'account.passkey_removed',
      targetType: 'user',
      targetId: actor.user.id,
      details: { name: removed[0]?.name },
    });
  });
}

export async function startPasskeySignIn(request: FastifyRequest) {
  const actor = requireActor(request);
  const db = request.server.db;
  const mine = await db.select().from(passkeys).where(eq(passkeys.userId, actor.user.id));
  if (mine.length === 0)
    throw notFound(
      'このアカウントにはパスキーが登録されていません。確認コードを入力してください。',
      'no_passkeys',
    );
  const options = await generateAuthenticationOptions({
    rpID: relyingParty(request).rpID,
    allowCredentials: mine.map((p) => ({ id: p.credentialId })),
    userVerification: 'preferred',
  });
  await rememberChallenge(db, actor.sessionId, options.challenge);
  return { ...options }; // a plain object type: the library's interface has no index signature
}

/** Second step of sign-in with a passkey; failures count toward the lockout like wrong codes. */
export async function finishPasskeySignIn(request: FastifyRequest, response: AuthenticationResponseJSON) {
  const actor = requireActor(request);
  const { db, config } = request.server;
  const audit = { ...requestAuditFields(request), targetType: 'user', targetId: actor.user.id };
  const expectedChallenge = await takeChallenge(db, actor.sessionId);
  const [stored] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, actor.user.id), eq(passkeys.credentialId, response.id)));
  const { origin, rpID } = relyingParty(request);
  const verification = stored
    ? await verifyAuthenticationResponse({
        response,
        expectedChallenge,
        expectedOrigin: origin,
        expectedRPID: rpID,
        credential: {
          id: stored.credentialId,
          publicKey: Buffer.from(stored.publicKey, 'base64url'),
          counter: stored.counter,
        },
        requireUserVerification: false,
      }).catch(() => null)
    : null;
  if (!stored || !verification?.verified) {
    const lockedUntil = await registerSignInFailure(db, config, actor.user.id);
    await appendAudit(db, {
      ...audit,
      action: lockedUntil ? 'auth.lockout' : 'auth.second_factor_failed',
      details: { method: 'passkey' },
    });
    if (lockedUntil) throw accountLocked(lockedUntil);
    throw new AppError(
      401,
      'passkey_not_verified',
      'パスキーを確認できませんでした。もう一度お試しいただくか、確認コードを入力してください。',
    );
  }
  await db.transaction(async (tx) => {
    await tx
      .update(passkeys)
      .set({ counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() })
      .where(eq(passkeys.id, stored.id));
    await clearSignInFailures(tx, actor.user.id);
    await setSessionStage(tx, actor.sessionId, 'active');
    await appendAudit(tx, {
      ...audit,
      action: 'auth.login',
      details: { method: 'passkey', passkey: stored.name },
    });
  });
}
