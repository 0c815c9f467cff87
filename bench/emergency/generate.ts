// The emergency benchmark's data, written by SQL into a database the server has migrated and seeded
// (the demo city). On top of it: `patients` patients of the demo care manager's office, each with the
// care-team consent and — for 19 in 20 — the consent to EMS access; one care team each (one synthetic
// member, who is told of each look-up); a saved emergency sheet for everyone (about 1.5 kB of values);
// a confirmed ACP record for every other patient (its wishes go on the crew's screen); a kit in force
// for everyone, whose QR token is `tokenOf(n)` (so the benchmark can send it; its hash is what the
// table holds, as the server writes it); and one earlier look-up per patient a month ago, so the
// access table is not empty. Ids are md5-derived (teams/generate.ts): the same count writes the same.
import { id } from '../teams/generate';

/** The QR token of patient n's kit: 64 hex characters (the server's are 43 base64url). */
export const tokenOf = (n: number) => `bench${n.toString(16).padStart(8, '0')}${'0'.repeat(51)}`;
const tokenSql = (n: string) => `('bench' || lpad(to_hex(${n}), 8, '0') || repeat('0', 51))`;
const hashSql = (text: string) => `encode(sha256(convert_to(${text}, 'UTF8')), 'hex')`;

/** Patient n has no consent to EMS access when this holds (1 in 20): their card shows nothing. */
export const withoutEmsConsent = (n: number) => n % 20 === 0;

const sheetValues = `jsonb_build_object(
  'name', '合成 利用者' || p, 'kana', 'ゴウセイ リヨウシャ', 'birthDate', '1938-04-01', 'sex', '女',
  'bloodType', (ARRAY['A','B','O','AB'])[p % 4 + 1], 'rh', '+', 'address', 'みらい市中央町' || (p % 50) || '丁目' || (p % 20) || '番',
  'phone', '099-000-' || lpad((p % 10000)::text, 4, '0'), 'livesAlone', p % 3 = 0,
  'contact1Name', '合成 家族' || p, 'contact1Relation', '長女', 'contact1Phone', '090-0000-' || lpad((p % 10000)::text, 4, '0'),
  'contact2Name', '合成 親族' || p, 'contact2Relation', '甥', 'contact2Phone', '080-0000-' || lpad((p % 10000)::text, 4, '0'),
  'clinic', 'さくら在宅クリニック', 'physician', '桜井 健一', 'clinicPhone', '099-111-2222',
  'careManager', '青空 ひろし', 'careOffice', 'あおぞらケアプランセンター', 'careOfficePhone', '099-333-4444',
  'careLevel', '要介護2', 'conditions', '高血圧症、2型糖尿病（内服治療中）、2019年 脳梗塞（右片麻痺は軽度）',
  'medicines', 'アムロジピン 5mg 朝1錠、メトホルミン 250mg 朝夕1錠、クロピドグレル 75mg 朝1錠',
  'seeMedicineNotebook', true, 'medicineNotebookPlace', '冷蔵庫のキットの中', 'allergyDrugs', 'ペニシリン系',
  'devices', jsonb_build_array('なし'), 'insuranceType', '後期高齢者医療', 'insuranceCopyEnclosed', true,
  'watchOver1Name', '合成 民生委員', 'watchOver1Phone', '099-555-6666', 'kitPlace', '冷蔵庫のドアポケット',
  'writtenOn', '2026-10-01')`;

export function generationStatements(patients: number): { what: string; sql: string }[] {
  const owner = `(SELECT u.id FROM users u WHERE u.login_id = 'caremanager')`;
  const office = `(SELECT m.organisation_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.login_id = 'caremanager' LIMIT 1)`;
  const series = `generate_series(1, ${patients}) p`;
  return [
    {
      what: 'a synthetic team member, told of every look-up',
      sql: `
INSERT INTO users (id, login_id, display_name, kana, profession, password_hash)
VALUES (${id('user', "'emergency-bench'")}, 'bench-emergency', '合成 看護師', 'ゴウセイ カンゴシ', 'nurse', '!');
INSERT INTO memberships (user_id, organisation_id, role) VALUES (${id('user', "'emergency-bench'")}, ${office}, 'member');`,
    },
    {
      what: `${patients} patients, the care-team consent, and the EMS consent for 19 in 20`,
      sql: `
INSERT INTO patients (id, organisation_id, name, kana, kana_key, birth_date, sex, created_by)
SELECT ${id('patient', 'p')}, ${office}, '合成 利用者' || p, 'ゴウセイ リヨウシャ', 'ごうせいりようしゃ' || p,
  '1938-04-01', 'female', ${owner}
FROM ${series};
INSERT INTO patient_consents (patient_id, scope, method, consented_on, organisation_id, recorded_by)
SELECT ${id('patient', 'p')}, scope, 'written', '2025-01-01', ${office}, ${owner}
FROM ${series}, unnest(ARRAY['care_team', 'ems']) scope
WHERE scope = 'care_team' OR p % 20 <> 0;`,
    },
    {
      what: `${patients} care teams of one member`,
      sql: `
INSERT INTO care_teams (id, patient_id, name, owner_id, created_by)
SELECT ${id('team', 'p')}, ${id('patient', 'p')}, '合成チーム' || p, ${owner}, ${owner} FROM ${series};
INSERT INTO care_team_members (id, team_id, user_id, organisation_id, team_role, status, invited_at, joined_at)
SELECT ${id('member', 'p')}, ${id('team', 'p')}, ${id('user', "'emergency-bench'")}, ${office}, 'visiting_nurse',
  'active', now() - interval '100 days', now() - interval '100 days'
FROM ${series};`,
    },
    {
      what: `${patients} emergency sheets, ACP records for half, a kit each`,
      sql: `
INSERT INTO emergency_sheets (patient_id, form_version, values, saved_by, confirmed_on, confirmed_by)
SELECT ${id('patient', 'p')}, 1, ${sheetValues}, ${owner}, '2026-10-01', ${owner} FROM ${series};
INSERT INTO acp_records (patient_id, number, status, form_version, values, discussed_on, saved_by, confirmed_by, confirmed_at)
SELECT ${id('patient', 'p')}, 1, 'confirmed', 1,
  jsonb_build_object('discussedOn', '2026-09-15', 'cpr', '希望しない', 'transport', '希望する', 'ventilation', '希望しない',
    'tubeFeeding', '決めていない', 'preferredHospital', 'みらい中央病院', 'values', '家で過ごしたい'),
  '2026-09-15', ${owner}, ${owner}, now() - interval '70 days'
FROM ${series} WHERE p % 2 = 0;
INSERT INTO emergency_kits (id, patient_id, token_hash, code_hash, issued_on, issued_by, organisation_id, eligibility)
SELECT ${id('kit', 'p')}, ${id('patient', 'p')}, ${hashSql(`'emergency-token:' || ${tokenSql('p')}`)},
  ${hashSql(`'emergency-code:bench' || p`)}, '2026-10-01', ${owner}, ${office}, 'living_alone'
FROM ${series};`,
    },
    {
      what: `${patients} earlier look-ups (a month ago)`,
      sql: `
INSERT INTO emergency_accesses (at, user_id, organisation_id, patient_id, kit_id, method, reason, found, ip)
SELECT now() - interval '30 days', u.id, m.organisation_id, ${id('patient', 'p')}, ${id('kit', 'p')}, 'qr', 'transport', true, '10.0.0.1'
FROM ${series}, users u JOIN memberships m ON m.user_id = u.id WHERE u.login_id = 'ems';`,
    },
    { what: 'VACUUM ANALYZE', sql: 'VACUUM ANALYZE' },
    // The load's writes flushed now, not by a checkpoint in the middle of the measure.
    { what: 'CHECKPOINT', sql: 'CHECKPOINT' },
  ];
}
