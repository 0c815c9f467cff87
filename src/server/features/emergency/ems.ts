// The EMS path: an ambulance crew member (system role EMS, member of a fire-department organisation,
// signed in with the second factor) opens a patient's emergency sheet by the card's QR token or short
// code, or — with no card at hand — by a break-glass search on the full name and birth date. Each
// look-up states a reason, is recorded (emergency_accesses) and audited, and the care team is told.
// Only a patient whose consent to EMS access is in force, with a saved sheet, is ever shown; for
// everyone else — unknown or revoked card, no consent, no sheet — the answer is the same 404 after
// the same single query, so nothing can be told apart. Failed card look-ups lock the address (and the
// account) out for a while; searches are limited per crew member and always wait for the center's
// review (a search that finds nobody is an answer, not a guess: it does not count towards the lockout).

import { randomUUID } from 'node:crypto';
import { and, eq, isNull, type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ageOn, formatDateTime, todayInJapan } from '../../../shared/dates';
import type { FormValues } from '../../../shared/forms/definition';
import { labelOf } from '../../../shared/labelled';
import {
  accessMethods,
  accessReasons,
  type EmsLookupRequest,
  type EmsSearchRequest,
  type EmsSheet,
} from '../../../shared/schemas/emergency';
import { normalizeForSearch } from '../../../shared/search-text';
import { type DbOrTx, preparedOnce, queryRows } from '../../db/client';
import { emergencyAccesses, emergencyKits, emergencySheets, patients, users } from '../../db/schema';
import { type AccessRule, access, requireActor } from '../../platform/access';
import { auditRequest, requestAuditFields } from '../../platform/audit';
import { AppError, badRequest, forbidden, notFound } from '../../platform/errors';
import { auditPatientAccess, consentInForce } from '../../platform/patient-access';
import { type CurrentAcp, currentAcpJson } from '../acp/records';
import { tellMembers } from '../teams/live';
import { postNoticeToPatientTeams } from '../teams/posts';
import { codeHash, tokenHash } from './kits';
import { wishesFrom } from './sheet';

/** Failed look-ups from one address (or by one account) before a lockout, and its length. */
const LOCK_FAILURES = 10;
const LOCK_MINUTES = 15;
/** Break-glass searches per crew member in the window, and the most people one search shows. */
const SEARCH_LIMIT = 5;
const SEARCH_WINDOW_MINUTES = 15;
const SEARCH_RESULTS = 3;

/** The crew member's fire-department organisation and recent failed look-ups, read once per request. */
type Crew = { organisationId: string; organisationName: string; failures: number };
const crews = new WeakMap<FastifyRequest, Crew>();

/**
 * The actor's fire-department organisation (null: not a member of one) and the failed look-ups from
 * this address or by this account in the lockout window: one prepared query, as every look-up asks both.
 */
// users.id by hand in the subqueries: drizzle writes a bare "id" in a one-table select, which there
// would bind to the subquery's own tables.
const crewQuery = preparedOnce((db) =>
  db
    .select({
      organisation: sql<{
        id: string;
        name: string;
      } | null>`(SELECT json_build_object('id', o.id, 'name', o.name)
        FROM memberships m JOIN organisations o ON o.id = m.organisation_id
        WHERE m.user_id = users.id AND o.kind = 'fire_department' ORDER BY o.id LIMIT 1)`,
      failures: sql<number>`(SELECT count(*)::int FROM emergency_accesses e WHERE NOT e.found
        AND e.method <> 'search' AND e.at > now() - make_interval(mins => ${LOCK_MINUTES})
        AND (e.ip = ${sql.placeholder('ip')} OR e.user_id = users.id))`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder('userId')))
    .prepare('emergency_crew'),
);

async function crewOf(request: FastifyRequest, userId: string): Promise<Crew | null> {
  const [row] = await crewQuery(request.server.db).execute({ userId, ip: request.ip });
  return row?.organisation
    ? { organisationId: row.organisation.id, organisationName: row.organisation.name, failures: row.failures }
    : null;
}

/** Who may take the EMS path. Anyone else is refused (403), and the refusal is audited. */
export const emsCrew: AccessRule = access.policy(
  'EMS crew: system role ems and a member of a fire-department organisation (refusals audited)',
  async (request) => {
    const user = request.actor?.user;
    const crew = user?.systemRoles.includes('ems') ? await crewOf(request, user.id) : null;
    if (crew) {
      crews.set(request, crew);
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

/** A refusal of the EMS path, audited first: the center sees guessing and abuse in the audit log. */
async function refused(request: FastifyRequest, error: AppError): Promise<never> {
  await auditRequest(request.server.db, request, {
    ...requestAuditFields(request),
    action: 'emergency.refused',
    details: { path: request.routeOptions.url, code: error.code },
  });
  throw error;
}

/** Refused while the address or the account has failed too often lately (counted by emsCrew). */
async function checkLockout(request: FastifyRequest): Promise<void> {
  if ((crews.get(request)?.failures ?? 0) >= LOCK_FAILURES)
    await refused(
      request,
      new AppError(
        429,
        'emergency_locked',
        `読み取りの失敗が続いたため、${LOCK_MINUTES}分間ご利用いただけません。カードの番号を確かめるか、指令センターに連絡してください。`,
      ),
    );
}

type Found = {
  kitId: string | null;
  patientId: string;
  organisationId: string;
  birthDate: string;
  values: unknown;
  formVersion: number;
  savedAt: Date;
  confirmedOn: string | null;
  acp: CurrentAcp | null;
};

/** The columns of a shown sheet; `shared` is the condition every one of them must meet. */
const sheetColumns = {
  patientId: patients.id,
  organisationId: patients.organisationId,
  birthDate: patients.birthDate,
  values: emergencySheets.values,
  formVersion: emergencySheets.formVersion,
  savedAt: emergencySheets.savedAt,
  confirmedOn: emergencySheets.confirmedOn,
  acp: currentAcpJson(patients.id),
};
/** Shared with EMS on `today` (a placeholder in the prepared look-ups: the day moves on). */
const shared = (today: string | Placeholder) => consentInForce('ems', patients.id, today);

/**
 * One prepared statement per kind of card secret: the kit in force with that hash, if shared, and the
 * access row of the look-up (found or not) written by the same statement — one round trip either way.
 * Its commit does not wait for the disk (synchronous_commit off for this statement alone): the audit
 * record the crew's answer waits for commits after it, synchronously, and a commit flushes all the
 * log written before it, so the row is on disk before anyone sees the sheet, one disk wait instead of two.
 */
const byCard = (column: typeof emergencyKits.tokenHash | typeof emergencyKits.codeHash) =>
  preparedOnce((db) => {
    const found = db.$with('found').as(
      db
        .select({
          ...sheetColumns,
          // Aliased: both are "id" in their tables, and the statement below names them.
          kitId: sql<string | null>`${emergencyKits.id}`.as('kit_id'),
          patientId: sql<string | null>`${patients.id}`.as('patient_id'),
          acp: sheetColumns.acp.as('acp'),
        })
        .from(emergencyKits)
        .innerJoin(patients, eq(patients.id, emergencyKits.patientId))
        .innerJoin(emergencySheets, eq(emergencySheets.patientId, patients.id))
        .where(
          and(
            eq(column, sql.placeholder('hash')),
            isNull(emergencyKits.revokedAt),
            shared(sql.placeholder('today')),
          ),
        ),
    );
    const recorded = db.$with('recorded', { accessId: emergencyAccesses.id }).as(
      sql`INSERT INTO emergency_accesses (user_id, organisation_id, patient_id, kit_id, method, reason,
          reason_note, found, ip)
        SELECT ${sql.placeholder('userId')}::uuid, ${sql.placeholder('organisationId')}::uuid, found.patient_id,
          found.kit_id, ${sql.placeholder('method')}, ${sql.placeholder('reason')},
          ${sql.placeholder('reasonNote')}, found.patient_id IS NOT NULL, ${sql.placeholder('ip')}
        FROM (SELECT set_config('synchronous_commit', 'off', true)) AS async_commit
          LEFT JOIN found ON true
        RETURNING id`,
    );
    return db
      .with(found, recorded)
      .select({
        accessId: recorded.accessId,
        kitId: found.kitId,
        patientId: found.patientId,
        organisationId: found.organisationId,
        birthDate: found.birthDate,
        values: found.values,
        formVersion: found.formVersion,
        savedAt: found.savedAt,
        confirmedOn: found.confirmedOn,
        acp: found.acp,
      })
      .from(recorded)
      .leftJoin(found, sql`true`)
      .prepare(`emergency_by_${column.name}`);
  });
const byToken = byCard(emergencyKits.tokenHash);
const byCode = byCard(emergencyKits.codeHash);

type Reason = Pick<EmsLookupRequest, 'reason' | 'reasonNote'>;

/** How a look-up was made: the card's QR or code, or one break-glass search (its id). */
type Way = { method: 'qr' | 'code' } | { method: 'search'; searchId: string };

/** Who looks up, how and why: the part of an access row known before the look-up. */
const lookUpBy = (request: FastifyRequest, way: Way, reason: Reason) => ({
  userId: requireActor(request).user.id,
  organisationId: crews.get(request)?.organisationId ?? null,
  method: way.method,
  reason: reason.reason,
  reasonNote: reason.reasonNote || null,
  ip: request.ip,
});

/** The access row of a look-up. */
const accessRow = (request: FastifyRequest, way: Way, reason: Reason, found: Found | null) => ({
  ...lookUpBy(request, way, reason),
  patientId: found?.patientId ?? null,
  kitId: found?.kitId ?? null,
  searchId: way.method === 'search' ? way.searchId : null,
  found: found !== null,
});

/** 「救急隊が閲覧しました」 in the care team's timeline: when, who, how and why. */
function noticeOf(request: FastifyRequest, way: Way, reason: Reason): string {
  const crew = requireActor(request).user.displayName;
  const why = `${labelOf(accessReasons, reason.reason)}${reason.reasonNote ? `: ${reason.reasonNote}` : ''}`;
  return `救急隊が救急医療情報を閲覧しました（${formatDateTime(new Date())}、${crews.get(request)?.organisationName ?? ''} ${crew}、${labelOf(accessMethods, way.method)}、理由: ${why}）`;
}

/** The look-up posted to the patient's open teams and told live; a failure is logged, not thrown. */
async function tellTeamsOfLookUp(request: FastifyRequest, patientId: string, notice: string): Promise<void> {
  try {
    const told = await postNoticeToPatientTeams(request.server.db, patientId, notice);
    await tellMembers(request, told, 'emergency');
  } catch (error) {
    request.log.error({ err: error }, 'EMS look-up not posted to the care team');
  }
}

/** A found and recorded look-up: audited, posted and told to the care team; the crew's view. */
async function presented(
  request: FastifyRequest,
  way: Way,
  reason: Reason,
  found: Found,
  accessId: string,
): Promise<EmsSheet> {
  // Audited before the crew sees anything; the team's notice and the live event follow on their own,
  // so the crew does not wait for the team's timeline.
  await auditPatientAccess(
    request.server.db,
    request,
    'emergency.ems_read',
    { id: found.patientId, organisationId: found.organisationId },
    { accessId, ...way, reason: reason.reason },
    reason.reasonNote || reason.reason,
  );
  // Followed by the server's shutdown (inFlight), so a stop in that instant still posts the notice.
  void request.server.inFlight.track(
    tellTeamsOfLookUp(request, found.patientId, noticeOf(request, way, reason)),
  );
  return {
    accessId,
    formVersion: found.formVersion,
    values: found.values as FormValues,
    savedAt: found.savedAt.toISOString(),
    confirmedOn: found.confirmedOn,
    wishes: wishesFrom(found.acp),
    age: ageOn(found.birthDate),
  };
}

/** Nothing shared: audited (the access row, recorded, counts towards the lockout), then the 404. */
async function notFoundAudited(
  request: FastifyRequest,
  way: Way,
  reason: Reason,
  accessId: string,
): Promise<never> {
  await auditRequest(request.server.db, request, {
    ...requestAuditFields(request),
    action: 'emergency.ems_not_found',
    reason: reason.reasonNote || reason.reason,
    targetType: 'emergency_access',
    targetId: accessId,
    details: way,
  });
  throw notShared();
}

/** The crew's look-up by the card's QR token or short code. */
export async function lookUpByCard(request: FastifyRequest, body: EmsLookupRequest): Promise<EmsSheet> {
  await checkLockout(request);
  const way = { method: body.token ? ('qr' as const) : ('code' as const) };
  const [row] = await (body.token ? byToken : byCode)(request.server.db).execute({
    hash: body.token ? tokenHash(body.token) : codeHash(body.code ?? ''),
    today: todayInJapan(),
    ...lookUpBy(request, way, body),
  });
  const { accessId, ...found } = row as NonNullable<typeof row>;
  if (found.patientId === null) return notFoundAudited(request, way, body, accessId);
  // Found: the join matched, so every column of the sheet is there.
  return presented(request, way, body, found as Found, accessId);
}

/** Wildcards or a name too short to be whole: a search must name the person exactly. */
const PARTIAL = /[*＊?？%％_＿…]/;

/** Whether the crew member has used up the searches of the window. */
async function searchLimitReached(request: FastifyRequest, db: DbOrTx): Promise<boolean> {
  const [row] = await queryRows<{ searches: number }>(
    db,
    sql`SELECT count(DISTINCT search_id)::int AS searches FROM emergency_accesses
      WHERE method = 'search' AND user_id = ${requireActor(request).user.id}
        AND at > now() - make_interval(mins => ${SEARCH_WINDOW_MINUTES})`,
  );
  return (row?.searches ?? 0) >= SEARCH_LIMIT;
}

const searchLimit = () =>
  new AppError(
    429,
    'emergency_search_limit',
    `緊急検索は${SEARCH_WINDOW_MINUTES}分に${SEARCH_LIMIT}回までです。カードのQRコードか番号を使うか、指令センターに連絡してください。`,
  );

/** Patients born that day whose name or reading is exactly the one given, shared with EMS. */
async function searchShared(db: DbOrTx, body: EmsSearchRequest, name: string): Promise<Found[]> {
  const where: SQL[] = [eq(patients.birthDate, body.birthDate), shared(todayInJapan())];
  if (body.areaId) where.push(eq(patients.areaId, body.areaId));
  const rows = await db
    .select({ ...sheetColumns, name: patients.name, kanaKey: patients.kanaKey })
    .from(patients)
    .innerJoin(emergencySheets, eq(emergencySheets.patientId, patients.id))
    .where(and(...where))
    .limit(2000);
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
    await refused(
      request,
      badRequest(
        'emergency_search_partial',
        '緊急検索には、氏名（姓と名）をすべて正確に入力してください。名前の一部では検索できません。',
        [{ path: 'name', message: '姓と名をすべて入力してください。' }],
      ),
    );
  await checkLockout(request);
  const way: Way = { method: 'search', searchId: randomUUID() };
  const userId = requireActor(request).user.id;
  // One search of a crew member at a time: the count of the limit and the rows it counts are one
  // step, so searches sent at once cannot all pass it.
  // (The refusal is audited after the transaction: on PGlite the audit waits for its one connection.)
  const searched = await request.server.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`tsunagu.emergency_search:${userId}`}))`);
    if (await searchLimitReached(request, tx)) return null;
    const rows = await searchShared(tx, body, name);
    const values = (rows.length ? rows : [null]).map((row) => accessRow(request, way, body, row));
    const ids = await tx.insert(emergencyAccesses).values(values).returning({ id: emergencyAccesses.id });
    return { found: rows, accessIds: ids.map((row) => row.id) };
  });
  if (!searched) return refused(request, searchLimit());
  const { found, accessIds } = searched;
  if (found.length === 0) return notFoundAudited(request, way, body, accessIds[0] as string);
  const sheets: EmsSheet[] = [];
  for (const [i, row] of found.entries())
    sheets.push(await presented(request, way, body, row, accessIds[i] as string));
  return sheets;
}
