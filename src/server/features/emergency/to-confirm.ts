// The yearly check of the 救急医療情報 sheets (forms.md §5): on a member's home page, the sheets of the
// patients of their open teams that have not been gone through with the person for a year — or will
// not have been within 30 days — the longest waiting first. A sheet never confirmed counts from the day
// it was saved. Only patients the member may see (platform/patient-access.ts), and the list is audited.
import { and, asc, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addCalendarDays, addYears, todayInJapan } from '../../../shared/dates';
import {
  CONFIRM_SOON_DAYS,
  confirmationDueOn,
  confirmationTiming,
  type SheetToConfirm,
} from '../../../shared/schemas/emergency';
import { emergencySheets, patients } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { auditPatientAccess, visibleTeamsOf } from '../../platform/patient-access';

const LIST_LIMIT = 20;

const lastCheckedOn = sql<string>`COALESCE(${emergencySheets.confirmedOn},
  to_char(${emergencySheets.savedAt} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD'))`;

export async function sheetsToConfirm(
  request: FastifyRequest,
): Promise<{ items: SheetToConfirm[]; more: boolean }> {
  const userId = requireActor(request).user.id;
  const today = todayInJapan();
  // Due within the window: last checked on or before a year before its end (dates compare as text).
  const checkedBy = addYears(addCalendarDays(today, CONFIRM_SOON_DAYS), -1);
  const rows = await request.server.db
    .select({
      patientId: patients.id,
      patientName: patients.name,
      organisationId: patients.organisationId,
      confirmedOn: emergencySheets.confirmedOn,
      lastCheckedOn,
    })
    .from(emergencySheets)
    .innerJoin(patients, sql`${patients.id} = ${emergencySheets.patientId}`)
    .where(
      and(
        sql`EXISTS (SELECT 1 FROM care_teams t JOIN care_team_members m ON m.team_id = t.id
          WHERE t.patient_id = ${patients.id} AND t.status = 'open' AND ${visibleTeamsOf(userId)})`,
        sql`${lastCheckedOn} <= ${checkedBy}`,
      ),
    )
    .orderBy(asc(lastCheckedOn), asc(patients.kanaKey))
    .limit(LIST_LIMIT + 1);
  const shown = rows.slice(0, LIST_LIMIT);
  if (shown.length > 0)
    await auditPatientAccess(
      request.server.db,
      request,
      'emergency.to_confirm',
      { id: null, organisationId: null },
      { shown: shown.map((row) => row.patientId) },
    );
  return {
    more: rows.length > LIST_LIMIT,
    items: shown.map((row) => ({
      patientId: row.patientId,
      patientName: row.patientName,
      lastCheckedOn: row.lastCheckedOn,
      confirmed: row.confirmedOn !== null,
      dueOn: confirmationDueOn(row.lastCheckedOn),
      // The query found it due within the window, so it has a timing.
      timing: confirmationTiming(row.lastCheckedOn, today) ?? 'due_soon',
    })),
  };
}
