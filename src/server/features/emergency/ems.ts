// The EMS path: an ambulance crew member (system role EMS, member of a fire-department organisation,
// signed in with the second factor) opens a patient's emergency sheet by the card's QR token or short
// code, or — with no card at hand — by a break-glass search on the full name and birth date. Each
// look-up states a reason, is recorded (emergency_accesses) and audited, and the care team is told.
// Only a patient whose consent to EMS access is in force, with a saved sheet, is ever shown; for
// everyone else — unknown or revoked card, no consent, no sheet — the answer is the same 404 after
// the same single query, so nothing can be told apart. Failed look-ups lock the address (and the
// account) out for a while; searches are limited per crew member and always wait for the center's
// review.
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ageOn } from '../../../shared/dates';
import type { FormValues } from '../../../shared/forms/definition';
import { emergencyInfoSheet } from '../../../shared/forms/emergency-info-sheet';
import type { EmsLookupRequest, EmsSearchRequest, EmsSheet } from '../../../shared/schemas/emergency';
import { normalizeForSearch } from '../../../shared/search-text';
import { type DbOrTx, preparedOnce, queryRows } from '../../db/client';
import {
  emergencyAccesses,
  emergencyKits,
  emergencySheets,
  memberships,
  organisations,
  patients,
} from '../../db/schema';
import { type AccessRule, access, requireActor } from '../../platform/access';
import { auditRequest, requestAuditFields } from '../../platform/audit';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors';
import { auditPatientAccess, consentInForce } from '../../platform/patient-access';
import { tellPatientTeams } from '../teams/live';
import { codeHash, tokenHash } from './kits';
import { wishesOf } from './sheet';

/** Failed look-ups from one address (or by one account) before a lockout, and its length. */
const LOCK_FAILURES = 10;
const LOCK_MINUTES = 15;
/** Break-glass searches per crew member in the window, and the most people one search shows. */
const SEARCH_LIMIT = 5;
const SEARCH_WINDOW_MINUTES = 15;
const SEARCH_RESULTS = 3;

const crewOrganisations = new WeakMap<FastifyRequest, string>();

/** The actor's fire-department organisation (null: not one's member). */
async function fireDepartmentOf(request: FastifyRequest): Promise<string | null> {
  const actor = request.actor;
  if (!actor) return null;
  const [row] = await request.server.db
    .select({ id: organisations.id })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(and(eq(memberships.userId, actor.user.id), eq(organisations.kind, 'fire_department')))
    .orderBy(organisations.id)
    .limit(1);
  return row?.id ?? null;
}

/** Who may take the EMS path. Anyone else is refused (403), and the refusal is audited. */
export const emsCrew: AccessRule = access.policy(
  'EMS crew: system role ems and a member of a fire-department organisation (refusals audited)',
  async (request) => {
    const organisationId = request.actor?.user.systemRoles.includes('ems')
      ? await fireDepartmentOf(request)
      : null;
    if (organisationId) {
      crewOrganisations.set(request, organisationId);
      return true;
    }
    await auditRequest(request.server.db, request, {
      ...requestAuditFields(request),
      action: 'emergency.refused',
      details: { path: request.routeOptions.url },
    });
    throw forbidden('救急医療情報を開けるのは、消防局・消防署の救急隊のアカウントだけです。', 'not_ems_crew');
  },
);

const notShared = () =>
  notFound(
    '共有されている救急医療情報はありません。ご本人・ご家族や、かかりつけ医に確認してください。',
    'emergency_not_shared',
  );

/** Refused while the address or the account has failed too often lately. */
async function checkLockout(request: FastifyRequest): Promise<void> {
  const [row] = await queryRows<{ failures: number }>(
    request.server.db,
    sql`SELECT count(*)::int AS failures FROM emergency_accesses
      WHERE NOT found AND at > now() - make_interval(mins => ${LOCK_MINUTES})
        AND (ip = ${request.ip} OR user_id = ${requireActor(request).user.id})`,
  );
  if ((row?.failures ?? 0) >= LOCK_FAILURES)
    throw new AppError(
      429,
      'emergency_locked',
      `読み取りの失敗が続いたため、${LOCK_MINUTES}分間ご利用いただけません。カードの番号を確かめるか、指令センターに連絡してください。`,
    );
}

type Found = {
  kitId: string | null;
  patientId: string;
  organisationId: string;
  birthDate: string;
  values: unknown;
  savedAt: Date;
  confirmedOn: string | null;
};

/** The columns of a shown sheet; `shared` is the condition every one of them must meet. */
const sheetColumns = {
  patientId: patients.id,
  organisationId: patients.organisationId,
  birthDate: patients.birthDate,
  values: emergencySheets.values,
  savedAt: emergencySheets.savedAt,
  confirmedOn: emergencySheets.confirmedOn,
};
const shared = consentInForce('ems', patients.id);

/** One prepared statement per kind of card secret: the kit in force with that hash, if shared. */
const byCard = (column: typeof emergencyKits.tokenHash | typeof emergencyKits.codeHash) =>
  preparedOnce((db) =>
    db
      .select({ kitId: emergencyKits.id, ...sheetColumns })
      .from(emergencyKits)
      .innerJoin(patients, eq(patients.id, emergencyKits.patientId))
      .innerJoin(emergencySheets, eq(emergencySheets.patientId, patients.id))
      .where(and(eq(column, sql.placeholder('hash')), isNull(emergencyKits.revokedAt), shared))
      .prepare(`emergency_by_${column.name}`),
  );
const byToken = byCard(emergencyKits.tokenHash);
const byCode = byCard(emergencyKits.codeHash);

type Method = 'qr' | 'code' | 'search';
type Reason = Pick<EmsLookupRequest, 'reason' | 'reasonNote'>;

async function recordAccess(
  request: FastifyRequest,
  method: Method,
  reason: Reason,
  found: Found | null,
): Promise<string> {
  const [row] = await request.server.db
    .insert(emergencyAccesses)
    .values({
      userId: requireActor(request).user.id,
      organisationId: crewOrganisations.get(request) ?? null,
      patientId: found?.patientId ?? null,
      kitId: found?.kitId ?? null,
      method,
      reason: reason.reason,
      reasonNote: reason.reasonNote || null,
      found: found !== null,
      ip: request.ip,
    })
    .returning({ id: emergencyAccesses.id });
  return (row as { id: string }).id;
}

/** A found sheet as the crew sees it, recorded, audited and told to the care team. */
async function shown(
  request: FastifyRequest,
  method: Method,
  reason: Reason,
  found: Found,
): Promise<EmsSheet> {
  const db = request.server.db;
  const [accessId, wishes] = await Promise.all([
    recordAccess(request, method, reason, found),
    wishesOf(db, found.patientId),
  ]);
  await auditPatientAccess(
    db,
    request,
    'emergency.ems_read',
    { id: found.patientId, organisationId: found.organisationId },
    { accessId, method, reason: reason.reason },
    reason.reasonNote || reason.reason,
  );
  await tellPatientTeams(request, found.patientId, 'emergency');
  return {
    accessId,
    definition: emergencyInfoSheet,
    values: found.values as FormValues,
    savedAt: found.savedAt.toISOString(),
    confirmedOn: found.confirmedOn,
    wishes,
    age: ageOn(found.birthDate),
  };
}

/** Nothing shared: recorded (it counts towards the lockout) and audited, then the 404. */
async function notFoundRecorded(request: FastifyRequest, method: Method, reason: Reason): Promise<never> {
  const accessId = await recordAccess(request, method, reason, null);
  await auditRequest(request.server.db, request, {
    ...requestAuditFields(request),
    action: 'emergency.ems_not_found',
    reason: reason.reasonNote || reason.reason,
    targetType: 'emergency_access',
    targetId: accessId,
    details: { method },
  });
  throw notShared();
}

/** The crew's look-up by the card's QR token or short code. */
export async function lookUpByCard(request: FastifyRequest, body: EmsLookupRequest): Promise<EmsSheet> {
  await checkLockout(request);
  const db = request.server.db;
  const [found] = body.token
    ? await byToken(db).execute({ hash: tokenHash(body.token) })
    : await byCode(db).execute({ hash: codeHash(body.code ?? '') });
  const method: Method = body.token ? 'qr' : 'code';
  if (!found) return notFoundRecorded(request, method, body);
  return shown(request, method, body, found);
}

/** Wildcards or a name too short to be whole: a search must name the person exactly. */
const PARTIAL = /[*＊?？%％_＿…]/;

async function checkSearchLimit(request: FastifyRequest): Promise<void> {
  const [row] = await queryRows<{ searches: number }>(
    request.server.db,
    sql`SELECT count(*)::int AS searches FROM emergency_accesses
      WHERE method = 'search' AND user_id = ${requireActor(request).user.id}
        AND at > now() - make_interval(mins => ${SEARCH_WINDOW_MINUTES})`,
  );
  if ((row?.searches ?? 0) >= SEARCH_LIMIT)
    throw new AppError(
      429,
      'emergency_search_limit',
      `緊急検索は${SEARCH_WINDOW_MINUTES}分に${SEARCH_LIMIT}回までです。カードのQRコードか番号を使うか、指令センターに連絡してください。`,
    );
}

/** Patients born that day whose name or reading is exactly the one given, shared with EMS. */
async function searchShared(db: DbOrTx, body: EmsSearchRequest, name: string): Promise<Found[]> {
  const where: SQL[] = [eq(patients.birthDate, body.birthDate), shared];
  if (body.areaId) where.push(eq(patients.areaId, body.areaId));
  const rows = await db
    .select({ ...sheetColumns, name: patients.name, kanaKey: patients.kanaKey })
    .from(patients)
    .innerJoin(emergencySheets, eq(emergencySheets.patientId, patients.id))
    .where(and(...where))
    .limit(200);
  return rows
    .filter((row) => row.kanaKey === name || normalizeForSearch(row.name) === name)
    .slice(0, SEARCH_RESULTS)
    .map(({ name: _name, kanaKey: _kana, ...row }) => ({ ...row, kitId: null }));
}

/**
 * Break-glass search: the full name (kanji or kana) and the birth date, exactly (a part of a name,
 * or a wildcard, is refused); at most three people; each shown sheet waits for the center's review.
 */
export async function searchByName(request: FastifyRequest, body: EmsSearchRequest): Promise<EmsSheet[]> {
  const name = normalizeForSearch(body.name);
  if (name.length < 2 || PARTIAL.test(body.name))
    throw badRequest(
      'emergency_search_partial',
      '緊急検索には、氏名（姓と名）をすべて正確に入力してください。名前の一部では検索できません。',
      [{ path: 'name', message: '姓と名をすべて入力してください。' }],
    );
  await checkLockout(request);
  await checkSearchLimit(request);
  const found = await searchShared(request.server.db, body, name);
  if (found.length === 0) return notFoundRecorded(request, 'search', body);
  const sheets: EmsSheet[] = [];
  for (const row of found) sheets.push(await shown(request, 'search', body, row));
  return sheets;
}
