// The care-team pages as one lazy file (routes.tsx), as features/patients/pages.ts explains.

export { default as BroadcastPage } from './BroadcastPage';
export { default as TeamPage } from './TeamPage';
