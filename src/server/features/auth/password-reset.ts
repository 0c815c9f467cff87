// A member whose password or authenticator was lost opens the reset link an admin gave them, sets a new
// password and enrols TOTP again. Every earlier session of theirs ends.
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { passwordResets, users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import { linkGone, linkStatus } from '../../platform/one-time-links';
import { hashPassword } from '../../platform/passwords';
import { createSession } from '../../platform/sessions';
import { assertStrongPassword, revokeCredentials } from '../account/users';

const resetNotFound = () =>
  notFound(
    '再設定リンクが見つかりません。リンクを最後まで正しく開いたか確認してください。',
    'password_reset_not_found',
  );

export async function previewPasswordReset(request: FastifyRequest, token: string) {
  const [row] = await request.server.db
    .select({
      expiresAt: passwordResets.expiresAt,
      usedAt: passwordResets.usedAt,
      revokedAt: passwordResets.revokedAt,
      displayName: users.displayName,
      loginId: users.loginId,
    })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, sha256Hex(token)));
  if (!row) throw resetNotFound();
  return {
    displayName: row.displayName,
    loginId: row.loginId,
    expiresAt: row.expiresAt.toISOString(),
    status: linkStatus(row),
  };
}

export async function completePasswordReset(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  password: string,
): Promise<void> {
  const { db, config } = request.server;
  await db.transaction(async (tx) => {
    const [reset] = await tx
      .select()
      .from(passwordResets)
      .where(eq(passwordResets.tokenHash, sha256Hex(token)))
      .for('update');
    if (!reset) throw resetNotFound();
    const status = linkStatus(reset);
    if (status !== 'valid') throw linkGone('password_reset', status);
    const [user] = await tx.select().from(users).where(eq(users.id, reset.userId));
    if (!user) throw resetNotFound();
    assertStrongPassword(password, [user.loginId]);
    await revokeCredentials(tx, user.id, await hashPassword(password, config.scryptCost));
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.id, reset.id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      actorUserId: user.id,
      action: 'account.password_reset_completed',
      targetType: 'user',
      targetId: user.id,
    });
    await createSession(tx, config, request, reply, user.id, 'totp_enrolment_required');
  });
}
