// System administration: organisations, users, system roles, the audit log.
import { z } from 'zod';
import { organisationKindSchema, systemRoleSchema } from '../identity';
import { userIdentity } from './account';
import { idSchema, isoDateTime, kanaText, optionalText, requiredText } from './common';
import { organisationView } from './organisations';

export const organisationCreateRequest = z.object({
  name: requiredText(200),
  kana: kanaText(200),
  kind: organisationKindSchema,
  areaId: z.uuid().nullable().optional(),
  phone: optionalText(30),
  address: optionalText(300),
});
export const organisationUpdateRequest = organisationCreateRequest
  .partial()
  .extend({ active: z.boolean().optional() });
export const organisationList = z.object({
  organisations: z.array(organisationView.extend({ memberCount: z.number() })),
});

export const userQuery = z.object({ q: z.string().trim().max(100).optional() });
export const userView = userIdentity.extend({
  lockedUntil: isoDateTime.nullable(),
  disabled: z.boolean(),
  organisations: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
});
export const userList = z.object({ users: z.array(userView) });
export const systemRolesUpdateRequest = z.object({ systemRoles: z.array(systemRoleSchema).max(4) });
export const userDisableRequest = z.object({ disabled: z.boolean() });

export const auditQuery = z.object({
  action: z.string().trim().max(100).optional(),
  actorUserId: z.uuid().optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: z.string().trim().max(100).optional(),
  from: z.iso.date({ error: '日付は YYYY-MM-DD で入力してください' }).optional(),
  to: z.iso.date({ error: '日付は YYYY-MM-DD で入力してください' }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  beforeId: z.coerce.number().int().positive().optional(),
});
export const auditRecordView = z.object({
  id: z.number(),
  occurredAt: isoDateTime,
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  organisationId: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  reason: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.unknown(),
});
export const auditList = z.object({ records: z.array(auditRecordView), nextBeforeId: z.number().nullable() });

export const auditVerification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  headHash: z.string(),
  brokenAt: z.number().nullable(),
  problem: z.string().nullable(),
});

/** How long a system admin's audited look at a care team (監査付き閲覧) lasts. */
export const SUPPORT_ACCESS_MINUTES = 60;

export const supportAccessRequest = z.object({
  teamId: idSchema,
  reason: requiredText(500).refine((text) => text.length >= 10, {
    error: '理由は10文字以上で、問い合わせの番号や内容が分かるように書いてください',
  }),
});
export const supportAccessGrant = z.object({
  id: idSchema,
  teamId: idSchema,
  teamName: z.string(),
  grantedTo: z.string(),
  reason: z.string(),
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  active: z.boolean(),
  /** The reader's own grant (only those open the team). */
  mine: z.boolean(),
});
export type SupportAccessGrant = z.infer<typeof supportAccessGrant>;
export const supportAccessList = z.object({ items: z.array(supportAccessGrant) });
