// Payloads of /api/teams/* and /api/home: care teams, their members and invitations, the timeline.
import { z } from 'zod';
import { memberStatuses, POST_MAX_LENGTH, teamRoleCodes } from '../teams';
import { idSchema, isoDateTime, optionalText, requiredText } from './common';
import { familyMember } from './family';
import { attachmentIds, storedFile } from './files';
import {
  postKinds,
  visitReport,
  visitReportView,
  vitals,
  vitalsView,
  writtenPostKinds,
} from './structured-posts';

const teamRole = z.enum(teamRoleCodes, { error: 'チームでの役割を選んでください' });

export const teamCreateRequest = z.object({
  /** The organisation the creator acts for in the team (one of theirs). */
  organisationId: idSchema,
  teamRole,
  name: optionalText(100),
});

const person = z.object({ userId: idSchema, displayName: z.string() });

export const teamMember = person.extend({
  memberId: idSchema,
  organisationId: idSchema,
  organisationName: z.string(),
  teamRole,
  status: z.enum(memberStatuses.map((s) => s.code) as [string, ...string[]]),
  isOwner: z.boolean(),
  invitedAt: isoDateTime,
  invitationExpiresAt: isoDateTime.nullable(),
  joinedAt: isoDateTime.nullable(),
});
export type TeamMember = z.infer<typeof teamMember>;

export const teamDetail = z.object({
  id: idSchema,
  name: z.string(),
  status: z.enum(['open', 'closed']),
  closedAt: isoDateTime.nullable(),
  patient: z.object({ id: idSchema, name: z.string(), kana: z.string(), birthDate: z.string() }),
  owner: person,
  /** Current members and open invitations; ended places are kept but not listed. */
  members: z.array(teamMember),
  me: z.object({ memberId: idSchema, userId: idSchema, teamRole, isOwner: z.boolean() }),
  /** Family members and open family invitations (家族). */
  family: z.array(familyMember),
  /** Set when the reader is a system admin looking under a support grant (read-only). */
  support: z.object({ reason: z.string(), expiresAt: isoDateTime }).nullable(),
  /** System admins looking at the team under a support grant now, shown to every reader. */
  supportViewers: z.array(z.object({ displayName: z.string(), reason: z.string(), expiresAt: isoDateTime })),
  createdAt: isoDateTime,
});
export type TeamDetail = z.infer<typeof teamDetail>;

export const teamSummary = z.object({
  id: idSchema,
  name: z.string(),
  status: z.enum(['open', 'closed']),
  patientId: idSchema,
  patientName: z.string(),
  myRole: teamRole,
  memberCount: z.number().int(),
  unread: z.number().int(),
  lastPostAt: isoDateTime.nullable(),
});
export type TeamSummary = z.infer<typeof teamSummary>;

export const invitationRequest = z.object({ userId: idSchema, organisationId: idSchema, teamRole });
export const transferRequest = z.object({ memberId: idSchema });

export const candidateQuery = z.object({ q: requiredText(50) });
export const candidate = person.extend({
  kana: z.string(),
  profession: z.string(),
  organisationId: idSchema,
  organisationName: z.string(),
});
export const candidateList = z.object({ items: z.array(candidate) });
export type Candidate = z.infer<typeof candidate>;

export const invitation = z.object({
  memberId: idSchema,
  teamId: idSchema,
  teamName: z.string(),
  teamRole,
  organisationName: z.string(),
  invitedBy: z.string().nullable(),
  invitedAt: isoDateTime,
  expiresAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitation>;

const postText = z
  .string()
  .trim()
  .max(POST_MAX_LENGTH, { error: `${POST_MAX_LENGTH}文字以内で入力してください` });

/** A post's fields by kind: a text post needs words or a file, a structured one its fields. */
function checkKind(
  post: { kind: string; body: string; vitals?: unknown; visitReport?: unknown; attachmentIds?: string[] },
  ctx: z.RefinementCtx,
) {
  if (post.kind === 'text' && !post.body && !post.attachmentIds?.length)
    ctx.addIssue({ code: 'custom', path: ['body'], message: '入力してください' });
  if (post.kind === 'vitals' && !post.vitals)
    ctx.addIssue({ code: 'custom', path: ['vitals'], message: '測定した値を入力してください' });
  if (post.kind === 'visit_report' && !post.visitReport)
    ctx.addIssue({ code: 'custom', path: ['visitReport'], message: '訪問の内容を入力してください' });
  if ((post.kind !== 'vitals' && post.vitals) || (post.kind !== 'visit_report' && post.visitReport))
    ctx.addIssue({ code: 'custom', path: ['kind'], message: '投稿の種類と内容が合っていません' });
}

export const postCreateRequest = z
  .object({
    kind: z.enum(writtenPostKinds).default('text'),
    body: postText.default(''),
    vitals: vitals.optional(),
    visitReport: visitReport.optional(),
    /** Files uploaded to the team beforehand (POST /api/teams/:teamId/files), in order. */
    attachmentIds: attachmentIds.default([]),
    urgent: z.boolean().default(false),
    /** Users mentioned with @: each must be a current member. */
    mentions: z
      .array(idSchema)
      .max(30)
      .default([])
      .refine((ids) => new Set(ids).size === ids.length, { error: '同じ人が重複しています' }),
    parentId: idSchema.optional(),
    /** Shown to the team's family members too (家族にも共有). */
    forFamily: z.boolean().default(false),
  })
  .superRefine(checkKind);
/** One notice to several of the user's teams (each gets its own post). */
export const broadcastRequest = z.object({
  teamIds: z
    .array(idSchema)
    .min(2, { error: '送り先のチームを2つ以上選んでください' })
    .max(50, { error: '一度に送れるのは50チームまでです' })
    .refine((ids) => new Set(ids).size === ids.length, { error: '同じチームが重複しています' }),
  body: requiredText(POST_MAX_LENGTH),
  urgent: z.boolean().default(false),
});
export const broadcastResult = z.object({ posts: z.array(z.object({ teamId: idSchema, postId: idSchema })) });

/** A new text (and, for a structured post, new fields: the old ones are kept as a revision). */
export const postUpdateRequest = z.object({
  body: postText,
  vitals: vitals.optional(),
  visitReport: visitReport.optional(),
  version: z.number().int(),
});
export const retractRequest = z.object({ reason: requiredText(500) });
export const readsRequest = z.object({ postIds: z.array(idSchema).min(1).max(200) });

/** A professional (user, organisation, team role) or a family member (name, relation). */
const postAuthor = z.object({
  userId: idSchema.nullable(),
  displayName: z.string(),
  organisationName: z.string().nullable(),
  teamRole: teamRole.nullable(),
  familyRelation: z.string().nullable(),
});

const postFields = z.object({
  id: idSchema,
  parentId: idSchema.nullable(),
  author: postAuthor,
  /** null once retracted: the text is kept for audit, not shown. */
  body: z.string().nullable(),
  retracted: z.object({ at: isoDateTime, reason: z.string() }).nullable(),
  kind: z.enum(postKinds),
  vitals: vitalsView.nullable(),
  visitReport: visitReportView.nullable(),
  /** Photos (shown in the post) and PDF documents (downloaded); none once retracted. */
  attachments: z.array(storedFile),
  urgent: z.boolean(),
  forFamily: z.boolean(),
  mentions: z.array(person),
  acknowledgements: z.array(person.extend({ at: isoDateTime })),
  /** Members other than the author who have read it. */
  readCount: z.number().int(),
  readByMe: z.boolean(),
  version: z.number().int(),
  editedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export const teamPost = postFields.extend({ replies: z.array(postFields) });
export type TeamPost = z.infer<typeof teamPost>;

export const postPageQuery = z.object({
  /** A post id: the page holds the posts before it. */
  before: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const postPage = z.object({ items: z.array(teamPost), more: z.boolean() });

export const receipts = z.object({
  read: z.array(person.extend({ organisationName: z.string(), at: isoDateTime })),
  unread: z.array(person.extend({ organisationName: z.string() })),
});
export type Receipts = z.infer<typeof receipts>;

const homeItem = z.object({
  teamId: idSchema,
  teamName: z.string(),
  postId: idSchema,
  author: z.string(),
  excerpt: z.string(),
  createdAt: isoDateTime,
});
export type HomeItem = z.infer<typeof homeItem>;

/** A meeting poll waiting for the user's answer. */
const pollItem = z.object({ teamId: idSchema, teamName: z.string(), meetingId: idSchema, title: z.string() });
export type PollItem = z.infer<typeof pollItem>;

/** What waits for a professional: teams with unread posts, urgent posts to acknowledge, mentions. */
export const careHome = z.object({
  teams: z.array(teamSummary),
  urgent: z.array(homeItem),
  mentions: z.array(homeItem),
  invitations: z.array(invitation),
  polls: z.array(pollItem),
});
export type CareHome = z.infer<typeof careHome>;

export const teamParams = z.object({ teamId: idSchema });
export const memberParams = z.object({ teamId: idSchema, memberId: idSchema });
export const postParams = z.object({ teamId: idSchema, postId: idSchema });
export const patientTeamsParams = z.object({ patientId: idSchema });
export const patientTeams = z.object({ items: z.array(teamSummary) });

/** What the live stream says: which team changed and how, never the content. */
export const liveEvent = z.object({
  type: z.enum(['post', 'read', 'team', 'meeting', 'admission', 'emergency']),
  teamId: idSchema,
  postId: idSchema.optional(),
  /** 'emergency': the patient's emergency sheet or ACP record changed, or EMS looked it up. */
  /** An admission episode (入退院) of the team changed. */
  episodeId: idSchema.optional(),
});
export type LiveEvent = z.infer<typeof liveEvent>;

export const postFileParams = z.object({ teamId: idSchema, postId: idSchema, fileId: idSchema });
