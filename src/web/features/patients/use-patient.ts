import { useQuery } from '@tanstack/react-query';
import type { PatientDetail, PatientFieldsInput } from '../../../shared/schemas/patients';
import { api } from '../../api';

export const patientKey = (id: string) => ['patients', id] as const;

export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKey(id),
    queryFn: () => api.get<PatientDetail>(`/api/patients/${encodeURIComponent(id)}`),
  });
}

/** The record's fields as the form edits them. */
export function formValuesOf(patient: PatientDetail): PatientFieldsInput {
  const { primaryPhysician, careManager } = patient;
  return {
    name: patient.name,
    kana: patient.kana,
    birthDate: patient.birthDate,
    sex: patient.sex,
    address: patient.address ?? '',
    areaId: patient.areaId,
    phone: patient.phone ?? '',
    insuredNumber: patient.insuredNumber ?? '',
    careLevel: patient.careLevel,
    physicalIndependence: patient.physicalIndependence,
    dementiaIndependence: patient.dementiaIndependence,
    livesAlone: patient.livesAlone,
    keyPersons: patient.keyPersons.map((person) => ({
      ...person,
      phone: person.phone ?? '',
      notes: person.notes ?? '',
    })),
    primaryPhysician: { servicePointId: primaryPhysician.servicePointId, name: primaryPhysician.name ?? '' },
    careManager: { servicePointId: careManager.servicePointId, name: careManager.name ?? '' },
    medicalHistory: patient.medicalHistory ?? '',
    medication: patient.medication ?? '',
    allergies: patient.allergies ?? '',
  };
}
