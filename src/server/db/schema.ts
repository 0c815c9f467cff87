// The database schema. One definition for PGlite and PostgreSQL; migrations are generated from it
// (`npm run db:generate`) and committed under ./migrations.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const optionalTime = (name: string) => timestamp(name, { withTimezone: true });
const timeNow = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
// Raw bytes: node-postgres gives a Buffer and PGlite a Uint8Array; both are Uint8Arrays.
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const areas = pgTable('areas', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kana: text('kana').notNull(),
  kind: text('kind').notNull(),
  responsibleCenterId: uuid('responsible_center_id').references((): AnyPgColumn => organisations.id),
  sortOrder: integer('sort_order').notNull().default(0),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    kana: text('kana').notNull(),
    kind: text('kind').notNull(),
    areaId: uuid('area_id').references((): AnyPgColumn => areas.id),
    phone: text('phone'),
    address: text('address'),
    active: boolean('active').notNull().default(true),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('organisations_kind_idx').on(t.kind)],
);

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  loginId: text('login_id').notNull().unique(),
  displayName: text('display_name').notNull(),
  kana: text('kana').notNull(),
  profession: text('profession').notNull(),
  systemRoles: text('system_roles').array().notNull().default(sql`'{}'::text[]`),
  passwordHash: text('password_hash').notNull(),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  // A new secret waiting for its first code; the current one keeps working until then.
  totpPendingSecret: text('totp_pending_secret'),
  // Last accepted TOTP time step: a code is never accepted twice.
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  failedLoginCount: integer('failed_login_count').notNull().default(0),
  lockedUntil: optionalTime('locked_until'),
  disabled: boolean('disabled').notNull().default(false),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: optionalTime('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

// WebAuthn passkeys: a second factor besides TOTP (a phone or a security key, no codes to type).
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    credentialId: text('credential_id').notNull(),
    publicKey: text('public_key').notNull(),
    counter: bigint('counter', { mode: 'number' }).notNull().default(0),
    transports: text('transports').array().notNull().default(sql`'{}'::text[]`),
    name: text('name').notNull(),
    createdAt: createdAt(),
    lastUsedAt: optionalTime('last_used_at'),
  },
  (t) => [uniqueIndex('passkeys_credential_idx').on(t.credentialId), index('passkeys_user_idx').on(t.userId)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.organisationId] }),
    index('memberships_org_idx').on(t.organisationId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie token: a database reader cannot replay a session.
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    stage: text('stage').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: optionalTime('revoked_at'),
    // The WebAuthn challenge this session is waiting to see signed (registration or sign-in).
    webauthnChallenge: text('webauthn_challenge'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invites = pgTable(
  'invites',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    tokenHash: text('token_hash').notNull(),
    role: text('role').notNull(),
    note: text('note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: optionalTime('used_at'),
    usedBy: uuid('used_by').references(() => users.id),
    revokedAt: optionalTime('revoked_at'),
  },
  (t) => [uniqueIndex('invites_token_idx').on(t.tokenHash), index('invites_org_idx').on(t.organisationId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: optionalTime('used_at'),
    revokedAt: optionalTime('revoked_at'),
  },
  (t) => [uniqueIndex('password_resets_token_idx').on(t.tokenHash)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by').references(() => users.id),
});

// Append-only and hash-chained; triggers in the migrations refuse UPDATE, DELETE and TRUNCATE.
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    organisationId: uuid('organisation_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    reason: text('reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // JSON text, not jsonb: jsonb reorders keys, and the hash covers the exact text.
    details: text('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_occurred_idx').on(t.occurredAt),
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_action_idx').on(t.action),
  ],
);

// The chain's head: one row, locked while a record is appended so the chain never forks.
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});

// ── Resource directory (在宅医療・介護資源マップ) ─────────────────────────────────────────────

/**
 * A service point (事業所・施設・医療機関): one row per official identity — (介護 事業所番号, service
 * code), (医療機関コード or ナビイ ID, kind), or a local entry made on the platform. Open-data imports
 * fill the official fields; the organisation that runs it maintains the rest (`maintained_at`).
 */
export const servicePoints = pgTable(
  'service_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    // 'kaigo' (事業所番号), 'medical' (医療機関コード / ナビイ ID) or 'local' (made on the platform).
    identityScheme: text('identity_scheme').notNull(),
    officialCode: text('official_code').notNull(),
    serviceCode: text('service_code').notNull(),
    // The service name as the source wrote it: kept for codes the shared list does not know.
    serviceName: text('service_name'),
    name: text('name').notNull(),
    kana: text('kana').notNull().default(''),
    municipalityCode: text('municipality_code'),
    prefecture: text('prefecture'),
    municipality: text('municipality'),
    address: text('address').notNull().default(''),
    building: text('building'),
    areaId: uuid('area_id').references(() => areas.id),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    phone: text('phone'),
    fax: text('fax'),
    url: text('url'),
    email: text('email'),
    corporateNumber: text('corporate_number'),
    corporateName: text('corporate_name'),
    openWeekdays: integer('open_weekdays').notNull().default(0),
    hours: text('hours'),
    hoursNote: text('hours_note'),
    capacity: integer('capacity'),
    beds: integer('beds'),
    departments: text('departments').array().notNull().default(sql`'{}'::text[]`),
    // Maintained by the organisation itself.
    capabilities: text('capabilities').array().notNull().default(sql`'{}'::text[]`),
    procedures: text('procedures').array().notNull().default(sql`'{}'::text[]`),
    vacancy: integer('vacancy'),
    vacancyUpdatedAt: optionalTime('vacancy_updated_at'),
    languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    careManagerTimePublic: boolean('care_manager_time_public').notNull().default(false),
    maintainedAt: optionalTime('maintained_at'),
    // From the open data.
    sourceNote: text('source_note'),
    importedAt: optionalTime('imported_at'),
    withdrawnAt: optionalTime('withdrawn_at'),
    // Search (features/directory/search/): the 五十音 order key and the normalised texts the in-memory
    // index is built from. A column `changed_xid` (xid8), set by a trigger on every insert and update
    // (migration 0006), tells each server process which rows changed since it last looked; it is not
    // mapped here because only the index's own SQL reads it.
    sortKey: text('sort_key').notNull(),
    nameText: text('name_text').notNull(),
    addressText: text('address_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('service_points_identity_idx').on(t.identityScheme, t.officialCode, t.serviceCode),
    index('service_points_org_idx').on(t.organisationId),
  ],
);

/** Every change to a service point: who, when, from where, and the fields before and after. */
export const servicePointVersions = pgTable(
  'service_point_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id')
      .notNull()
      .references(() => servicePoints.id),
    version: integer('version').notNull(),
    // 'edit' (published at once), 'approval' (a request the center approved), 'import', 'create'.
    source: text('source').notNull(),
    changedBy: uuid('changed_by').references(() => users.id),
    importRunId: uuid('import_run_id'),
    changedAt: createdAt(),
    before: jsonb('before').notNull(),
    after: jsonb('after').notNull(),
  },
  (t) => [index('service_point_versions_point_idx').on(t.servicePointId, t.version)],
);

/** Identity, name, address and kind changes wait here for the center (承認待ち). */
export const servicePointChangeRequests = pgTable(
  'service_point_change_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id')
      .notNull()
      .references(() => servicePoints.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: createdAt(),
    baseVersion: integer('base_version').notNull(),
    changes: jsonb('changes').notNull(),
    // 'pending' | 'approved' | 'rejected' | 'withdrawn'
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: optionalTime('decided_at'),
    comment: text('comment'),
  },
  (t) => [
    index('service_point_change_requests_status_idx').on(t.status, t.requestedAt),
    index('service_point_change_requests_point_idx').on(t.servicePointId),
  ],
);

/** ケアマネタイム: weekly windows when care managers may contact a physician or the clinic. */
export const careManagerTimes = pgTable(
  'care_manager_times',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    servicePointId: uuid('service_point_id')
      .notNull()
      .references(() => servicePoints.id),
    // Empty: the clinic as a whole.
    physicianName: text('physician_name').notNull().default(''),
    weekday: text('weekday').notNull(),
    // Minutes after midnight: comparable and sortable on both engines.
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
    channels: text('channels').array().notNull(),
    notes: text('notes'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    index('care_manager_times_point_idx').on(t.servicePointId),
    index('care_manager_times_weekday_idx').on(t.weekday, t.startMinute),
  ],
);

/** An open-data import: the file, what happened to each row, and the rows refused (with line numbers). */
export const importRuns = pgTable(
  'import_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fileName: text('file_name').notNull(),
    checksum: text('checksum').notNull(),
    layout: text('layout'),
    encoding: text('encoding'),
    // 'all_or_nothing' | 'valid_rows'
    mode: text('mode').notNull(),
    // 'running' | 'succeeded' | 'failed'
    status: text('status').notNull(),
    startedBy: uuid('started_by').references(() => users.id),
    startedAt: createdAt(),
    finishedAt: optionalTime('finished_at'),
    rowsRead: integer('rows_read').notNull().default(0),
    added: integer('added').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    withdrawn: integer('withdrawn').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    repairs: jsonb('repairs').notNull().default(sql`'[]'::jsonb`),
    error: text('error'),
  },
  (t) => [index('import_runs_started_idx').on(t.startedAt)],
);

export const importRejectedRows = pgTable(
  'import_rejected_rows',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => importRuns.id),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    raw: text('raw').notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.line] })],
);

// Patients (利用者台帳): recorded by an organisation, which is responsible for the record. Beyond it
// they are shared only under consent in force (patient_consents), through platform/patient-access.ts.
export const patients = pgTable(
  'patients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    kana: text('kana').notNull(),
    // Normalised reading (search-text.ts): the duplicate guard and the search compare it.
    kanaKey: text('kana_key').notNull(),
    birthDate: text('birth_date').notNull(),
    sex: text('sex').notNull(),
    address: text('address'),
    areaId: uuid('area_id').references(() => areas.id),
    phone: text('phone'),
    insuredNumber: text('insured_number'),
    careLevel: text('care_level'),
    physicalIndependence: text('physical_independence'),
    dementiaIndependence: text('dementia_independence'),
    livesAlone: boolean('lives_alone').notNull().default(false),
    keyPersons: jsonb('key_persons').notNull().default(sql`'[]'::jsonb`),
    primaryPhysicianPointId: uuid('primary_physician_point_id').references(() => servicePoints.id),
    primaryPhysicianName: text('primary_physician_name'),
    careManagerPointId: uuid('care_manager_point_id').references(() => servicePoints.id),
    careManagerName: text('care_manager_name'),
    medicalHistory: text('medical_history'),
    medication: text('medication'),
    allergies: text('allergies'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('patients_organisation_kana_idx').on(t.organisationId, t.kanaKey),
    index('patients_kana_birth_idx').on(t.kanaKey, t.birthDate),
  ],
);

// Consent to share, one row per scope; a withdrawal ends it and keeps the row (its history).
export const patientConsents = pgTable(
  'patient_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    scope: text('scope').notNull(),
    method: text('method').notNull(),
    consentedOn: text('consented_on').notNull(),
    notes: text('notes'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: createdAt(),
    withdrawnAt: optionalTime('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalReason: text('withdrawal_reason'),
    // The signed consent form, scanned (同意書の写し); the rows recorded together share it.
    documentFileId: uuid('document_file_id').references((): AnyPgColumn => storedFiles.id),
  },
  (t) => [index('patient_consents_patient_idx').on(t.patientId)],
);

// Care teams (ケアチーム): the professionals around one patient, and what they write to each other.
// Members act for one of their organisations; leaving it ends their access (patient-access.ts joins
// memberships). Nothing here is deleted: members end with a status, posts are retracted.
export const careTeams = pgTable(
  'care_teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    name: text('name').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    status: text('status').notNull().default('open'),
    closedAt: optionalTime('closed_at'),
    closedBy: uuid('closed_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('care_teams_patient_idx').on(t.patientId)],
);

export const careTeamMembers = pgTable(
  'care_team_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    teamRole: text('team_role').notNull(),
    // invited → active → left | removed; invited → declined. Expired invitations stay 'invited'.
    status: text('status').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id),
    invitedAt: timeNow('invited_at'),
    invitationExpiresAt: optionalTime('invitation_expires_at'),
    joinedAt: optionalTime('joined_at'),
    endedAt: optionalTime('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
    // Posts of others since joining, not retracted, not yet read (teams/unread.ts keeps it current):
    // the home page reads it instead of counting a year of posts for every team.
    unread: integer('unread').notNull().default(0),
  },
  (t) => [
    // One current place per person and team.
    uniqueIndex('care_team_members_current_idx')
      .on(t.teamId, t.userId)
      .where(sql`status IN ('invited', 'active')`),
    index('care_team_members_user_idx').on(t.userId, t.status),
  ],
);

export const teamPosts = pgTable(
  'team_posts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => teamPosts.id),
    // A professional's post names the user and their place; a family member's, their family row.
    authorId: uuid('author_id').references(() => users.id),
    authorMemberId: uuid('author_member_id').references(() => careTeamMembers.id),
    authorFamilyId: uuid('author_family_id').references((): AnyPgColumn => teamFamilyMembers.id),
    body: text('body').notNull(),
    // text, vitals (バイタル) or visit_report (訪問記録); the structured ones keep their fields in data.
    kind: text('kind').notNull().default('text'),
    data: jsonb('data'),
    urgent: boolean('urgent').notNull().default(false),
    // Shown to the team's family members too (家族にも共有); family members' own posts always are.
    forFamily: boolean('for_family').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    editedAt: optionalTime('edited_at'),
    // A retraction hides the text from the members and keeps it here, with the reason, for audit.
    retractedAt: optionalTime('retracted_at'),
    retractionReason: text('retraction_reason'),
  },
  (t) => [
    index('team_posts_timeline_idx').on(t.teamId, t.createdAt, t.id),
    index('team_posts_parent_idx').on(t.parentId),
    // The home page's urgent posts: few per team, found without reading the team's timeline.
    index('team_posts_urgent_idx').on(t.teamId, t.createdAt).where(sql`${t.urgent}`),
    // One author — a member or a family member — save the platform's own notices, which have none.
    check(
      'team_posts_one_author',
      sql`(${t.authorMemberId} IS NULL) <> (${t.authorFamilyId} IS NULL)
        OR (${t.kind} = 'notice' AND ${t.authorMemberId} IS NULL AND ${t.authorFamilyId} IS NULL)`,
    ),
  ],
);

// Earlier texts of an edited post, one row per replaced version.
export const teamPostRevisions = pgTable(
  'team_post_revisions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => teamPosts.id),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    data: jsonb('data'),
    replacedAt: timeNow('replaced_at'),
  },
  (t) => [primaryKey({ columns: [t.postId, t.version] })],
);

export const teamPostMentions = pgTable(
  'team_post_mentions',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => teamPosts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('team_post_mentions_user_idx').on(t.userId)],
);

// Read receipts (既読) per member and post; an urgent post is also acknowledged (確認).
export const teamPostReads = pgTable(
  'team_post_reads',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => teamPosts.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    readAt: timeNow('read_at'),
    acknowledgedAt: optionalTime('acknowledged_at'),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), index('team_post_reads_user_idx').on(t.userId)],
);

// 担当者会議の日程調整: the owner proposes dates, members answer ○△×, the owner fixes one.
export const teamMeetings = pgTable(
  'team_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    title: text('title').notNull(),
    place: text('place'),
    // polling → fixed | cancelled
    status: text('status').notNull().default('polling'),
    fixedOptionId: uuid('fixed_option_id'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    fixedAt: optionalTime('fixed_at'),
  },
  (t) => [index('team_meetings_team_idx').on(t.teamId, t.createdAt)],
);

export const teamMeetingOptions = pgTable(
  'team_meeting_options',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => teamMeetings.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('team_meeting_options_meeting_idx').on(t.meetingId, t.startsAt)],
);

export const teamMeetingAnswers = pgTable(
  'team_meeting_answers',
  {
    optionId: uuid('option_id')
      .notNull()
      .references(() => teamMeetingOptions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    // ○ yes, △ maybe, × no
    answer: text('answer').notNull(),
    answeredAt: timeNow('answered_at'),
  },
  (t) => [primaryKey({ columns: [t.optionId, t.userId] })],
);

// Family members of a care team (家族): invited by the owner with a one-time code, they see the posts
// shared with the family and write their own, while the patient's consent to share with the family
// is in force. They have no user account: the code opens a family session for this one team.
export const teamFamilyMembers = pgTable(
  'team_family_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    // invited → active → removed
    status: text('status').notNull().default('invited'),
    codeHash: text('code_hash').notNull(),
    codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    joinedAt: optionalTime('joined_at'),
    endedAt: optionalTime('ended_at'),
    endedBy: uuid('ended_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('team_family_members_code_idx').on(t.codeHash),
    index('team_family_members_team_idx').on(t.teamId),
  ],
);

export const familySessions = pgTable('family_sessions', {
  // SHA-256 of the cookie's token, as for professionals' sessions.
  id: text('id').primaryKey(),
  familyMemberId: uuid('family_member_id')
    .notNull()
    .references(() => teamFamilyMembers.id),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  revokedAt: optionalTime('revoked_at'),
});

// Files of a patient (images, PDF): attachments of posts, scanned consent forms. Kept in the database
// so that a backup of it is a backup of everything and every server process sees them. The type is
// the one found in the content, never the one the name or the browser claims. A file stays
// unattached until the post or consent that uses it is saved; unattached ones are cleared after a day.
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    // The team it was uploaded to (post attachments); null for a consent form.
    teamId: uuid('team_id').references(() => careTeams.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
    attachedAt: optionalTime('attached_at'),
  },
  (t) => [
    index('stored_files_patient_idx').on(t.patientId),
    index('stored_files_unattached_idx').on(t.createdAt).where(sql`${t.attachedAt} IS NULL`),
  ],
);

export const teamPostAttachments = pgTable(
  'team_post_attachments',
  {
    postId: uuid('post_id')
      .notNull()
      .references(() => teamPosts.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.fileId] }),
    uniqueIndex('team_post_attachments_file_idx').on(t.fileId),
  ],
);

// A system administrator's audited, time-limited look at one care team (監査付き閲覧), for support:
// read-only, with the reason given, listed to the team's members while it lasts.
export const supportAccessGrants = pgTable(
  'support_access_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('support_access_grants_team_idx').on(t.teamId, t.expiresAt)],
);

/**
 * A professional's daily digest by e-mail (毎日のお知らせメール): counts only, never a patient's or a
 * team's name. Sent once the address is confirmed by the code mailed to it; `lastSentOn` (a date in
 * Japan) is claimed by one server process before it sends, so a day's digest goes out once.
 */
export const digestSubscriptions = pgTable(
  'digest_subscriptions',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    email: text('email').notNull(),
    // The hour (0–23, in Japan) from which the day's digest is sent.
    sendHour: integer('send_hour').notNull(),
    confirmedAt: optionalTime('confirmed_at'),
    codeHash: text('code_hash'),
    codeExpiresAt: optionalTime('code_expires_at'),
    codeAttempts: integer('code_attempts').notNull().default(0),
    lastSentOn: text('last_sent_on'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check('digest_subscriptions_hour_check', sql`${t.sendHour} BETWEEN 0 AND 23`)],
);

/**
 * The admission and discharge support rule (入退院支援ルール) in versions: its text and deadlines
 * (shared/schemas/admission-rule.ts). A version is never changed; the one in force on a day is the
 * latest whose `effective_from` has come.
 */
export const admissionRuleVersions = pgTable(
  'admission_rule_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    parameters: jsonb('parameters').notNull(),
    effectiveFrom: text('effective_from').notNull(),
    isExample: boolean('is_example').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('admission_rule_versions_version_idx').on(t.version)],
);

/**
 * Participation in the rule (入退院支援ルール参加登録): a hospital or care-management office (a
 * directory entry, with or without accounts) declares whether it operates the rule and, for a
 * hospital, its admission/discharge window (入退院支援窓口). One row per entry, changed in place
 * with `version` against concurrent edits; every change is in the audit log.
 */
export const admissionParticipation = pgTable('admission_participation', {
  servicePointId: uuid('service_point_id')
    .primaryKey()
    .references(() => servicePoints.id),
  participates: boolean('participates').notNull(),
  windowDepartment: text('window_department'),
  windowPhone: text('window_phone'),
  windowFax: text('window_fax'),
  windowHours: text('window_hours'),
  // MSW (医療ソーシャルワーカー) / 退院調整看護師 on staff.
  socialWorkerOnStaff: boolean('social_worker_on_staff').notNull().default(false),
  dischargeNurseOnStaff: boolean('discharge_nurse_on_staff').notNull().default(false),
  notes: text('notes'),
  declaredBy: uuid('declared_by')
    .notNull()
    .references(() => users.id),
  declaredAt: timeNow('declared_at'),
  version: integer('version').notNull().default(1),
});

/**
 * An admission episode (入退院): one hospital stay of a patient, tied to their care team. Its
 * deadlines come from the rule version in force on the admission date, kept here so that a later
 * version never moves them. A transfer (転院) closes it and opens a linked one at the next hospital.
 */
export const admissionEpisodes = pgTable(
  'admission_episodes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => careTeams.id),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    hospitalPointId: uuid('hospital_point_id')
      .notNull()
      .references(() => servicePoints.id),
    careOfficePointId: uuid('care_office_point_id').references(() => servicePoints.id),
    ruleVersionId: uuid('rule_version_id')
      .notNull()
      .references(() => admissionRuleVersions.id),
    admittedOn: text('admitted_on').notNull(),
    ward: text('ward'),
    expectedDischargeOn: text('expected_discharge_on'),
    dischargedOn: text('discharged_on'),
    // home | transfer | death | facility (施設入所); null while in hospital.
    outcome: text('outcome'),
    needsConference: boolean('needs_conference').notNull().default(false),
    transferredFromId: uuid('transferred_from_id').references((): AnyPgColumn => admissionEpisodes.id),
    notes: text('notes'),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('admission_episodes_team_idx').on(t.teamId, t.admittedOn),
    index('admission_episodes_hospital_idx').on(t.hospitalPointId, t.admittedOn),
    // The episode page asks for the stay a transfer led to.
    index('admission_episodes_transferred_from_idx').on(t.transferredFromId),
  ],
);

/**
 * The steps of an episode, each with its owner (the hospital or the care-management office, and that
 * side's organisation when it has accounts), its due date from the rule, and how it was done: inside
 * the platform, or by FAX, phone, post or by hand with the person on the other side.
 */
export const admissionEpisodeSteps = pgTable(
  'admission_episode_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => admissionEpisodes.id),
    step: text('step').notNull(),
    ownerSide: text('owner_side').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id').references(() => organisations.id),
    // null until the date it counts from is known (the expected discharge, the discharge).
    dueOn: text('due_on'),
    // pending | done | not_needed
    status: text('status').notNull().default('pending'),
    doneOn: text('done_on'),
    method: text('method'),
    counterpart: text('counterpart'),
    notes: text('notes'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: optionalTime('recorded_at'),
    receivedAt: optionalTime('received_at'),
    receivedBy: uuid('received_by').references(() => users.id),
    // 退院前カンファレンス: when it is to be held, who took part, what was agreed.
    scheduledAt: optionalTime('scheduled_at'),
    participants: text('participants'),
    minutes: text('minutes'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('admission_episode_steps_step_idx').on(t.episodeId, t.step),
    // The overdue and due-soon lists: pending steps by owner and date, and for the whole city.
    index('admission_episode_steps_owner_due_idx')
      .on(t.ownerOrganisationId, t.dueOn)
      .where(sql`status = 'pending'`),
    index('admission_episode_steps_due_idx').on(t.dueOn).where(sql`status = 'pending'`),
  ],
);

/**
 * The forms of an episode (入院時情報提供書, 退院・退所情報記録書) in revisions: a draft is saved in
 * place; once sent (or confirmed) a change makes the next revision, so what the hospital received
 * stays as it was and the change shows. `form_version` is the definition's version it was filled with.
 */
export const admissionDocuments = pgTable(
  'admission_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => admissionEpisodes.id),
    formId: text('form_id').notNull(),
    formVersion: integer('form_version').notNull(),
    revision: integer('revision').notNull(),
    values: jsonb('values').notNull(),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => users.id),
    savedAt: timeNow('saved_at'),
    sentAt: optionalTime('sent_at'),
    sentBy: uuid('sent_by').references(() => users.id),
    receivedAt: optionalTime('received_at'),
    receivedBy: uuid('received_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('admission_documents_revision_idx').on(t.episodeId, t.formId, t.revision)],
);

/** Files on an episode (診療情報提供書, 看護サマリー, the care plan …): stored files of the patient. */
export const admissionEpisodeFiles = pgTable(
  'admission_episode_files',
  {
    fileId: uuid('file_id')
      .primaryKey()
      .references(() => storedFiles.id),
    episodeId: uuid('episode_id')
      .notNull()
      .references(() => admissionEpisodes.id),
    kind: text('kind').notNull(),
    attachedBy: uuid('attached_by')
      .notNull()
      .references(() => users.id),
    attachedAt: timeNow('attached_at'),
  },
  (t) => [index('admission_episode_files_episode_idx').on(t.episodeId)],
);

/**
 * A city's own versions of the forms (src/shared/forms): the definitions that ship are version 1;
 * a revision (a field added, a choice reworded) is stored here as data, never changed, and a filled
 * form keeps the version it was filled with.
 */
export const admissionFormVersions = pgTable(
  'admission_form_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    formId: text('form_id').notNull(),
    version: integer('version').notNull(),
    definition: jsonb('definition').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('admission_form_versions_version_idx').on(t.formId, t.version)],
);

/**
 * 人生会議 (ACP) records: each discussion a numbered version of the patient's record. A draft
 * changes in place; a confirmed version never changes (a change is the next version). The latest
 * confirmed one is current. At most one draft per patient.
 */
export const acpRecords = pgTable(
  'acp_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    number: integer('number').notNull(),
    status: text('status').notNull(),
    formVersion: integer('form_version').notNull(),
    values: jsonb('values').notNull(),
    /** The day of the discussion (values.discussedOn), set on confirming: the monthly counts read it. */
    discussedOn: text('discussed_on'),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => users.id),
    savedAt: timeNow('saved_at'),
    confirmedBy: uuid('confirmed_by').references(() => users.id),
    confirmedAt: optionalTime('confirmed_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('acp_records_number_idx').on(t.patientId, t.number),
    uniqueIndex('acp_records_one_draft_idx').on(t.patientId).where(sql`status = 'draft'`),
    index('acp_records_discussed_idx').on(t.discussedOn),
  ],
);

/** 救急医療情報: one sheet per patient, kept current by the care team (checked on each save). */
export const emergencySheets = pgTable('emergency_sheets', {
  patientId: uuid('patient_id')
    .primaryKey()
    .references(() => patients.id),
  formVersion: integer('form_version').notNull(),
  values: jsonb('values').notNull(),
  savedBy: uuid('saved_by')
    .notNull()
    .references(() => users.id),
  savedAt: timeNow('saved_at'),
  /** When the sheet was last gone through with the person or family, and by whom. */
  confirmedOn: text('confirmed_on'),
  confirmedBy: uuid('confirmed_by').references(() => users.id),
  version: integer('version').notNull().default(1),
});

/**
 * Kits issued (救急医療情報キット): the card's QR token and short code, kept only as SHA-256 hashes. One
 * kit in force per patient; reissuing revokes the one before (its card stops working). The rows stay:
 * counts per month and area are an indicator.
 */
export const emergencyKits = pgTable(
  'emergency_kits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    patientId: uuid('patient_id')
      .notNull()
      .references(() => patients.id),
    tokenHash: text('token_hash').notNull(),
    codeHash: text('code_hash').notNull(),
    issuedOn: text('issued_on').notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    areaId: uuid('area_id').references(() => areas.id),
    eligibility: text('eligibility').notNull(),
    revokedAt: optionalTime('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('emergency_kits_token_idx').on(t.tokenHash),
    uniqueIndex('emergency_kits_code_idx').on(t.codeHash),
    uniqueIndex('emergency_kits_in_force_idx').on(t.patientId).where(sql`revoked_at IS NULL`),
    index('emergency_kits_issued_idx').on(t.issuedOn),
  ],
);

/**
 * Every EMS look-up (QR, short code, break-glass search), found or not: the center's review list, the
 * care team's notice, and the count behind the lockout. No patient data but the patient's id.
 */
export const emergencyAccesses = pgTable(
  'emergency_accesses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timeNow('at'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    patientId: uuid('patient_id').references(() => patients.id),
    kitId: uuid('kit_id').references(() => emergencyKits.id),
    method: text('method').notNull(),
    /** The break-glass search a row belongs to (one search may show several people). */
    searchId: uuid('search_id'),
    reason: text('reason').notNull(),
    reasonNote: text('reason_note'),
    found: boolean('found').notNull(),
    ip: text('ip').notNull(),
    reviewOutcome: text('review_outcome'),
    reviewNote: text('review_note'),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: optionalTime('reviewed_at'),
  },
  (t) => [
    index('emergency_accesses_at_idx').on(t.at),
    index('emergency_accesses_patient_idx').on(t.patientId, t.at),
    // The lockout counts failures by address and by account; the search limit, an account's searches.
    index('emergency_accesses_failed_ip_idx').on(t.ip, t.at).where(sql`NOT found`),
    index('emergency_accesses_failed_user_idx').on(t.userId, t.at).where(sql`NOT found`),
    index('emergency_accesses_search_user_idx').on(t.userId, t.at).where(sql`method = 'search'`),
  ],
);
