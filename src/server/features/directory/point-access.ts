// Who maintains a service point: the admins of the organisation that runs it, and the support center
// (center_staff, any entry); system admins step in like an organisation admin. A point's existence is
// public (the directory shows it), so a reader without the right gets 403, not 404.
import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { servicePoints } from '../../db/schema';
import { access, hasSystemRole, membershipRole } from '../../platform/access';
import { forbidden, notFound } from '../../platform/errors';

/** The support center approves changes and edits any entry at once. */
export const isCenterStaff = (request: FastifyRequest) => hasSystemRole(request.actor, ['center_staff']);

async function organisationOfPoint(request: FastifyRequest, id: string): Promise<string | null> {
  const [row] = await request.server.db
    .select({ organisationId: servicePoints.organisationId })
    .from(servicePoints)
    .where(eq(servicePoints.id, id));
  if (!row)
    throw notFound(
      'この事業所・施設は見つかりません。一覧から選び直してください。',
      'service_point_not_found',
    );
  return row.organisationId;
}

/** Whether the actor may maintain the point (404 when there is no such point). */
export async function canMaintainPoint(request: FastifyRequest, id: string): Promise<boolean> {
  const organisationId = await organisationOfPoint(request, id);
  if (hasSystemRole(request.actor, ['center_staff', 'system_admin'])) return true;
  return organisationId !== null && (await membershipRole(request, organisationId)) === 'admin';
}

/** The rule of every route that changes or shows the maintenance side of the point `:id`. */
export const pointMaintainer = access.policy(
  'admin of the organisation that maintains the service point :id, or center_staff|system_admin (others 403)',
  async (request) => {
    const { id } = request.params as { id: string };
    if (await canMaintainPoint(request, id)) return true;
    throw forbidden(
      'この事業所・施設の情報を変更できるのは、運営する組織の管理者と在宅医療・介護連携支援センターだけです。',
      'not_point_maintainer',
    );
  },
);
