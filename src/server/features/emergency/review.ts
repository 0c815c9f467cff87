// The center's side of the EMS path: every look-up on a review list (found or not; break-glass
// searches wait for an outcome, recorded with a note), and the indicators of scenes 3 and 4 — kits
// issued per month and area, ACP discussions per month, look-ups per month and method. No patient
// names: a review needs the initials, the age and the area, nothing more.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ageOn } from '../../../shared/dates';
import { initialsOf } from '../../../shared/forms/values';
import type { Indicators, ReviewItem, ReviewList, ReviewRequest } from '../../../shared/schemas/emergency';
import { queryRows } from '../../db/client';
import { areas, emergencyAccesses, organisations, patients } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { conflict, notFound } from '../../platform/errors';
import { nameOfUser } from '../admission/live';
import { accessNoticeOf } from './sheet';

/** Who reviews EMS look-ups, and who reads the list and the indicators. */
export const REVIEWERS = ['center_staff'] as const;
export const REVIEW_READERS = ['center_staff', 'city_staff'] as const;

const pendingReview = and(eq(emergencyAccesses.method, 'search'), isNull(emergencyAccesses.reviewOutcome));

export async function reviewList(request: FastifyRequest, status: 'pending' | 'all'): Promise<ReviewList> {
  const db = request.server.db;
  const [rows, [count]] = await Promise.all([
    db
      .select({
        row: emergencyAccesses,
        crew: nameOfUser(emergencyAccesses.userId),
        reviewedBy: nameOfUser(emergencyAccesses.reviewedBy),
        organisation: organisations.name,
        patientName: patients.name,
        patientKana: patients.kana,
        birthDate: patients.birthDate,
        area: areas.name,
      })
      .from(emergencyAccesses)
      .leftJoin(organisations, eq(organisations.id, emergencyAccesses.organisationId))
      .leftJoin(patients, eq(patients.id, emergencyAccesses.patientId))
      .leftJoin(areas, eq(areas.id, patients.areaId))
      .where(status === 'pending' ? pendingReview : undefined)
      .orderBy(desc(emergencyAccesses.at))
      .limit(200),
    db.select({ n: sql<number>`count(*)::int` }).from(emergencyAccesses).where(pendingReview),
  ]);
  const items: ReviewItem[] = rows.map(({ row, crew, reviewedBy, organisation, ...p }) => ({
    ...accessNoticeOf(row, crew, organisation),
    found: row.found,
    patient:
      p.patientName && p.birthDate
        ? {
            initials: initialsOf(p.patientName, p.patientKana ?? undefined),
            age: ageOn(p.birthDate),
            area: p.area,
          }
        : null,
    needsReview: row.method === 'search',
    outcome: row.reviewOutcome as ReviewItem['outcome'],
    reviewNote: row.reviewNote,
    reviewedBy,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  }));
  return { items, pending: count?.n ?? 0 };
}

/** Records the review of a look-up (once: a second review is a 409). */
export async function reviewAccess(
  request: FastifyRequest,
  id: string,
  body: ReviewRequest,
): Promise<ReviewList> {
  const userId = requireActor(request).user.id;
  await request.server.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ outcome: emergencyAccesses.reviewOutcome })
      .from(emergencyAccesses)
      .where(eq(emergencyAccesses.id, id))
      .for('update');
    if (!row)
      throw notFound('この閲覧の記録は見つかりません。一覧を読み込み直してください。', 'access_not_found');
    if (row.outcome)
      throw conflict(
        'access_already_reviewed',
        'この閲覧はすでに確認されています。一覧を読み込み直してください。',
      );
    await tx
      .update(emergencyAccesses)
      .set({
        reviewOutcome: body.outcome,
        reviewNote: body.note || null,
        reviewedBy: userId,
        reviewedAt: new Date(),
      })
      .where(eq(emergencyAccesses.id, id));
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'emergency.review',
      targetType: 'emergency_access',
      targetId: id,
      details: { outcome: body.outcome },
    });
  });
  return reviewList(request, 'pending');
}

export async function indicatorsOf(request: FastifyRequest, year: number): Promise<Indicators> {
  const db = request.server.db;
  const prefix = `${year}-%`;
  const [kits, acp, accesses] = await Promise.all([
    queryRows<{ month: string; area: string | null; count: number }>(
      db,
      sql`SELECT substr(k.issued_on, 1, 7) AS month, a.name AS area, count(*)::int AS count
        FROM emergency_kits k LEFT JOIN areas a ON a.id = k.area_id
        WHERE k.issued_on LIKE ${prefix} GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
    queryRows<{ month: string; discussions: number; patients: number }>(
      db,
      sql`SELECT substr(discussed_on, 1, 7) AS month, count(*)::int AS discussions,
          count(DISTINCT patient_id)::int AS patients
        FROM acp_records WHERE status = 'confirmed' AND discussed_on LIKE ${prefix} GROUP BY 1 ORDER BY 1`,
    ),
    queryRows<{ month: string; method: string; count: number }>(
      db,
      sql`SELECT to_char(at AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM') AS month, method, count(*)::int AS count
        FROM emergency_accesses WHERE to_char(at AT TIME ZONE 'Asia/Tokyo', 'YYYY') = ${String(year)}
        GROUP BY 1, 2 ORDER BY 1, 2`,
    ),
  ]);
  return { year, kits, acp, accesses };
}
