// The forms of admission and discharge support, by id: what an episode's documents are filled from.
import { admissionInfoSheet } from './admission-info-sheet';
import type { AdmissionFormId, FormDefinition } from './definition';
import { dischargeInfoRecord } from './discharge-info-record';

export const formDefinitions: Record<AdmissionFormId, FormDefinition> = {
  admission_info_sheet: admissionInfoSheet,
  discharge_info_record: dischargeInfoRecord,
};
export const formIds = Object.keys(formDefinitions) as [AdmissionFormId, ...AdmissionFormId[]];
