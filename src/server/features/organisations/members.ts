// An organisation's members: listing, role changes, removal, password resets and unlocking.
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { FastifyRequest } from 'fastify';
import type { MembershipRole, Profession } from '../../../shared/identity';
import type { Tx } from '../../db/client';
import { memberships, organisations, passwordResets, users } from '../../db/schema';
import { hasSystemRole } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { publicBaseUrl } from '../../platform/base-url';
import { randomToken, sha256Hex } from '../../platform/crypto';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { linkUrl } from '../../platform/one-time-links';
import { revokeUserSessions } from '../../platform/sessions';
import { revokeCredentials } from '../account/users';
import { organisationToView } from './views';

const RESET_LINK_HOURS = 24;

export async function loadOrganisation(request: FastifyRequest, orgId: string) {
  const [org] = await request.server.db.select().from(organisations).where(eq(organisations.id, orgId));
  if (!org) throw notFound('組織が見つかりません。', 'organisation_not_found');
  return org;
}

export async function listMembers(request: FastifyRequest, orgId: string) {
  const org = await loadOrganisation(request, orgId);
  const rows = await request.server.db
    .select({
      userId: users.id,
      loginId: users.loginId,
      displayName: users.displayName,
      kana: users.kana,
      profession: users.profession,
      role: memberships.role,
      totpEnabled: users.totpEnabled,
      lockedUntil: users.lockedUntil,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, orgId))
    .orderBy(users.kana);
  const now = Date.now();
  return {
    organisation: organisationToView(org),
    members: rows.map((row) => ({
      ...row,
      profession: row.profession as Profession,
      role: row.role as MembershipRole,
      lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > now ? row.lockedUntil.toISOString() : null,
      joinedAt: row.joinedAt.toISOString(),
    })),
  };
}

export const membershipOf = (orgId: string, userId: string | AnyPgColumn) =>
  and(eq(memberships.organisationId, orgId), eq(memberships.userId, userId));

/** Every change to a member is audited with the organisation and the member as target. */
function auditMemberChange(
  tx: Tx,
  request: FastifyRequest,
  orgId: string,
  userId: string,
  action: string,
  details?: Record<string, unknown>,
) {
  return appendAudit(tx, {
    ...requestAuditFields(request),
    organisationId: orgId,
    action: `organisation.${action}`,
    targetType: 'user',
    targetId: userId,
    details: details ?? null,
  });
}

/** The membership row, locked; 404 when the user is not a member of this organisation. */
async function lockMembership(tx: Tx, orgId: string, userId: string) {
  const [row] = await tx.select().from(memberships).where(membershipOf(orgId, userId)).for('update');
  if (!row) throw notFound('この組織のメンバーではありません。', 'member_not_found');
  return row;
}

/** Refuses to leave an organisation without any admin: nobody could manage it any more. */
async function assertAnotherAdmin(tx: Tx, orgId: string, userId: string): Promise<void> {
  const others = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, orgId),
        eq(memberships.role, 'admin'),
        ne(memberships.userId, userId),
      ),
    )
    .for('update');
  if (others.length === 0) {
    throw conflict(
      'last_admin',
      '組織管理者が一人もいなくなるため、この操作はできません。先に別のメンバーを管理者にしてください。',
    );
  }
}

export async function changeMemberRole(
  request: FastifyRequest,
  orgId: string,
  userId: string,
  role: MembershipRole,
) {
  await request.server.db.transaction(async (tx) => {
    const member = await lockMembership(tx, orgId, userId);
    if (member.role === role) return;
    if (member.role === 'admin') await assertAnotherAdmin(tx, orgId, userId);
    await tx.update(memberships).set({ role }).where(membershipOf(orgId, userId));
    await auditMemberChange(tx, request, orgId, userId, 'member_role_changed', {
      from: member.role,
      to: role,
    });
  });
}

/** Removal takes effect at once: the member's sessions end with it. */
export async function removeMember(request: FastifyRequest, orgId: string, userId: string) {
  await request.server.db.transaction(async (tx) => {
    const member = await lockMembership(tx, orgId, userId);
    if (member.role === 'admin') await assertAnotherAdmin(tx, orgId, userId);
    await tx.delete(memberships).where(membershipOf(orgId, userId));
    await revokeUserSessions(tx, userId);
    await auditMemberChange(tx, request, orgId, userId, 'member_removed', { role: member.role });
  });
}

/** Only a system admin may reset an account that holds system roles. */
async function assertMayManageAccount(tx: Tx, request: FastifyRequest, userId: string): Promise<void> {
  const [target] = await tx
    .select({ systemRoles: users.systemRoles })
    .from(users)
    .where(eq(users.id, userId));
  if (target && target.systemRoles.length > 0 && !hasSystemRole(request.actor, ['system_admin'])) {
    throw forbidden('システム権限を持つアカウントは、システム管理者だけが再設定できます。');
  }
}

export async function createPasswordReset(request: FastifyRequest, orgId: string, userId: string) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600 * 1000);
  await request.server.db.transaction(async (tx) => {
    await lockMembership(tx, orgId, userId);
    await assertMayManageAccount(tx, request, userId);
    // A new link replaces any earlier one still open.
    await tx
      .update(passwordResets)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(passwordResets.userId, userId),
          isNull(passwordResets.usedAt),
          isNull(passwordResets.revokedAt),
        ),
      );
    await tx.insert(passwordResets).values({
      userId,
      tokenHash: sha256Hex(token),
      createdBy: request.actor?.user.id ?? null,
      expiresAt,
    });
    await revokeCredentials(tx, userId);
    await auditMemberChange(tx, request, orgId, userId, 'member_password_reset_issued');
  });
  return { url: linkUrl(publicBaseUrl(request), '/reset', token), token, expiresAt: expiresAt.toISOString() };
}

export async function unlockMember(request: FastifyRequest, orgId: string, userId: string) {
  await request.server.db.transaction(async (tx) => {
    await lockMembership(tx, orgId, userId);
    await tx.update(users).set({ lockedUntil: null, failedLoginCount: 0 }).where(eq(users.id, userId));
    await auditMemberChange(tx, request, orgId, userId, 'member_unlocked');
  });
}
