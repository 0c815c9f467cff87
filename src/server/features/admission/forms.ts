// The form definitions in force: version 1 of each ships in src/shared/forms; a city's revisions are
// rows of admission_form_versions (never changed). The latest is what a form is filled in; a filled
// form names the version it was filled with, and prints with it. City and center staff add versions
// from the latest one (409 when someone else added one first).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { formDefinitions, formIds } from '../../../shared/forms';
import type { AdmissionFormId, FormDefinition } from '../../../shared/forms/definition';
import { formDefinitionSchema } from '../../../shared/forms/definition-schema';
import type { FormsOverview, FormVersionRequest } from '../../../shared/schemas/admission-documents';
import type { DbOrTx } from '../../db/client';
import { admissionFormVersions } from '../../db/schema';
import { hasSystemRole, requireActor } from '../../platform/access';
import { appendAudit, requestAuditFields } from '../../platform/audit';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { nameOfUser } from './live';
import { RULE_EDITORS } from './rule';

type FormId = AdmissionFormId;

/** The definition of a form at a version (1: the one that ships). */
export async function definitionAt(db: DbOrTx, formId: FormId, version: number): Promise<FormDefinition> {
  if (version === 1) return formDefinitions[formId];
  const [row] = await db
    .select({ definition: admissionFormVersions.definition })
    .from(admissionFormVersions)
    .where(and(eq(admissionFormVersions.formId, formId), eq(admissionFormVersions.version, version)));
  if (!row) throw notFound('この様式の版は見つかりません。', 'form_version_not_found');
  return row.definition as FormDefinition;
}

/** The latest definition of a form: the city's last version, else the one that ships. */
export async function latestDefinition(db: DbOrTx, formId: FormId): Promise<FormDefinition> {
  const [row] = await db
    .select({ definition: admissionFormVersions.definition })
    .from(admissionFormVersions)
    .where(eq(admissionFormVersions.formId, formId))
    .orderBy(desc(admissionFormVersions.version))
    .limit(1);
  return (row?.definition as FormDefinition | undefined) ?? formDefinitions[formId];
}

export async function formsOverview(request: FastifyRequest): Promise<FormsOverview> {
  const db = request.server.db;
  const rows = await db
    .select({
      formId: admissionFormVersions.formId,
      version: admissionFormVersions.version,
      createdAt: admissionFormVersions.createdAt,
      createdBy: nameOfUser(admissionFormVersions.createdBy),
    })
    .from(admissionFormVersions)
    .orderBy(asc(admissionFormVersions.version));
  const forms = await Promise.all(
    formIds.map(async (formId) => {
      const latest = await latestDefinition(db, formId);
      const added = rows.filter((row) => row.formId === formId);
      return {
        formId,
        title: latest.title,
        latest,
        versions: [
          { version: 1, createdAt: null, createdBy: null },
          ...added.map((row) => ({
            version: row.version,
            createdAt: row.createdAt.toISOString(),
            createdBy: row.createdBy,
          })),
        ].reverse(),
      };
    }),
  );
  return { forms, mayEdit: hasSystemRole(request.actor, RULE_EDITORS) };
}

/** Adds the next version of a form, checked as a definition; the overview after it. */
export async function addFormVersion(
  request: FastifyRequest,
  formId: FormId,
  body: FormVersionRequest,
): Promise<FormsOverview> {
  const userId = requireActor(request).user.id;
  await request.server.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('tsunagu.admission_form'))`);
    const latest = await latestDefinition(tx, formId);
    if (latest.version !== body.basedOn)
      throw conflict(
        'form_version_stale',
        `この間に別の方が第${latest.version}版を登録しました。読み込み直し、最新の版から作り直してください。`,
      );
    const version = latest.version + 1;
    const parsed = formDefinitionSchema.safeParse({ ...(body.definition as object), id: formId, version });
    if (!parsed.success)
      throw badRequest(
        'form_definition_invalid',
        parsed.error.issues[0]?.message ?? '様式の定義を確かめてください。',
        parsed.error.issues.map((issue) => ({
          path: ['definition', ...issue.path].join('.'),
          message: issue.message,
        })),
      );
    await tx
      .insert(admissionFormVersions)
      .values({ formId, version, definition: parsed.data, createdBy: userId });
    await appendAudit(tx, {
      ...requestAuditFields(request),
      action: 'admission_form.version_added',
      targetType: 'admission_form',
      targetId: `${formId}:${version}`,
      details: {
        fields: parsed.data.sections.flatMap((section) => section.fields.map((field) => field.key)).length,
      },
    });
  });
  return formsOverview(request);
}
