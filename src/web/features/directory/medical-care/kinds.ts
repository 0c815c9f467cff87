import { serviceKinds } from '../../../../shared/directory-codes';

// Besides the residential kinds: short stays, 療養通所介護, 小規模多機能 and 看護小規模多機能, and
// 訪問看護, which together carry most people with medical care needs at home.
const alsoListed = new Set(['130', '155', '210', '220', '730', '770']);

/** The kinds the 高度医療的ケア list covers: facilities and the services that nurse people at home. */
export const medicalCareKinds: string[] = serviceKinds
  .filter((kind) => kind.group === 'residential' || alsoListed.has(kind.code))
  .map((kind) => kind.code);
