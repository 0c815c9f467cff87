// What a form is pre-filled from (forms/definition.ts, `prefill`): the patient record (identity, care
// level, 自立度, household, key person, history, medication, physician), the episode (dates, hospital,
// ward) and the team's care manager with their office's numbers. Values are in the words of the form.
import { eq } from 'drizzle-orm';
import { todayInJapan } from '../../../shared/dates';
import type { FormDefinition, FormValues, PrefillSource } from '../../../shared/forms/definition';
import { fieldsOf } from '../../../shared/forms/definition';
import { careLevels, keyPersonRelations } from '../../../shared/patients';
import type { KeyPerson } from '../../../shared/schemas/patients';
import type { DbOrTx } from '../../db/client';
import { careTeamMembers, patients, servicePoints, users } from '../../db/schema';
import type { EpisodeRow } from '../../platform/patient-access';
import { careManagerPlaceOf } from './live';

const sexWords: Record<string, string> = { female: '女', male: '男', other: 'その他' };
const dementiaWords: Record<string, string> = {
  I: 'Ⅰ',
  IIa: 'Ⅱa',
  IIb: 'Ⅱb',
  IIIa: 'Ⅲa',
  IIIb: 'Ⅲb',
  IV: 'Ⅳ',
  M: 'M',
};
const independent = (code: string | null) => (code === 'independent' ? '自立' : code);

function ageOn(birthDate: string, day: string): string {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  if (!by || !bm || !bd || !y || !m || !d) return '';
  return String(y - by - (m < bm || (m === bm && d < bd) ? 1 : 0));
}

const pointContact = async (db: DbOrTx, pointId: string | null) => {
  if (!pointId) return null;
  const [point] = await db
    .select({ name: servicePoints.name, phone: servicePoints.phone, fax: servicePoints.fax })
    .from(servicePoints)
    .where(eq(servicePoints.id, pointId));
  return point ?? null;
};

/** The team's care manager (active place) and the name they go by. */
async function careManagerOf(db: DbOrTx, teamId: string) {
  const [row] = await db
    .select({ name: users.displayName })
    .from(careTeamMembers)
    .innerJoin(users, eq(users.id, careTeamMembers.userId))
    .where(careManagerPlaceOf(teamId))
    .limit(1);
  return row ?? null;
}

/** Every prefill source's value for this episode (only what the records hold). */
async function sourcesOf(db: DbOrTx, episode: EpisodeRow): Promise<Partial<Record<PrefillSource, string>>> {
  const [patient] = await db.select().from(patients).where(eq(patients.id, episode.patientId));
  if (!patient) return {};
  const today = todayInJapan();
  const [clinic, hospital, office, careManager] = await Promise.all([
    pointContact(db, patient.primaryPhysicianPointId),
    pointContact(db, episode.hospitalPointId),
    pointContact(db, episode.careOfficePointId),
    careManagerOf(db, episode.teamId),
  ]);
  const key = (patient.keyPersons as KeyPerson[])[0];
  const relation = key && keyPersonRelations.find((r) => r.code === key.relation)?.ja;
  const sources: Partial<Record<PrefillSource, string | null | undefined>> = {
    'patient.name': patient.name,
    'patient.kana': patient.kana,
    'patient.birthDate': patient.birthDate,
    'patient.age': ageOn(patient.birthDate, today),
    'patient.sex': sexWords[patient.sex],
    'patient.address': patient.address,
    'patient.phone': patient.phone,
    'patient.careLevel': careLevels.find((level) => level.code === patient.careLevel)?.ja,
    'patient.physicalIndependence': independent(patient.physicalIndependence),
    'patient.dementiaIndependence':
      patient.dementiaIndependence === 'independent'
        ? '自立'
        : dementiaWords[patient.dementiaIndependence ?? ''],
    'patient.household': patient.livesAlone ? '独居' : undefined,
    'patient.keyPerson': key?.name,
    'patient.keyPersonRelation': relation,
    'patient.keyPersonPhone': key?.phone,
    'patient.medicalHistory': patient.medicalHistory,
    'patient.medication': patient.medication,
    'patient.physician': patient.primaryPhysicianName,
    'patient.clinic': clinic?.name,
    'patient.clinicPhone': clinic?.phone,
    'episode.admittedOn': episode.admittedOn,
    'episode.expectedDischargeOn': episode.expectedDischargeOn,
    'episode.dischargedOn': episode.dischargedOn,
    'episode.hospital': hospital?.name,
    'episode.ward': episode.ward,
    'careManager.name': careManager?.name,
    'careManager.office': office?.name,
    'careManager.phone': office?.phone,
    'careManager.fax': office?.fax,
    today,
  };
  return Object.fromEntries(Object.entries(sources).filter(([, value]) => value)) as Partial<
    Record<PrefillSource, string>
  >;
}

/** The form's fields filled from the records, where the value fits the field (a choice it offers). */
export async function prefillOf(
  db: DbOrTx,
  definition: FormDefinition,
  episode: EpisodeRow,
): Promise<FormValues> {
  const sources = await sourcesOf(db, episode);
  const values: FormValues = {};
  for (const field of fieldsOf(definition)) {
    const value = field.prefill && sources[field.prefill];
    if (!value) continue;
    if (field.type === 'choice' && !field.choices?.includes(value)) continue;
    values[field.key] = field.maxLength ? value.slice(0, field.maxLength) : value;
  }
  return values;
}
