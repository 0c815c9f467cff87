// What a file's name says about its rows: the 介護 service code of `jigyosho_110.csv`, and the medical
// kind of 医療情報ネット's `01-1_hospital_facility_info_20250401.csv` (the file itself does not say).
import { type MedicalKind, medicalKindOf, serviceCodeOfFileName } from './service-kind';

export type FileContext = {
  fileName: string;
  serviceCode: string | null;
  medicalKind: MedicalKind | null;
};

export function fileContext(fileName: string): FileContext {
  return { fileName, serviceCode: serviceCodeOfFileName(fileName), medicalKind: medicalKindOf(fileName) };
}
