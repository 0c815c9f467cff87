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

/**
 * A place in a care team held for the organisation (ケアチームでの担当): what its admins see of their
 * staff's teams — the team and the role, never the patient's record or the timeline.
 */
export const teamPlace = z.object({
  memberId: idSchema,
  teamId: idSchema,
  teamName: z.string(),
  teamRole: z.string(),
  status: z.enum(['invited', 'active']),
  isOwner: z.boolean(),
  user: z.object({ id: idSchema, displayName: z.string() }),
  /** false: the person has left the organisation; the place gives no access and awaits a successor. */
  stillMember: z.boolean(),
  since: isoDateTime,
});
export type TeamPlace = z.infer<typeof teamPlace>;
export const teamPlaceList = z.object({ items: z.array(teamPlace) });
export const orgTeamPlaceParams = z.object({ orgId: idSchema, memberId: idSchema });
export const handOverRequest = z.object({ userId: idSchema });
