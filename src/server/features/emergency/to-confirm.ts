// The yearly check of the 救急医療情報 sheets (forms.md §5): on a member's home page, the sheets of the
// patients of their open teams that have not been gone through with the person for a year — or will
// not have been within 30 days — the longest waiting first. A sheet never confirmed counts from the day
// it was saved. Only patients the member may see (platform/patient-access.ts), and the list is audited.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addCalendarDays, todayInJapan } from '../../../shared/dates';
import {
  CONFIRM_SOON_DAYS,
  confirmationDueOn,
  confirmationTiming,
  type SheetToConfirm,
} from '../../../shared/schemas/emergency';
import { careTeams, emergencySheets, patients } from '../../db/schema';
import { requireActor } from '../../platform/access';
import { actorMember, auditListShown, visibleTeamsOf } from '../../platform/patient-access';

const LIST_LIMIT = 20;

const lastCheckedOn = sql<string>`COALESCE(${emergencySheets.confirmedOn},
  to_char(${emergencySheets.savedAt} AT TIME ZONE 'Asia/Tokyo', 'YYYY-MM-DD'))`;
/** A year after, as confirmationDueOn counts it (PostgreSQL too makes 29 February the 28th). */
const dueOn = sql<string>`to_char((${lastCheckedOn})::date + interval '1 year', 'YYYY-MM-DD')`;

export async function sheetsToConfirm(
  request: FastifyRequest,
): Promise<{ items: SheetToConfirm[]; more: boolean }> {
  const userId = requireActor(request).user.id;
  const today = todayInJapan();
  // From the member's own teams (as the home page's team list), each patient once.
  const rows = await request.server.db
    .selectDistinct({
      patientId: patients.id,
      patientName: patients.name,
      kanaKey: patients.kanaKey,
      confirmedOn: emergencySheets.confirmedOn,
      lastCheckedOn,
    })
    .from(careTeams)
    .innerJoin(actorMember, eq(actorMember.teamId, careTeams.id))
    .innerJoin(patients, eq(patients.id, careTeams.patientId))
    .innerJoin(emergencySheets, eq(emergencySheets.patientId, patients.id))
    .where(
      and(
        visibleTeamsOf(userId),
        eq(careTeams.status, 'open'),
        sql`${dueOn} <= ${addCalendarDays(today, CONFIRM_SOON_DAYS)}`,
      ),
    )
    .orderBy(asc(lastCheckedOn), asc(patients.kanaKey))
    .limit(LIST_LIMIT + 1);
  const shown = rows.slice(0, LIST_LIMIT);
  if (shown.length > 0)
    await auditListShown(
      request,
      'emergency.to_confirm',
      shown.map((row) => row.patientId),
    );
  return {
    more: rows.length > LIST_LIMIT,
    items: shown.flatMap((row) => {
      const timing = confirmationTiming(row.lastCheckedOn, today);
      return timing
        ? [
            {
              patientId: row.patientId,
              patientName: row.patientName,
              lastCheckedOn: row.lastCheckedOn,
              confirmed: row.confirmedOn !== null,
              dueOn: confirmationDueOn(row.lastCheckedOn),
              timing,
            },
          ]
        : [];
    }),
  };
}
