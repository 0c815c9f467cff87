// The admission and discharge support rule (入退院支援ルール) as data: versions of its text and
// deadlines, written by city and support-center staff, read by every signed-in professional. A new
// version is written from the latest one (`basedOn`): two officers editing at once get a 409 rather
// than one silently replacing the other's change.
import { desc, lte, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { todayInJapan } from '../../../shared/dates';
import type { SystemRole } from '../../../shared/identity';
import type {
  RuleOverview,
  RuleParameters,
  RuleVersion,
  RuleVersionRequest,
} from '../../../shared/schemas/admission-rule';
import type { DbOrTx } from '../../db/client';
import { admissionRuleVersions } from '../../db/schema';
import { hasSystemRole, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict } from '../../platform/errors';
import { addRuleDays } from './deadlines';

/** Who writes the rule: the city and the support center that runs it. */
export const RULE_EDITORS: SystemRole[] = ['city_staff', 'center_staff'];

type VersionRow = typeof admissionRuleVersions.$inferSelect;

/** A version's parameters; versions written before the fees were kept have none. */
export const parametersOf = (row: Pick<VersionRow, 'parameters'>): RuleParameters => {
  const stored = row.parameters as Omit<RuleParameters, 'admissionInfoFees'> & Partial<RuleParameters>;
  return { ...stored, admissionInfoFees: stored.admissionInfoFees ?? [] };
};

const viewOf = (row: VersionRow): RuleVersion => ({
  id: row.id,
  version: row.version,
  title: row.title,
  body: row.body,
  parameters: parametersOf(row),
  effectiveFrom: row.effectiveFrom,
  isExample: row.isExample,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

const versionsOf = (db: DbOrTx) =>
  db.select().from(admissionRuleVersions).orderBy(desc(admissionRuleVersions.version));

/** The rule version in force on the date: the latest whose date has come by then. */
export async function ruleOn(db: DbOrTx, day: string): Promise<VersionRow> {
  const [rule] = await db
    .select()
    .from(admissionRuleVersions)
    .where(lte(admissionRuleVersions.effectiveFrom, day))
    .orderBy(desc(admissionRuleVersions.version))
    .limit(1);
  if (!rule)
    throw badRequest(
      'no_rule_in_force',
      'この入院日に適用される入退院支援ルールがありません。入院日を確かめるか、市・センターにルールの登録を依頼してください。',
    );
  return rule;
}

/** The version in force on `day` among those read: the latest whose date has come. */
const inForceOn = (versions: RuleVersion[], day: string): RuleVersion | null =>
  versions.find((version) => version.effectiveFrom <= day) ?? null;

export async function ruleOverview(request: FastifyRequest): Promise<RuleOverview> {
  const versions = (await versionsOf(request.server.db)).map(viewOf);
  const today = todayInJapan();
  const current = inForceOn(versions, today);
  return {
    current,
    versions,
    exampleDeadlines: current
      ? {
          admittedOn: today,
          admissionInfoDue: addRuleDays(today, current.parameters.admissionInfoDays, current.parameters),
        }
      : null,
    mayEdit: hasSystemRole(request.actor, RULE_EDITORS),
  };
}

/** Adds a version after the latest (locked against a concurrent one); the overview after it. */
export async function addRuleVersion(
  request: FastifyRequest,
  body: RuleVersionRequest,
): Promise<RuleOverview> {
  const actor = requireActor(request);
  await request.server.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tsunagu.admission_rule'))`);
    const [latest] = await versionsOf(tx).limit(1);
    if ((latest?.version ?? null) !== body.basedOn)
      throw conflict(
        'rule_version_stale',
        `この間に別の方が第${latest?.version}版を作りました。ページを読み込み直し、最新の版を確かめてから作り直してください。`,
      );
    if (latest && body.effectiveFrom < latest.effectiveFrom)
      throw badRequest(
        'effective_before_previous',
        `適用開始日は、前の版（第${latest.version}版）の適用開始日 ${latest.effectiveFrom} 以降にしてください。`,
      );
    const version = (latest?.version ?? 0) + 1;
    await tx.insert(admissionRuleVersions).values({
      version,
      title: body.title,
      body: body.body,
      parameters: body.parameters,
      effectiveFrom: body.effectiveFrom,
      createdBy: actor.user.id,
    });
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'admission_rule.version_added',
      targetType: 'admission_rule',
      targetId: String(version),
      details: { effectiveFrom: body.effectiveFrom, parameters: body.parameters },
    });
  });
  return ruleOverview(request);
}
