// What a form is pre-filled from (forms/definition.ts, `prefill`): the patient record (identity, care
// level, 自立度, household, key person, history, medication, physician), the episode (dates, hospital,
// ward) and the team's care manager with their office's numbers. Values are in the words of the form.
// Values sent back are checked against the form's definition here too.
import { eq } from 'drizzle-orm';
import { ageOn, todayInJapan } from '../../../shared/dates';
import type { FormDefinition, FormValues, PrefillSource } from '../../../shared/forms/definition';
import { fieldsOf } from '../../../shared/forms/definition';
import { formValuesSchema } from '../../../shared/forms/values';
import { careLevels, keyPersonRelations } from '../../../shared/patients';
import type { KeyPerson } from '../../../shared/schemas/patients';
import type { DbOrTx } from '../../db/client';
import { careTeamMembers, patients, servicePoints, users } from '../../db/schema';
import { badRequest } from '../../platform/errors';
import type { EpisodeRow, PatientRow } from '../../platform/patient-access';
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

type Sources = Partial<Record<PrefillSource, string | null | undefined>>;

const relationOf = (person: KeyPerson | undefined) =>
  person && keyPersonRelations.find((r) => r.code === person.relation)?.ja;

/** The first three key persons, in their order: the emergency contacts. */
function contactSources(keyPersons: KeyPerson[]): Sources {
  const sources: Record<string, string | null | undefined> = {};
  for (const [i, person] of keyPersons.slice(0, 3).entries()) {
    sources[`patient.contact${i + 1}Name`] = person.name;
    sources[`patient.contact${i + 1}Relation`] = relationOf(person);
    sources[`patient.contact${i + 1}Phone`] = person.phone;
  }
  return sources as Sources;
}

/** What the patient record says, in the words of the forms. */
async function patientSources(db: DbOrTx, patient: PatientRow, today: string): Promise<Sources> {
  const [clinic, careOffice] = await Promise.all([
    pointContact(db, patient.primaryPhysicianPointId),
    pointContact(db, patient.careManagerPointId),
  ]);
  const keyPersons = patient.keyPersons as KeyPerson[];
  const key = keyPersons[0];
  return {
    'patient.name': patient.name,
    'patient.kana': patient.kana,
    'patient.birthDate': patient.birthDate,
    'patient.age': String(ageOn(patient.birthDate, today)),
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
    'patient.livesAlone': patient.livesAlone ? 'yes' : undefined,
    'patient.keyPerson': key?.name,
    'patient.keyPersonRelation': relationOf(key),
    'patient.keyPersonPhone': key?.phone,
    ...contactSources(keyPersons),
    'patient.medicalHistory': patient.medicalHistory,
    'patient.medication': patient.medication,
    'patient.allergies': patient.allergies,
    'patient.insuredNumber': patient.insuredNumber,
    'patient.physician': patient.primaryPhysicianName,
    'patient.clinic': clinic?.name,
    'patient.clinicPhone': clinic?.phone,
    'patient.careManager': patient.careManagerName,
    'patient.careOffice': careOffice?.name,
    'patient.careOfficePhone': careOffice?.phone,
    today,
  };
}

/** Every prefill source's value for this episode (only what the records hold). */
async function episodeSources(db: DbOrTx, episode: EpisodeRow): Promise<Sources> {
  const [patient] = await db.select().from(patients).where(eq(patients.id, episode.patientId));
  if (!patient) return {};
  const [fromPatient, hospital, office, careManager] = await Promise.all([
    patientSources(db, patient, todayInJapan()),
    pointContact(db, episode.hospitalPointId),
    pointContact(db, episode.careOfficePointId),
    careManagerOf(db, episode.teamId),
  ]);
  return {
    ...fromPatient,
    'episode.admittedOn': episode.admittedOn,
    'episode.expectedDischargeOn': episode.expectedDischargeOn,
    'episode.dischargedOn': episode.dischargedOn,
    'episode.hospital': hospital?.name,
    'episode.ward': episode.ward,
    'careManager.name': careManager?.name,
    'careManager.office': office?.name,
    'careManager.phone': office?.phone,
    'careManager.fax': office?.fax,
  };
}

/** The form's fields filled from these sources, where the value fits the field (a choice it offers). */
function fill(definition: FormDefinition, sources: Sources): FormValues {
  const values: FormValues = {};
  for (const field of fieldsOf(definition)) {
    const value = field.prefill && sources[field.prefill];
    if (!value) continue;
    if (field.type === 'yesno') values[field.key] = value === 'yes';
    else if (field.type === 'choice' && !field.choices?.includes(value)) continue;
    else values[field.key] = field.maxLength ? value.slice(0, field.maxLength) : value;
  }
  return values;
}

/** An episode's form filled from the patient record, the episode and the team's care manager. */
export async function prefillOf(
  db: DbOrTx,
  definition: FormDefinition,
  episode: EpisodeRow,
): Promise<FormValues> {
  return fill(definition, await episodeSources(db, episode));
}

/** A patient's form (the emergency sheet, an ACP record) filled from the patient record. */
export async function prefillFromPatient(
  db: DbOrTx,
  definition: FormDefinition,
  patient: PatientRow,
): Promise<FormValues> {
  return fill(definition, await patientSources(db, patient, todayInJapan()));
}

/** The values, checked against the definition (400 naming the field when one is wrong). */
export function checkedValues(definition: FormDefinition, values: unknown): FormValues {
  const parsed = formValuesSchema(definition).safeParse(values);
  if (!parsed.success)
    throw badRequest(
      'document_invalid',
      parsed.error.issues[0]?.message ?? '入力内容を確かめてください。',
      parsed.error.issues.map((issue) => ({
        path: ['values', ...issue.path].join('.'),
        message: issue.message,
      })),
    );
  return parsed.data as FormValues;
}
