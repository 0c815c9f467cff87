// The forms of an episode as the API carries them: the definition's id and version, the values the
// patient record and the episode pre-fill, the current revision and the earlier ones.
import { z } from 'zod';
import { formIds } from '../forms';
import { formDefinitionSchema } from '../forms/definition-schema';
import { idSchema, isoDateTime } from './common';

export const documentParams = z.object({ episodeId: idSchema, formId: z.enum(formIds) });

const formValue = z.union([z.string(), z.array(z.string()), z.boolean(), z.number(), z.null()]);
export const formValuesRecord = z.record(z.string(), formValue);

export const documentSaveRequest = z.object({
  /** Checked against the form's definition on the server (forms/values.ts). */
  values: formValuesRecord,
  /** The revision read and its version (null, null: nothing saved yet); otherwise a 409. */
  revision: z.int().nullable(),
  version: z.int().nullable(),
});
export type DocumentSaveRequest = z.infer<typeof documentSaveRequest>;

/** The revision acted on and its version as read (another change in between: 409). */
export const documentRevisionRequest = z.object({ revision: z.int(), version: z.int() });
export type DocumentRevisionRequest = z.infer<typeof documentRevisionRequest>;

export const documentRevision = z.object({
  revision: z.int(),
  formVersion: z.int(),
  values: formValuesRecord,
  savedAt: isoDateTime,
  savedBy: z.string(),
  sentAt: isoDateTime.nullable(),
  sentBy: z.string().nullable(),
  receivedAt: isoDateTime.nullable(),
  receivedBy: z.string().nullable(),
  version: z.int(),
});
export type DocumentRevision = z.infer<typeof documentRevision>;

export const documentView = z.object({
  formId: z.enum(formIds),
  formVersion: z.int(),
  /** The definition the current revision was filled with (its print), or the latest for a new form. */
  definition: formDefinitionSchema,
  /** The latest definition: what an edit is written and checked against. */
  latest: formDefinitionSchema,
  /** What the records say now: the start of a new form, or what the reader may copy in. */
  prefill: formValuesRecord,
  current: documentRevision.nullable(),
  /** The latest revision the hospital received, when the current one differs from it. */
  received: documentRevision.nullable(),
  /** Field keys that differ between the received revision and the current one. */
  changedSinceReceived: z.array(z.string()),
  revisions: z.array(documentRevision.omit({ values: true })),
  /** The reader may change it (the admission sheet is the care manager's, not the hospital's). */
  mayEdit: z.boolean(),
  /** The reader works at the hospital: they acknowledge a sent admission sheet. */
  atHospital: z.boolean(),
  /** The hospital uses the platform: the sheet can be sent inside it (else: print and FAX). */
  hospitalOnPlatform: z.boolean(),
});
export type DocumentView = z.infer<typeof documentView>;

export const formParams = z.object({ formId: z.enum(formIds) });

/** A city's revision of a form: the whole definition (checked on the server), from the latest version. */
export const formVersionRequest = z.object({
  definition: z.unknown(),
  basedOn: z.int().min(1),
});
export type FormVersionRequest = z.infer<typeof formVersionRequest>;

export const formsOverview = z.object({
  forms: z.array(
    z.object({
      formId: z.enum(formIds),
      title: z.string(),
      latest: formDefinitionSchema,
      versions: z.array(
        z.object({ version: z.int(), createdAt: isoDateTime.nullable(), createdBy: z.string().nullable() }),
      ),
    }),
  ),
  /** City and center staff may add versions. */
  mayEdit: z.boolean(),
});
export type FormsOverview = z.infer<typeof formsOverview>;
