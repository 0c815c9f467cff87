// The care-team pages as one lazy file (routes.tsx), as features/patients/pages.ts explains.
export { default as TeamPage } from './TeamPage';
