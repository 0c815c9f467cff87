// System admin: finding users, granting system roles, disabling accounts.
import { eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Profession, SystemRole } from '../../../shared/identity';
import { readingKey } from '../../../shared/kana';
import { memberships, organisations, users } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';
import { revokeUserSessions } from '../../platform/sessions';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listUsers(request: FastifyRequest, q: string | undefined, ids?: string[]) {
  const db = request.server.db;
  const pattern = q ? `%${escapeLike(q)}%` : undefined;
  // Readings match whatever the script and spacing: きたむら finds キタムラ コズエ.
  const readingPattern = q ? `%${escapeLike(readingKey(q))}%` : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(
      ids
        ? inArray(users.id, ids)
        : pattern
          ? or(
              ilike(users.loginId, pattern),
              ilike(users.displayName, pattern),
              ilike(sql`translate(${users.kana}, ' 　', '')`, readingPattern ?? pattern),
            )
          : undefined,
    )
    .orderBy(users.kana)
    .limit(200);
  const orgRows = rows.length
    ? await db
        .select({
          userId: memberships.userId,
          id: organisations.id,
          name: organisations.name,
          role: memberships.role,
        })
        .from(memberships)
        .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
        .where(
          inArray(
            memberships.userId,
            rows.map((row) => row.id),
          ),
        )
    : [];
  const now = Date.now();
  return rows.map((user) => ({
    id: user.id,
    loginId: user.loginId,
    displayName: user.displayName,
    kana: user.kana,
    profession: user.profession as Profession,
    systemRoles: user.systemRoles as SystemRole[],
    totpEnabled: user.totpEnabled,
    lockedUntil: user.lockedUntil && user.lockedUntil.getTime() > now ? user.lockedUntil.toISOString() : null,
    disabled: user.disabled,
    organisations: orgRows
      .filter((o) => o.userId === user.id)
      .map(({ id, name, role }) => ({ id, name, role })),
  }));
}

async function oneUser(request: FastifyRequest, id: string) {
  const [user] = await listUsers(request, undefined, [id]);
  if (!user) throw notFound('利用者が見つかりません。', 'user_not_found');
  return user;
}

export async function setSystemRoles(request: FastifyRequest, id: string, roles: SystemRole[]) {
  const unique = [...new Set(roles)];
  if (request.actor?.user.id === id && !unique.includes('system_admin')) {
    throw conflict(
      'cannot_demote_self',
      '自分自身のシステム管理者権限は外せません。別のシステム管理者に依頼してください。',
    );
  }
  await request.server.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ roles: users.systemRoles })
      .from(users)
      .where(eq(users.id, id))
      .for('update');
    if (!before) throw notFound('利用者が見つかりません。', 'user_not_found');
    await tx.update(users).set({ systemRoles: unique, updatedAt: new Date() }).where(eq(users.id, id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'admin.system_roles_changed',
      targetType: 'user',
      targetId: id,
      details: { from: before.roles, to: unique },
    });
  });
  return oneUser(request, id);
}

export async function setDisabled(request: FastifyRequest, id: string, disabled: boolean) {
  if (request.actor?.user.id === id && disabled) {
    throw conflict('cannot_disable_self', '自分自身のアカウントは利用停止にできません。');
  }
  await request.server.db.transaction(async (tx) => {
    const updated = await tx
      .update(users)
      .set({ disabled, updatedAt: new Date() })
      .where(eq(users.id, id))
      .returning({ id: users.id });
    if (updated.length === 0) throw notFound('利用者が見つかりません。', 'user_not_found');
    if (disabled) await revokeUserSessions(tx, id);
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: disabled ? 'admin.user_disabled' : 'admin.user_enabled',
      targetType: 'user',
      targetId: id,
    });
  });
  return oneUser(request, id);
}
