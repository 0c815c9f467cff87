// A new member opens a one-time invite link, sets up an account and lands in TOTP enrolment.
import { eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewAccountFields } from '../../../shared/schemas/auth';
import { invites, memberships, organisations } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import { linkGone, linkStatus } from '../../platform/one-time-links';
import { createSession } from '../../platform/sessions';
import { createUser } from '../account/users';

const inviteNotFound = () =>
  notFound(
    '招待リンクが見つかりません。リンクを最後まで正しく開いたか確認してください。',
    'invite_not_found',
  );

export async function previewInvite(request: FastifyRequest, token: string) {
  const [row] = await request.server.db
    .select({
      role: invites.role,
      expiresAt: invites.expiresAt,
      usedAt: invites.usedAt,
      revokedAt: invites.revokedAt,
      organisationName: organisations.name,
    })
    .from(invites)
    .innerJoin(organisations, eq(organisations.id, invites.organisationId))
    .where(eq(invites.tokenHash, sha256Hex(token)));
  if (!row) throw inviteNotFound();
  return {
    organisationName: row.organisationName,
    role: row.role as 'member' | 'admin',
    expiresAt: row.expiresAt.toISOString(),
    status: linkStatus(row),
  };
}

export async function acceptInvite(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  fields: NewAccountFields,
): Promise<void> {
  const { db, config } = request.server;
  await db.transaction(async (tx) => {
    // Locked for the transaction: two people opening the same link cannot both use it.
    const [invite] = await tx
      .select()
      .from(invites)
      .where(eq(invites.tokenHash, sha256Hex(token)))
      .for('update');
    if (!invite) throw inviteNotFound();
    const status = linkStatus(invite);
    if (status !== 'valid') throw linkGone('invite', status);
    const userId = await createUser(tx, config, fields);
    await tx.insert(memberships).values({ userId, organisationId: invite.organisationId, role: invite.role });
    await tx.update(invites).set({ usedAt: new Date(), usedBy: userId }).where(eq(invites.id, invite.id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      actorUserId: userId,
      organisationId: invite.organisationId,
      action: 'invite.accepted',
      targetType: 'invite',
      targetId: invite.id,
      details: { role: invite.role, loginId: fields.loginId },
    });
    await createSession(tx, config, request, reply, userId, 'totp_enrolment_required');
  });
}
