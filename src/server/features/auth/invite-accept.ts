// A new member opens a one-time invite link, sets up an account and lands in TOTP enrolment.
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { NewAccountFields } from '../../../shared/schemas/auth';
import type { Tx } from '../../db/client';
import { invites, memberships, organisations } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { sha256Hex } from '../../platform/crypto';
import { conflict, notFound } from '../../platform/errors';
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

/** The invite row, locked for the transaction: two people opening one link cannot both use it. */
async function claimInvite(tx: Tx, token: string) {
  const [invite] = await tx
    .select()
    .from(invites)
    .where(eq(invites.tokenHash, sha256Hex(token)))
    .for('update');
  if (!invite) throw inviteNotFound();
  const status = linkStatus(invite);
  if (status !== 'valid') throw linkGone('invite', status);
  return invite;
}

async function joinOrganisation(
  tx: Tx,
  request: FastifyRequest,
  invite: typeof invites.$inferSelect,
  userId: string,
  loginId: string,
): Promise<void> {
  await tx.insert(memberships).values({ userId, organisationId: invite.organisationId, role: invite.role });
  await tx.update(invites).set({ usedAt: new Date(), usedBy: userId }).where(eq(invites.id, invite.id));
  await appendAudit(tx, {
    ...requestAuditFields(request),
    actorUserId: userId,
    organisationId: invite.organisationId,
    action: 'invite.accepted',
    targetType: 'invite',
    targetId: invite.id,
    details: { role: invite.role, loginId },
  });
}

/** A newcomer: the account is created with the membership, and enrolment comes next. */
export async function acceptInvite(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  fields: NewAccountFields,
): Promise<void> {
  const { db, config } = request.server;
  await db.transaction(async (tx) => {
    const invite = await claimInvite(tx, token);
    const userId = await createUser(tx, config, fields);
    await joinOrganisation(tx, request, invite, userId, fields.loginId);
    await createSession(tx, config, request, reply, userId, 'totp_enrolment_required');
  });
}

/** Someone already signed in (working for a second organisation) joins with their own account. */
export async function acceptInviteAsMember(request: FastifyRequest, token: string): Promise<string> {
  const actor = requireActor(request);
  return request.server.db.transaction(async (tx) => {
    const invite = await claimInvite(tx, token);
    const [existing] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(eq(memberships.userId, actor.user.id), eq(memberships.organisationId, invite.organisationId)),
      );
    if (existing)
      throw conflict(
        'already_member',
        'あなたは既にこの組織のメンバーです。このリンクは使わずに、管理者に取り消しを依頼してください。',
      );
    await joinOrganisation(tx, request, invite, actor.user.id, actor.user.loginId);
    return invite.organisationId;
  });
}
