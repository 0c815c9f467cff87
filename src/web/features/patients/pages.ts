// The patients pages as one lazy file (routes.tsx): they are used together, and every lazy file is
// named in the first chunk's preload map, which each public page carries within its 200 kB budget.
export { default as EditPatientPage } from './EditPatientPage';
export { default as NewPatientPage } from './NewPatientPage';
export { default as PatientPage } from './PatientPage';
export { default as PatientsPage } from './PatientsPage';
