// Invite links an organisation admin hands to a new member (no e-mail needed).
import { aliasedTable, and, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { MembershipRole } from '../../../shared/identity';
import { invites, users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { publicBaseUrl } from '../../platform/base-url';
import { randomToken, sha256Hex } from '../../platform/crypto';
import { notFound } from '../../platform/errors';
import { linkStatus, linkUrl } from '../../platform/one-time-links';
import { loadOrganisation } from './members';

const creator = aliasedTable(users, 'creator');
const invitee = aliasedTable(users, 'invitee');

export async function listInvites(request: FastifyRequest, orgId: string) {
  await loadOrganisation(request, orgId);
  const rows = await request.server.db
    .select({
      invite: invites,
      createdByName: creator.displayName,
      usedByName: invitee.displayName,
    })
    .from(invites)
    .leftJoin(creator, eq(creator.id, invites.createdBy))
    .leftJoin(invitee, eq(invitee.id, invites.usedBy))
    .where(eq(invites.organisationId, orgId))
    .orderBy(desc(invites.createdAt))
    .limit(200);
  return rows.map((row) => inviteView(row.invite, row.createdByName, row.usedByName));
}

function inviteView(
  invite: typeof invites.$inferSelect,
  createdByName: string | null,
  usedByName: string | null,
) {
  return {
    id: invite.id,
    role: invite.role as MembershipRole,
    note: invite.note,
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
    status: linkStatus(invite),
    createdByName,
    usedByName,
  };
}

export async function createInvite(
  request: FastifyRequest,
  orgId: string,
  input: { role: MembershipRole; note?: string | undefined; expiresInHours: number },
) {
  await loadOrganisation(request, orgId);
  const token = randomToken();
  const db = request.server.db;
  const invite = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({
        organisationId: orgId,
        tokenHash: sha256Hex(token),
        role: input.role,
        note: input.note ?? null,
        createdBy: request.actor?.user.id ?? null,
        expiresAt: new Date(Date.now() + input.expiresInHours * 3600 * 1000),
      })
      .returning();
    if (!row) throw new Error('invite insert returned nothing');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      organisationId: orgId,
      action: 'organisation.invite_created',
      targetType: 'invite',
      targetId: row.id,
      details: { role: input.role, expiresAt: row.expiresAt.toISOString() },
    });
    return row;
  });
  return {
    invite: inviteView(invite, request.actor?.user.displayName ?? null, null),
    url: linkUrl(publicBaseUrl(request), '/invite', token),
    token,
  };
}

export async function revokeInvite(request: FastifyRequest, orgId: string, inviteId: string) {
  await request.server.db.transaction(async (tx) => {
    const revoked = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invites.id, inviteId),
          eq(invites.organisationId, orgId),
          isNull(invites.usedAt),
          isNull(invites.revokedAt),
        ),
      )
      .returning({ id: invites.id });
    if (revoked.length === 0)
      throw notFound('取り消せる招待が見つかりません（使用済み・取り消し済みを含む）。', 'invite_not_found');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      organisationId: orgId,
      action: 'organisation.invite_revoked',
      targetType: 'invite',
      targetId: inviteId,
    });
  });
}
