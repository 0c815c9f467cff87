// Payloads of /api/family/* and /api/teams/:teamId/family/*: a care team's family members (家族).
import { z } from 'zod';
import { keyPersonRelationCodes } from '../patients';
import { teamRoleCodes } from '../teams';
import { idSchema, isoDateTime, requiredText } from './common';
import { storedFile } from './files';
import { postKinds, visitReportView, vitalsView } from './structured-posts';

export const familyInviteRequest = z.object({
  name: requiredText(50),
  relation: z.enum(keyPersonRelationCodes, { error: '続柄を選んでください' }),
});

/** The one-time code, shown once to the owner who hands it to the family member. */
export const familyInvitation = z.object({
  id: idSchema,
  name: z.string(),
  code: z.string(),
  expiresAt: isoDateTime,
});
export type FamilyInvitation = z.infer<typeof familyInvitation>;

export const familyMember = z.object({
  id: idSchema,
  name: z.string(),
  relation: z.string(),
  status: z.enum(['invited', 'active']),
  codeExpiresAt: isoDateTime,
  joinedAt: isoDateTime.nullable(),
});
export type FamilyMember = z.infer<typeof familyMember>;

export const familyJoinRequest = z.object({ code: requiredText(40) });

const familyPostFields = z.object({
  id: idSchema,
  author: z.object({
    displayName: z.string(),
    organisationName: z.string().nullable(),
    teamRole: z.enum(teamRoleCodes).nullable(),
    familyRelation: z.string().nullable(),
  }),
  body: z.string().nullable(),
  kind: z.enum(postKinds),
  vitals: vitalsView.nullable(),
  visitReport: visitReportView.nullable(),
  attachments: z.array(storedFile),
  retracted: z.boolean(),
  createdAt: isoDateTime,
});
export const familyPost = familyPostFields.extend({ replies: z.array(familyPostFields) });
export type FamilyPost = z.infer<typeof familyPost>;

export const familyHome = z.object({
  name: z.string(),
  patientName: z.string(),
  teamName: z.string(),
  teamOpen: z.boolean(),
  posts: z.array(familyPost),
});
export type FamilyHome = z.infer<typeof familyHome>;

export const familyPostRequest = z.object({ body: requiredText(2000) });
export const familyParams = z.object({ teamId: idSchema, familyId: idSchema });
export const familyFileParams = z.object({ postId: idSchema, fileId: idSchema });
