// System admin: creating and editing organisations.
import { count, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { organisationCreateRequest, organisationUpdateRequest } from '../../../shared/schemas/admin';
import { memberships, organisations } from '../../db/schema';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { notFound } from '../../platform/errors';
import { organisationToView } from '../organisations/views';

export async function listOrganisations(request: FastifyRequest) {
  const db = request.server.db;
  const rows = await db
    .select({ org: organisations, memberCount: count(memberships.userId) })
    .from(organisations)
    .leftJoin(memberships, eq(memberships.organisationId, organisations.id))
    .groupBy(organisations.id)
    .orderBy(organisations.kana);
  return rows.map((row) => ({ ...organisationToView(row.org), memberCount: row.memberCount }));
}

export async function createOrganisation(
  request: FastifyRequest,
  input: z.infer<typeof organisationCreateRequest>,
) {
  return request.server.db.transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({ ...input, areaId: input.areaId ?? null })
      .returning();
    if (!org) throw new Error('organisation insert returned nothing');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      organisationId: org.id,
      action: 'admin.organisation_created',
      targetType: 'organisation',
      targetId: org.id,
      details: { name: org.name, kind: org.kind },
    });
    return organisationToView(org);
  });
}

export async function updateOrganisation(
  request: FastifyRequest,
  id: string,
  input: z.infer<typeof organisationUpdateRequest>,
) {
  return request.server.db.transaction(async (tx) => {
    const [org] = await tx
      .update(organisations)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(organisations.id, id))
      .returning();
    if (!org) throw notFound('組織が見つかりません。', 'organisation_not_found');
    await appendAudit(tx, {
      ...requestAuditFields(request),
      organisationId: org.id,
      action: 'admin.organisation_updated',
      targetType: 'organisation',
      targetId: org.id,
      details: { fields: Object.keys(input) },
    });
    return organisationToView(org);
  });
}
