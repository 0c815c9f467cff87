// The demo city's participation register (入退院支援ルール参加登録): the central hospital and one
// care-management office take part, one office has said not yet, and the rehabilitation hospital
// (no accounts on the platform) has not answered — so the rate on the center's page reads 1 of 2.
import type { ParticipationUpdate } from '../../shared/schemas/admission-participation';

export type DemoDeclaration = {
  /** The entry's official code in demo/service-points.ts. */
  code: string;
  /** The demo account that declared it. */
  by: string;
  declaration: Omit<ParticipationUpdate, 'version'>;
};

const none = { windowDepartment: null, windowPhone: null, windowFax: null, windowHours: null };

export const demoDeclarations: DemoDeclaration[] = [
  {
    code: '9910100011',
    by: 'msw',
    declaration: {
      participates: true,
      windowDepartment: '地域医療連携室（入退院支援窓口）',
      windowPhone: '099-100-5001',
      windowFax: '099-100-5002',
      windowHours: '平日 8:30〜17:00（土曜は 12:00 まで）',
      socialWorkerOnStaff: true,
      dischargeNurseOnStaff: true,
      notes: '入院時情報提供書は、このシステムで送るか、窓口へFAXしてください。',
    },
  },
  {
    code: '9960100087',
    by: 'caremanager',
    declaration: {
      participates: true,
      ...none,
      socialWorkerOnStaff: false,
      dischargeNurseOnStaff: false,
      notes: null,
    },
  },
  {
    code: '9960100095',
    by: 'center',
    declaration: {
      participates: false,
      ...none,
      socialWorkerOnStaff: false,
      dischargeNurseOnStaff: false,
      notes: '来年度から参加を検討（電話で確認）',
    },
  },
];
