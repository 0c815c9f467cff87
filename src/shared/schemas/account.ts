// The signed-in user's own account: who am I, password, second factor, sessions.
import { z } from 'zod';
import {
  membershipRoleSchema,
  organisationKindSchema,
  professionSchema,
  systemRoleSchema,
} from '../identity';
import { newPasswordSchema, PASSWORD_MAX_LENGTH, sessionStage } from './auth';
import { isoDateTime } from './common';

export const membershipView = z.object({
  organisationId: z.string(),
  organisationName: z.string(),
  organisationKind: organisationKindSchema,
  role: membershipRoleSchema,
});

/** Who a user is, as the account page and the admin's user list both show it. */
export const userIdentity = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  kana: z.string(),
  profession: professionSchema,
  systemRoles: z.array(systemRoleSchema),
  totpEnabled: z.boolean(),
});

export const meResponse = z.object({
  user: userIdentity,
  memberships: z.array(membershipView),
  session: z.object({ stage: sessionStage, expiresAt: isoDateTime, idleTimeoutSeconds: z.number() }),
  demoMode: z.boolean(),
});
export type MeResponse = z.infer<typeof meResponse>;

export const profileUpdateRequest = z.object({
  displayName: z.string().trim().min(1).max(100).optional(),
  kana: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[\p{Script=Katakana}ー・\s　]+$/u, { error: 'カタカナで入力してください' })
    .optional(),
  profession: professionSchema.optional(),
});

export const passwordChangeRequest = z.object({
  currentPassword: z
    .string()
    .min(1, { error: '現在のパスワードを入力してください' })
    .max(PASSWORD_MAX_LENGTH),
  newPassword: newPasswordSchema,
});

export const sessionView = z.object({
  id: z.string(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  expiresAt: isoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionList = z.object({ sessions: z.array(sessionView) });
