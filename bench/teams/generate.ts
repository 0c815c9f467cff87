// The care-team benchmark's data, written by SQL into a database the server has migrated and seeded:
// organisations with five professionals each, patients (each with the care-team consent), teams of
// five members from different organisations, and the timeline — posts spread over a year, every
// fifth a reply, 1% urgent, each read by two members. The demo physician (the one who signs in) is a
// sixth member of 40 teams and has read all but their last three posts; `subscribers` synthetic users
// are members of one more team, the one the live-update measure posts to. Ids are md5-derived, so
// the statements can refer to each other's rows without reading them back.
export type Scale = {
  organisations: number;
  patients: number;
  teams: number;
  posts: number;
  subscribers: number;
};

export const fullScale: Scale = {
  organisations: 100,
  patients: 10_000,
  teams: 2_000,
  posts: 1_000_000,
  subscribers: 200,
};

/** A tenth of the data (the PGlite run); as many subscribers. */
export const tenthScale: Scale = {
  organisations: 10,
  patients: 1_000,
  teams: 200,
  posts: 100_000,
  subscribers: 200,
};

const STAFF = 5;
const MEMBERS = 5;
export const DOCTOR_TEAMS = 40;
const UNREAD_PER_TEAM = 3;

// An md5 of the row's key, with the version and variant digits of a v4 UUID (the API checks them).
export const id = (kind: string, ...parts: string[]) =>
  `overlay(overlay(md5('${kind}-' || ${parts.join(" || '-' || ")}) placing '4' from 13) placing '8' from 17)::uuid`;

/** The statements, in order; `$1` in none (values are inlined from the scale). */
export function generationStatements(s: Scale): { what: string; sql: string }[] {
  const perTeam = Math.floor(s.posts / s.teams);
  // Enough people for the subscribers too; the first organisations × 5 are the teams' members.
  const users = Math.max(s.organisations * STAFF, s.subscribers);
  const roles = `(ARRAY['care_manager','visiting_nurse','physician','pharmacist','home_helper'])`;
  return [
    {
      what: `${s.organisations} organisations, ${users} professionals`,
      sql: `
INSERT INTO organisations (id, name, kana, kind)
SELECT ${id('org', 'o')}, '合成事業所' || o, 'ゴウセイジギョウショ', 'clinic' FROM generate_series(1, ${s.organisations}) o;
INSERT INTO users (id, login_id, display_name, kana, profession, password_hash)
SELECT ${id('user', 'u')}, 'bench-' || u, '合成 職員' || u, 'ゴウセイ ショクイン', 'nurse', '!'
FROM generate_series(1, ${users}) u;
INSERT INTO memberships (user_id, organisation_id, role)
SELECT ${id('user', 'u')}, ${id('org', `(((u - 1) / ${STAFF}) % ${s.organisations} + 1)`)}, 'member'
FROM generate_series(1, ${users}) u;`,
    },
    {
      what: `${s.patients} patients with the care-team consent`,
      sql: `
INSERT INTO patients (id, organisation_id, name, kana, kana_key, birth_date, sex, created_by)
SELECT ${id('patient', 'p')}, ${id('org', `((p - 1) % ${s.organisations} + 1)`)}, '合成 利用者' || p,
  'ゴウセイ リヨウシャ', 'ｺﾞｳｾｲﾘﾖｳｼｬ' || p, '1940-01-01', 'female', ${id('user', `((p - 1) % ${s.organisations}) * ${STAFF} + 1`)}
FROM generate_series(1, ${s.patients}) p;
INSERT INTO patient_consents (patient_id, scope, method, consented_on, organisation_id, recorded_by)
SELECT ${id('patient', 'p')}, 'care_team', 'written', '2025-01-01', ${id('org', `((p - 1) % ${s.organisations} + 1)`)},
  ${id('user', `((p - 1) % ${s.organisations}) * ${STAFF} + 1`)}
FROM generate_series(1, ${s.patients}) p;`,
    },
    {
      what: `${s.teams} teams of ${MEMBERS} members from different organisations`,
      sql: `
INSERT INTO care_teams (id, patient_id, name, owner_id, created_by, created_at)
SELECT ${id('team', 't')}, ${id('patient', `((t - 1) * ${Math.floor(s.patients / s.teams)} + 1)`)}, '合成チーム' || t,
  ${id('user', `((t - 1) % ${s.organisations}) * ${STAFF} + 1`)}, ${id('user', `((t - 1) % ${s.organisations}) * ${STAFF} + 1`)},
  now() - interval '400 days'
FROM generate_series(1, ${s.teams}) t;
INSERT INTO care_team_members (id, team_id, user_id, organisation_id, team_role, status, invited_at, joined_at)
SELECT ${id('member', 't', 'k')}, ${id('team', 't')},
  ${id('user', `(((t - 1) + k * 7) % ${s.organisations}) * ${STAFF} + ((t - 1) / ${s.organisations}) % ${STAFF} + 1`)},
  ${id('org', `(((t - 1) + k * 7) % ${s.organisations}) + 1`)},
  ${roles}[k + 1], 'active', now() - interval '400 days', now() - interval '400 days'
FROM generate_series(1, ${s.teams}) t, generate_series(0, ${MEMBERS - 1}) k;`,
    },
    {
      what: `${perTeam * s.teams} posts (${perTeam} per team over a year), each read by two members`,
      sql: `
INSERT INTO team_posts (id, team_id, parent_id, author_id, author_member_id, body, urgent, created_at)
SELECT ${id('post', 't', 'n')}, ${id('team', 't')},
  CASE WHEN n % 5 = 0 THEN ${id('post', 't', '(n - 1)')} END,
  ${id('user', `(((t - 1) + (n % ${MEMBERS}) * 7) % ${s.organisations}) * ${STAFF} + ((t - 1) / ${s.organisations}) % ${STAFF} + 1`)},
  ${id('member', 't', `(n % ${MEMBERS})`)},
  '本日訪問しました。血圧 128/74、体温 36.5℃、食事は8割摂取。夜間の睡眠は良好とのことです。記録 ' || n,
  n % 100 = 0,
  now() - interval '365 days' + (n * interval '365 days' / ${perTeam})
FROM generate_series(1, ${s.teams}) t, generate_series(1, ${perTeam}) n;
INSERT INTO team_post_reads (post_id, user_id, read_at)
SELECT ${id('post', 't', 'n')},
  ${id('user', `(((t - 1) + ((n + r) % ${MEMBERS}) * 7) % ${s.organisations}) * ${STAFF} + ((t - 1) / ${s.organisations}) % ${STAFF} + 1`)},
  now() - interval '365 days' + (n * interval '365 days' / ${perTeam}) + interval '2 hours'
FROM generate_series(1, ${s.teams}) t, generate_series(1, ${perTeam}) n, generate_series(1, 2) r;`,
    },
    {
      what: `the demo physician in ${DOCTOR_TEAMS} teams, ${UNREAD_PER_TEAM} unread in each`,
      sql: `
INSERT INTO care_team_members (id, team_id, user_id, organisation_id, team_role, status, invited_at, joined_at)
SELECT ${id('member', 't', "'doctor'")}, ${id('team', 't')}, u.id, m.organisation_id, 'physician', 'active',
  now() - interval '400 days', now() - interval '400 days'
FROM generate_series(1, ${DOCTOR_TEAMS}) t, users u JOIN memberships m ON m.user_id = u.id
WHERE u.login_id = 'doctor';
INSERT INTO team_post_reads (post_id, user_id, read_at)
SELECT ${id('post', 't', 'n')}, u.id, now() - interval '1 day'
FROM generate_series(1, ${DOCTOR_TEAMS}) t, generate_series(1, ${perTeam - UNREAD_PER_TEAM}) n, users u
WHERE u.login_id = 'doctor';`,
    },
    {
      what: `a team of the demo physician and ${s.subscribers} subscribers (the live-update measure)`,
      sql: `
INSERT INTO care_teams (id, patient_id, name, owner_id, created_by)
SELECT ${id('team', "'live'")}, ${id('patient', `${s.patients}`)}, '合成チーム（ライブ）', u.id, u.id FROM users u WHERE u.login_id = 'doctor';
INSERT INTO care_team_members (id, team_id, user_id, organisation_id, team_role, status, joined_at)
SELECT ${id('member', "'live'", 'u.login_id')}, ${id('team', "'live'")}, u.id, m.organisation_id, 'other', 'active', now()
FROM users u JOIN memberships m ON m.user_id = u.id
WHERE u.login_id = 'doctor' OR u.login_id IN (SELECT 'bench-' || g FROM generate_series(1, ${s.subscribers}) g);`,
    },
    {
      what: 'unread counts of every member (as migration 0012 computes them)',
      sql: `
UPDATE care_team_members m SET unread = (
  SELECT count(*) FROM team_posts p
  WHERE p.team_id = m.team_id AND p.author_id IS DISTINCT FROM m.user_id AND p.retracted_at IS NULL
    AND p.created_at >= m.joined_at
    AND NOT EXISTS (SELECT 1 FROM team_post_reads r WHERE r.post_id = p.id AND r.user_id = m.user_id)
) WHERE m.status = 'active';`,
    },
    { what: 'statistics', sql: 'ANALYZE;' },
  ];
}

/** The ids the measures use, as SQL that returns them. */
export const doctorTeamsSql = (count = DOCTOR_TEAMS) =>
  `SELECT ${id('team', 't')}::text AS id FROM generate_series(1, ${count}) t`;
export const liveTeamSql = `SELECT ${id('team', "'live'")}::text AS id`;
export const subscriberUsersSql = (count: number) =>
  `SELECT ${id('user', 'u')}::text AS id FROM generate_series(1, ${count}) u`;
