// The admission benchmark's data, written by SQL into a database the server has migrated and seeded
// (the demo city: two hospitals, みらい中央病院 with the demo MSW and ひだまり台リハビリテーション病院
// without accounts, and two care-management offices, service code 430). On top of it:
// - care managers (the demo one, `caremanager`, and synthetic colleagues: five per office) and visiting
//   nurses (five per demo nursing station);
// - `patients` patients, one care team each — its care manager, from the office its care-office steps
//   belong to, and a visiting nurse — with the care-team consent (withdrawn for 1 in 50). The demo care
//   manager holds the care-manager place in 1 team in 10 (1 in 5 of her office's);
// - `episodes` admission episodes, five per patient over the last two years (one in each 146-day slot,
//   so a patient's stays never overlap), 60% at the MSW's hospital; stays of 5–44 days, so about 3%
//   are still in hospital today, the latest of their patient;
// - four steps per episode (`insertEpisode` in src/server/features/admission/episodes.ts), owned by the
//   hospital's or the care office's organisation, their due dates from the demo rule in force (business
//   days, public holidays and the year-end closure, computed by deadlines.ts into a table of days).
//   Of a discharged episode's steps most were done on time, some late, 2–3% never recorded (overdue
//   for months); a running episode's are done, overdue or due soon. Every episode is under the rule in
//   force today (the demo city has one version, from 2026-04-01), the earlier admissions too.
// Ids are md5-derived (teams/generate.ts), and every choice is a byte of md5('episode-' || n): a run
// with the same count on the same day writes the same data.

import { addRuleDays } from '../../src/server/features/admission/deadlines';
import { addCalendarDays } from '../../src/shared/dates';
import { stepMethods } from '../../src/shared/schemas/admission-episodes';
import type { RuleParameters } from '../../src/shared/schemas/admission-rule';
import type { Sql } from '../teams/bench';
import { id } from '../teams/generate';

export type Scale = {
  episodes: number;
  /** One care team each; five episodes per patient. */
  patients: number;
  /** Episodes per patient at most, one per slot of `slotDays` over the last two years. */
  slots: number;
  slotDays: number;
};

const EPISODES_PER_PATIENT = 5;
const HISTORY_DAYS = 730;
const CARE_MANAGERS_PER_OFFICE = 5;
const NURSES_PER_STATION = 5;
/** The demo care manager's share of the teams: 1 in CARE_MANAGER_SHARE. */
const CARE_MANAGER_SHARE = 10;

export function scaleOf(episodes: number): Scale {
  const patients = Math.max(1, Math.round(episodes / EPISODES_PER_PATIENT));
  const slots = Math.ceil(episodes / patients);
  return { episodes, patients, slots, slotDays: Math.floor(HISTORY_DAYS / slots) };
}

/** What the data hangs on: rows of the demo city, found by the accounts that use them. */
export type Demo = {
  today: string;
  rule: { id: string; parameters: RuleParameters };
  /** Hospitals of the directory, the demo MSW's first. */
  hospitals: { id: string; organisationId: string | null }[];
  /** Care-management offices (430), the demo care manager's first; each with accounts. */
  offices: { id: string; organisationId: string }[];
  /** Visiting-nurse organisations. */
  nursingStations: string[];
  careManager: { id: string; organisationId: string };
  msw: { id: string; organisationId: string };
};

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

export async function readDemo(sql: Sql, today: string): Promise<Demo> {
  const account = async (loginId: string) => {
    const [row] = (
      await sql.query(`SELECT u.id::text AS id, m.organisation_id::text AS org FROM users u
        JOIN memberships m ON m.user_id = u.id WHERE u.login_id = '${loginId}'`)
    ).rows;
    if (!row) throw new Error(`The demo account "${loginId}" (with an organisation) is missing`);
    return { id: String(row.id), organisationId: String(row.org) };
  };
  const careManager = await account('caremanager');
  const msw = await account('msw');
  const points = async (serviceCode: string, first: string) =>
    (
      await sql.query(`SELECT id::text AS id, organisation_id::text AS org FROM service_points
        WHERE service_code = '${serviceCode}' AND withdrawn_at IS NULL
        ORDER BY organisation_id IS DISTINCT FROM '${first}', official_code`)
    ).rows.map((row) => ({ id: String(row.id), organisationId: text(row.org) }));
  const hospitals = await points('hospital', msw.organisationId);
  const offices = (await points('430', careManager.organisationId)).map((office) => {
    if (!office.organisationId) throw new Error('A care-management office (430) has no organisation');
    return { id: office.id, organisationId: office.organisationId };
  });
  if (hospitals[0]?.organisationId !== msw.organisationId || hospitals.length < 2)
    throw new Error('Expected two hospitals in the directory, one of them the demo MSW’s');
  if (offices[0]?.organisationId !== careManager.organisationId || offices.length < 2)
    throw new Error('Expected two care-management offices (430), one of them the demo care manager’s');
  const nursingStations = (
    await sql.query(`SELECT id::text AS id FROM organisations WHERE kind = 'visiting_nurse' ORDER BY name`)
  ).rows.map((row) => String(row.id));
  if (nursingStations.length === 0) throw new Error('No visiting-nurse organisation in the demo city');
  const [rule] = (
    await sql.query(`SELECT id::text AS id, parameters::text AS parameters FROM admission_rule_versions
      WHERE effective_from <= '${today}' ORDER BY version DESC LIMIT 1`)
  ).rows;
  if (!rule) throw new Error('No admission rule in force');
  return {
    today,
    rule: { id: String(rule.id), parameters: JSON.parse(String(rule.parameters)) as RuleParameters },
    hospitals,
    offices,
    nursingStations,
    careManager,
    msw,
  };
}

const uuid = (value: string | null) => (value ? `'${value}'::uuid` : 'NULL::uuid');
const uuids = (values: (string | null)[]) => `(ARRAY[${values.map(uuid).join(', ')}])`;
const str = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The statements, in order (values inlined; `$1` in none). */
export function generationStatements(s: Scale, demo: Demo): { what: string; sql: string }[] {
  const T = `DATE '${demo.today}'`;
  const P = s.patients;
  const offices = demo.offices.length;
  const stations = demo.nursingStations.length;
  const rule = demo.rule.parameters;
  // The first office has the demo care manager and CARE_MANAGERS_PER_OFFICE - 1 colleagues.
  const careManagers = demo.offices.flatMap((office, o) =>
    Array.from({ length: o === 0 ? CARE_MANAGERS_PER_OFFICE - 1 : CARE_MANAGERS_PER_OFFICE }, (_, i) => ({
      key: `cm-${o + 1}-${i + 1}`,
      organisationId: office.organisationId,
    })),
  );
  const nurses = demo.nursingStations.flatMap((organisationId, n) =>
    Array.from({ length: NURSES_PER_STATION }, (_, i) => ({
      key: `nurse-${n + 1}-${i + 1}`,
      organisationId,
    })),
  );
  const staff = [
    ...careManagers.map((cm) => ({ ...cm, profession: 'care_manager', name: '合成 ケアマネ' })),
    ...nurses.map((nurse) => ({ ...nurse, profession: 'nurse', name: '合成 看護師' })),
  ];
  // The deadlines of every day the data can count from, as the rule in force counts them.
  const days: string[] = [];
  for (let d = addCalendarDays(demo.today, -HISTORY_DAYS - 70); d <= addCalendarDays(demo.today, 90); ) {
    days.push(
      `(DATE '${d}', DATE '${addRuleDays(d, rule.admissionInfoDays, rule)}', DATE '${addRuleDays(d, -rule.dischargeNoticeDaysBefore, rule)}', DATE '${addRuleDays(d, rule.dischargeInfoDays, rule)}')`,
    );
    d = addCalendarDays(d, 1);
  }
  const methods = `(ARRAY[${stepMethods.map(str).join(', ')}])`;
  const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
  const at = (date: string, time: string) =>
    `((${date})::timestamp + time '${time}') AT TIME ZONE 'Asia/Tokyo'`;
  const byte = (i: number) => `get_byte(h, ${i})`;

  return [
    {
      what: `${careManagers.length} care managers and ${nurses.length} visiting nurses`,
      sql: `
INSERT INTO users (id, login_id, display_name, kana, profession, password_hash) VALUES
${staff.map((u, i) => `(${id('user', str(u.key))}, ${str(`bench-${u.key}`)}, ${str(`${u.name}${i + 1}`)}, 'ゴウセイ ショクイン', '${u.profession}', '!')`).join(',\n')};
INSERT INTO memberships (user_id, organisation_id, role) VALUES
${staff.map((u) => `(${id('user', str(u.key))}, ${uuid(u.organisationId)}, 'member')`).join(',\n')};`,
    },
    {
      what: `${P} patients with the care-team consent, one care team each`,
      sql: `
CREATE TEMP TABLE bench_patient AS
SELECT p, ${id('patient', 'p')} AS patient_id, ${id('team', 'p')} AS team_id,
  ${uuids(demo.offices.map((o) => o.organisationId))}[o] AS office_org,
  ${uuids(demo.offices.map((o) => o.id))}[o] AS office_point,
  CASE WHEN o = 1 AND p % ${CARE_MANAGER_SHARE} = 1 THEN ${uuid(demo.careManager.id)}
    ELSE ${id('user', "'cm-' || o || '-' || cm")} END AS cm_user,
  ${uuids(demo.nursingStations)}[n] AS nurse_org,
  ${id('user', `'nurse-' || n || '-' || ((p / ${stations}) % ${NURSES_PER_STATION} + 1)`)} AS nurse_user,
  -- Most patients were recorded by their care office, a third by their visiting-nurse station.
  p % 3 = 0 AS recorded_by_nurse,
  p % 50 = 7 AS consent_withdrawn
FROM (
  SELECT p, o, 1 + p % ${stations} AS n,
    CASE WHEN o = 1 THEN (p / 2) % ${CARE_MANAGERS_PER_OFFICE - 1} + 1
      ELSE (p / 2 / ${Math.max(1, offices - 1)}) % ${CARE_MANAGERS_PER_OFFICE} + 1 END AS cm
  FROM (
    -- Odd patients are the first office's (the demo care manager's), even ones the others'.
    SELECT p, CASE WHEN p % 2 = 1 THEN 1 ELSE 2 + (p / 2) % ${offices - 1} END AS o
    FROM generate_series(1, ${P}) p
  ) x
) y;
INSERT INTO patients (id, organisation_id, name, kana, kana_key, birth_date, sex, created_by, created_at)
SELECT patient_id, CASE WHEN recorded_by_nurse THEN nurse_org ELSE office_org END, '合成 利用者' || p,
  'ゴウセイ リヨウシャ', 'ｺﾞｳｾｲﾘﾖｳｼｬ' || p, (1925 + p % 20) || '-0' || (1 + p % 9) || '-1' || (p % 10),
  CASE WHEN p % 5 < 2 THEN 'male' ELSE 'female' END,
  CASE WHEN recorded_by_nurse THEN nurse_user ELSE cm_user END, now() - interval '800 days'
FROM bench_patient;
INSERT INTO patient_consents (patient_id, scope, method, consented_on, organisation_id, recorded_by, created_at,
  withdrawn_at, withdrawn_by, withdrawal_reason)
SELECT patient_id, 'care_team', 'written', to_char(${T} - 800, 'YYYY-MM-DD'),
  CASE WHEN recorded_by_nurse THEN nurse_org ELSE office_org END,
  CASE WHEN recorded_by_nurse THEN nurse_user ELSE cm_user END, now() - interval '800 days',
  CASE WHEN consent_withdrawn THEN now() - interval '30 days' END,
  CASE WHEN consent_withdrawn THEN cm_user END,
  CASE WHEN consent_withdrawn THEN '本人の申し出により撤回' END
FROM bench_patient;
INSERT INTO care_teams (id, patient_id, name, owner_id, created_by, created_at)
SELECT team_id, patient_id, '合成チーム' || p, cm_user, cm_user, now() - interval '800 days' FROM bench_patient;
INSERT INTO care_team_members (id, team_id, user_id, organisation_id, team_role, status, invited_at, joined_at)
SELECT ${id('member', 'p', "'cm'")}, team_id, cm_user, office_org, 'care_manager', 'active',
  now() - interval '800 days', now() - interval '800 days'
FROM bench_patient
UNION ALL
SELECT ${id('member', 'p', "'nurse'")}, team_id, nurse_user, nurse_org, 'visiting_nurse', 'active',
  now() - interval '800 days', now() - interval '800 days'
FROM bench_patient;`,
    },
    {
      what: `${s.episodes} admission episodes over ${HISTORY_DAYS} days`,
      sql: `
CREATE TEMP TABLE bench_days (d date PRIMARY KEY, admission_info date, discharge_notice date, discharge_info date);
INSERT INTO bench_days VALUES
${days.join(',\n')};
CREATE TEMP TABLE bench_ep AS
SELECT e, ${id('episode', 'e')} AS id, team_id, patient_id, office_org, office_point, cm_user,
  ${uuids(demo.hospitals.map((h) => h.id))}[hospital] AS hospital_point,
  ${uuids(demo.hospitals.map((h) => h.organisationId))}[hospital] AS hospital_org,
  -- The hospital's steps are recorded by its window, or by the care manager where it has no accounts.
  CASE WHEN hospital = 1 THEN ${uuid(demo.msw.id)} ELSE cm_user END AS hospital_recorder,
  admitted, discharged,
  CASE WHEN discharged IS NOT NULL THEN CASE WHEN ${byte(4)} < 13 THEN NULL ELSE discharged END
    WHEN ${byte(4)} < 64 THEN NULL
    -- Still in hospital past the expected date.
    WHEN ${byte(4)} < 96 THEN greatest(admitted + 1, admitted + stay - 10)
    ELSE admitted + stay END AS expected,
  ${byte(5)} < 77 AS needs_conference,
  CASE WHEN discharged IS NULL THEN NULL WHEN ${byte(6)} < 10 THEN 'death' WHEN ${byte(6)} < 41 THEN 'facility'
    ELSE 'home' END AS outcome,
  ${byte(7)} AS s1, ${byte(8)} AS s2, ${byte(9)} AS s3, ${byte(10)} AS s4,
  ${byte(11)} AS j1, ${byte(12)} AS j2, ${byte(13)} AS j3, ${byte(14)} AS j4, ${byte(15)} AS m
FROM (
  SELECT *, CASE WHEN admitted + stay >= ${T} THEN NULL ELSE least(admitted + stay, slot_end) END AS discharged
  FROM (
    SELECT g.e, h, bp.*,
      CASE WHEN ${byte(3)} < 154 THEN 1 ELSE 2 + ${byte(3)} % ${demo.hospitals.length - 1} END AS hospital,
      ${T} - ${HISTORY_DAYS} + k * ${s.slotDays} + (${byte(0)} * 256 + ${byte(1)}) % ${s.slotDays} AS admitted,
      ${T} - ${HISTORY_DAYS} + (k + 1) * ${s.slotDays} - 1 AS slot_end,
      5 + ${byte(2)} % 40 AS stay
    FROM generate_series(1, ${s.episodes}) g(e)
    CROSS JOIN LATERAL (SELECT decode(md5('episode-' || g.e), 'hex') AS h, (g.e - 1) / ${P} AS k) r
    JOIN bench_patient bp ON bp.p = (g.e - 1) % ${P} + 1
  ) a
) b;
INSERT INTO admission_episodes (id, team_id, patient_id, hospital_point_id, care_office_point_id, rule_version_id,
  admitted_on, ward, expected_discharge_on, discharged_on, outcome, needs_conference, opened_by, created_at, updated_at)
SELECT id, team_id, patient_id, hospital_point, office_point, ${uuid(demo.rule.id)}, ${day('admitted')},
  (ARRAY['3階東病棟', '4階西病棟', '5階東病棟', '回復期リハビリテーション病棟'])[1 + e % 4],
  ${day('expected')}, ${day('discharged')}, outcome, needs_conference, cm_user,
  ${at('admitted', '10:00')}, ${at('coalesce(discharged, admitted)', '16:00')}
FROM bench_ep;`,
    },
    {
      what: `${s.episodes * 4} steps (four per episode)`,
      sql: `
INSERT INTO admission_episode_steps (id, episode_id, step, owner_side, owner_organisation_id, due_on, status,
  done_on, method, recorded_by, recorded_at, scheduled_at, participants)
SELECT ${id('step', 'e', 'step')}, episode_id, step, side, org, ${day('due')},
  CASE WHEN not_needed THEN 'not_needed' WHEN pending THEN 'pending' ELSE 'done' END,
  ${day('done')}, CASE WHEN done IS NOT NULL THEN ${methods}[1 + (m + k) % ${stepMethods.length}] END,
  CASE WHEN done IS NOT NULL THEN recorder END, CASE WHEN done IS NOT NULL THEN ${at('done', '17:00')} END,
  CASE WHEN done IS NOT NULL AND step = 'conference' THEN ${at('done', '14:00')} END,
  CASE WHEN done IS NOT NULL AND step = 'conference' THEN '主治医、病棟看護師、MSW、ケアマネジャー、訪問看護師' END
FROM (
  SELECT x.*, CASE WHEN NOT not_needed AND NOT pending
    THEN least(cap, greatest(floor, CASE WHEN late THEN due + late_days ELSE due - early END)) END AS done
  FROM (
    -- The admission information (the care office, admission date + the rule's days): 2% of the
    -- discharged never recorded; of the running, 70% of those not yet due and 15% of the others pending.
    SELECT ep.e, ep.id AS episode_id, 'admission_info' AS step, 0 AS k, 'care_office' AS side, ep.office_org AS org,
      d.admission_info AS due, false AS not_needed,
      CASE WHEN ep.discharged IS NOT NULL THEN ep.s1 < 5 WHEN d.admission_info >= ${T} THEN ep.s1 < 180
        ELSE ep.s1 < 38 END AS pending,
      ep.s1 % 7 = 0 AS late, ep.j1 % 3 AS early, 1 + ep.j1 % 10 AS late_days, ep.admitted AS floor, ${T} AS cap,
      ep.cm_user AS recorder, ep.m
    FROM bench_ep ep JOIN bench_days d ON d.d = ep.admitted
    UNION ALL
    -- The discharge notice (the hospital, the rule's days before the expected discharge): no date
    -- without an expected discharge; 2% of the discharged never recorded, 30% of the running overdue.
    SELECT ep.e, ep.id, 'discharge_notice', 1, 'hospital', ep.hospital_org, d.discharge_notice, false,
      CASE WHEN ep.expected IS NULL THEN true WHEN ep.discharged IS NOT NULL THEN ep.s2 < 5
        WHEN d.discharge_notice >= ${T} THEN true ELSE ep.s2 < 77 END,
      ep.s2 % 6 = 0, ep.j2 % 3, 1 + ep.j2 % 4, ep.admitted, coalesce(ep.discharged, ${T}),
      ep.hospital_recorder, ep.m
    FROM bench_ep ep LEFT JOIN bench_days d ON d.d = ep.expected
    UNION ALL
    -- The conference (the hospital, by the expected discharge) for 30%; not needed for the others.
    SELECT ep.e, ep.id, 'conference', 2, 'hospital', ep.hospital_org, ep.expected, NOT ep.needs_conference,
      CASE WHEN ep.expected IS NULL THEN true WHEN ep.discharged IS NOT NULL THEN ep.s3 < 5
        WHEN ep.expected >= ${T} THEN true ELSE ep.s3 < 77 END,
      ep.s3 % 16 = 0, 1 + ep.j3 % 5, 1 + ep.j3 % 3, ep.admitted, coalesce(ep.discharged, ${T}),
      ep.hospital_recorder, ep.m
    FROM bench_ep ep
    UNION ALL
    -- The discharge information (the care office, discharge + the rule's days): no date while in
    -- hospital, not needed after a death; 3% never recorded, 15% of the last month's, 70% not yet due.
    SELECT ep.e, ep.id, 'discharge_info', 3, 'care_office', ep.office_org,
      CASE WHEN ep.outcome = 'death' THEN NULL ELSE d.discharge_info END, ep.outcome = 'death',
      CASE WHEN ep.discharged IS NULL THEN true WHEN d.discharge_info >= ${T} THEN ep.s4 < 180
        WHEN ep.discharged >= ${T} - 30 THEN ep.s4 < 38 ELSE ep.s4 < 8 END,
      ep.s4 % 7 = 0, ep.j4 % 4, 1 + ep.j4 % 14, ep.discharged, ${T}, ep.cm_user, ep.m
    FROM bench_ep ep LEFT JOIN bench_days d ON d.d = ep.discharged
  ) x
) y;`,
    },
    {
      what: 'scratch tables dropped',
      sql: 'DROP TABLE bench_ep; DROP TABLE bench_days; DROP TABLE bench_patient;',
    },
    // VACUUM as well as ANALYZE: the visibility map of a table autovacuum has seen (index-only counts),
    // and no autovacuum of the fresh rows starting in the middle of a measure. On its own: VACUUM
    // cannot run in the transaction of a multi-statement query.
    { what: 'statistics (VACUUM ANALYZE)', sql: 'VACUUM ANALYZE;' },
  ];
}

/** What was written, counted directly in the database (the expected answers of the lists). */
export function summarySql(demo: Demo): string {
  const soon = addCalendarDays(demo.today, 2);
  const T = `'${demo.today}'`;
  return `SELECT
  (SELECT count(*)::int FROM admission_episodes) AS episodes,
  (SELECT count(*)::int FROM admission_episodes WHERE discharged_on IS NULL) AS "openEpisodes",
  (SELECT count(*)::int FROM admission_episode_steps) AS steps,
  (SELECT count(*)::int FROM admission_episode_steps WHERE status = 'pending') AS "pendingSteps",
  (SELECT count(*)::int FROM admission_episode_steps WHERE status = 'pending' AND due_on < ${T}) AS "overdueSteps",
  (SELECT count(*)::int FROM admission_episode_steps WHERE status = 'pending' AND due_on >= ${T}
    AND due_on <= '${soon}') AS "dueSoonSteps",
  (SELECT count(*)::int FROM care_teams WHERE owner_id = '${demo.careManager.id}') AS "careManagerTeams",
  -- The demo care manager's: her office's pending steps due by the day after tomorrow, in her teams
  -- (all with the consent in force).
  (SELECT count(*)::int FROM admission_episode_steps s JOIN admission_episodes e ON e.id = s.episode_id
    JOIN care_teams t ON t.id = e.team_id
    WHERE s.status = 'pending' AND s.due_on <= '${soon}' AND s.owner_organisation_id = '${demo.careManager.organisationId}'
      AND t.owner_id = '${demo.careManager.id}') AS "careManagerDue",
  -- The MSW's: her hospital's pending steps due by then, of patients whose consent is in force.
  (SELECT count(*)::int FROM admission_episode_steps s JOIN admission_episodes e ON e.id = s.episode_id
    WHERE s.status = 'pending' AND s.due_on <= '${soon}' AND s.owner_organisation_id = '${demo.msw.organisationId}'
      AND e.hospital_point_id = '${demo.hospitals[0]?.id}'
      AND EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = e.patient_id AND c.scope = 'care_team'
        AND c.withdrawn_at IS NULL)) AS "mswDue"`;
}
