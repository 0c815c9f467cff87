// Shared steps of the directory-maintenance tests (not a test file itself).
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestApp, TestClient } from '../../../../tests/support/test-app';
import type { PointMaintenanceView } from '../../../shared/schemas/directory-maintenance';
import { servicePoints, sessions } from '../../db/schema';
import { sha256Hex } from '../../platform/crypto';

export async function pointId(t: TestApp, name: string): Promise<string> {
  const [row] = await t.database.db
    .select({ id: servicePoints.id })
    .from(servicePoints)
    .where(eq(servicePoints.name, name));
  if (!row) throw new Error(`no service point ${name}`);
  return row.id;
}

export async function organisationOf(t: TestApp, id: string): Promise<string> {
  const [row] = await t.database.db
    .select({ organisationId: servicePoints.organisationId })
    .from(servicePoints)
    .where(eq(servicePoints.id, id));
  if (!row?.organisationId) throw new Error(`service point ${id} has no organisation`);
  return row.organisationId;
}

/** The edit view as a maintainer reads it (expects 200). */
export async function maintenance(client: TestClient, id: string): Promise<PointMaintenanceView> {
  const response = await client.get(`/api/directory/points/${id}/maintenance`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PointMaintenanceView;
}

/** A client whose session (only this one) has passed its absolute lifetime. */
export async function expiredClient(t: TestApp, loginId: string): Promise<TestClient> {
  const client = await t.signIn(loginId);
  await t.database.db
    .update(sessions)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(sessions.id, sha256Hex(client.cookie ?? '')));
  return client;
}

/** The messages of a 400's field details, joined, for matching. */
export const detailMessages = (body: { error: { details?: { message: string }[] } }) =>
  (body.error.details ?? []).map((detail) => detail.message).join(' / ');
