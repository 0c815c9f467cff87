// The family pages as one lazy file (routes.tsx), as features/patients/pages.ts explains.
export { default as FamilyJoinPage } from './FamilyJoinPage';
export { default as FamilyPage } from './FamilyPage';
