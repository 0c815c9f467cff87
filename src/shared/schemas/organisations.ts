// An organisation's own administration: members, invites, roles, resets.
import { z } from 'zod';
import { membershipRoleSchema, organisationKindSchema, professionSchema } from '../identity';
import { idSchema, isoDateTime } from './common';

export const orgParams = z.object({ orgId: idSchema });
export const orgMemberParams = z.object({ orgId: idSchema, userId: idSchema });
export const orgInviteParams = z.object({ orgId: idSchema, inviteId: idSchema });

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  kind: organisationKindSchema,
  areaId: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  createdAt: isoDateTime,
});
export type OrganisationView = z.infer<typeof organisationView>;

export const memberView = z.object({
  userId: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  kana: z.string(),
  profession: professionSchema,
  role: membershipRoleSchema,
  totpEnabled: z.boolean(),
  lockedUntil: isoDateTime.nullable(),
  joinedAt: isoDateTime,
});
export const memberList = z.object({ organisation: organisationView, members: z.array(memberView) });

export const inviteCreateRequest = z.object({
  role: membershipRoleSchema.default('member'),
  note: z.string().trim().max(200, { error: '200文字以内で入力してください' }).optional(),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(72),
});
export const inviteView = z.object({
  id: z.string(),
  role: membershipRoleSchema,
  note: z.string().nullable(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  status: z.enum(['valid', 'expired', 'used', 'revoked']),
  createdByName: z.string().nullable(),
  usedByName: z.string().nullable(),
});
export const inviteList = z.object({ invites: z.array(inviteView) });
/** The link is shown once: only its hash is stored. */
export const inviteCreated = z.object({ invite: inviteView, url: z.string(), token: z.string() });

export const memberRoleUpdateRequest = z.object({ role: membershipRoleSchema });
export const passwordResetCreated = z.object({ url: z.string(), token: z.string(), expiresAt: isoDateTime });

/** Active organisations for a chooser (GET /api/orgs?kind=). */
export const organisationChoicesQuery = z.object({ kind: organisationKindSchema.optional() });
export const organisationChoices = z.object({
  organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: organisationKindSchema })),
});
