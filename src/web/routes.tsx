// Every URL of the web client and the file that draws it: src/web/features/<feature>/<Page>.tsx.
// Each page is its own chunk (React.lazy), so the first load carries only the shell and one page.
import { lazy } from 'react';
import { createBrowserRouter, Outlet, ScrollRestoration } from 'react-router';
import { Layout } from './ui/Layout';
import NotFoundPage from './ui/NotFoundPage';
import { RouteError } from './ui/RouteError';
import { RequireRole, RequireSession } from './ui/session';

// top
const TopPage = lazy(() => import('./features/top/TopPage'));
// auth
const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const TotpPage = lazy(() => import('./features/auth/TotpPage'));
const TotpSetupPage = lazy(() => import('./features/auth/TotpSetupPage'));
const InvitePage = lazy(() => import('./features/auth/InvitePage'));
const ResetPage = lazy(() => import('./features/auth/ResetPage'));
// home
const HomePage = lazy(() => import('./features/home/HomePage'));
// account
const AccountPage = lazy(() => import('./features/account/AccountPage'));
// organisations
const OrganisationPage = lazy(() => import('./features/organisations/OrganisationPage'));
// admin
const AdminOrganisationsPage = lazy(() => import('./features/admin/OrganisationsPage'));
const AdminUsersPage = lazy(() => import('./features/admin/UsersPage'));
const AdminAuditPage = lazy(() => import('./features/admin/AuditPage'));
const AdminSupportAccessPage = lazy(() => import('./features/admin/SupportAccessPage'));
// patients: features/patients/<Name>.tsx, loaded together (features/patients/pages.ts)
const patientsPages = () => import('./features/patients/pages');
const PatientsPage = lazy(() => patientsPages().then((m) => ({ default: m.PatientsPage })));
const NewPatientPage = lazy(() => patientsPages().then((m) => ({ default: m.NewPatientPage })));
const PatientPage = lazy(() => patientsPages().then((m) => ({ default: m.PatientPage })));
const EditPatientPage = lazy(() => patientsPages().then((m) => ({ default: m.EditPatientPage })));
// teams: features/teams/<Name>.tsx, loaded together (features/teams/pages.ts)
const teamsPages = () => import('./features/teams/pages');
const TeamPage = lazy(() => teamsPages().then((m) => ({ default: m.TeamPage })));
const BroadcastPage = lazy(() => teamsPages().then((m) => ({ default: m.BroadcastPage })));
// family (家族): features/family/<Name>.tsx, loaded together (features/family/pages.ts)
const familyPages = () => import('./features/family/pages');
const FamilyJoinPage = lazy(() => familyPages().then((m) => ({ default: m.FamilyJoinPage })));
const FamilyPage = lazy(() => familyPages().then((m) => ({ default: m.FamilyPage })));
// admission (入退院支援)
const AdmissionRulePage = lazy(() => import('./features/admission/RulePage'));
const AdmissionParticipationPage = lazy(() => import('./features/admission/ParticipationPage'));
const AdmissionEpisodePage = lazy(() => import('./features/admission/EpisodePage'));
const AdmissionCenterPage = lazy(() => import('./features/admission/CenterPage'));
const AdmissionDocumentPage = lazy(() => import('./features/admission/DocumentPage'));
const AdmissionPrintPage = lazy(() => import('./features/admission/PrintDocumentPage'));
const AdmissionFormsPage = lazy(() => import('./features/admission/FormsPage'));
// settings
const EmergencySheetPage = lazy(() => import('./features/emergency/EmergencySheetPage'));
const EmergencyPrintPage = lazy(() => import('./features/emergency/PrintKitPage'));
const EmergencyCardPage = lazy(() => import('./features/emergency/CardLandingPage'));
const EmergencyNotePage = lazy(() => import('./features/emergency/SelfNotePage'));
const EmsPage = lazy(() => import('./features/emergency/EmsPage'));
const EmergencyReviewPage = lazy(() => import('./features/emergency/ReviewPage'));
const AcpPage = lazy(() => import('./features/acp/AcpPage'));
const AcpPrintPage = lazy(() => import('./features/acp/PrintAcpPage'));

const SettingsPage = lazy(() => import('./features/settings/SettingsPage'));
// directory: open-data import
const ImportsPage = lazy(() => import('./features/directory/ImportsPage'));
// directory (public)
const DirectoryPage = lazy(() => import('./features/directory/DirectoryPage'));
const PointPage = lazy(() => import('./features/directory/PointPage'));
const MedicalCarePage = lazy(() => import('./features/directory/MedicalCarePage'));

// directory maintenance and ケアマネタイム
const OrgDirectoryPage = lazy(() => import('./features/directory/maintenance/OrgDirectoryPage'));
const EditPointPage = lazy(() => import('./features/directory/maintenance/EditPointPage'));
const ApprovalsPage = lazy(() => import('./features/directory/maintenance/ApprovalsPage'));
const CareManagerTimePage = lazy(() => import('./features/directory/care-manager-time/CareManagerTimePage'));

function Root() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

export const router = createBrowserRouter([
  {
    element: <Root />,
    errorElement: <RouteError standalone />,
    children: [
      {
        element: <Layout />,
        children: [
          {
            errorElement: <RouteError />,
            children: [
              // Public pages.
              { path: '/', element: <TopPage /> },
              { path: '/login', element: <LoginPage /> },
              { path: '/login/totp', element: <TotpPage /> },
              { path: '/totp-setup', element: <TotpSetupPage /> },
              { path: '/invite/:token', element: <InvitePage /> },
              { path: '/reset/:token', element: <ResetPage /> },
              { path: '/directory', element: <DirectoryPage /> },
              { path: '/directory/points/:id', element: <PointPage /> },
              { path: '/directory/medical-care', element: <MedicalCarePage /> },
              { path: '/directory/care-manager-time', element: <CareManagerTimePage /> },
              // Family members of a care team: their own session, no account.
              { path: '/family/join', element: <FamilyJoinPage /> },
              { path: '/family', element: <FamilyPage /> },
              { path: '/e', element: <EmergencyCardPage /> },
              // もしものときのメモ: anyone, no account; kept in the browser, works offline.
              { path: '/emergency-note', element: <EmergencyNotePage /> },
              // Signed in (password and second factor done).
              {
                element: <RequireSession />,
                children: [
                  { path: '/home', element: <HomePage /> },
                  { path: '/account', element: <AccountPage /> },
                  { path: '/patients', element: <PatientsPage /> },
                  { path: '/patients/new', element: <NewPatientPage /> },
                  { path: '/patients/:patientId', element: <PatientPage /> },
                  { path: '/patients/:patientId/edit', element: <EditPatientPage /> },
                  { path: '/patients/:patientId/emergency', element: <EmergencySheetPage /> },
                  { path: '/patients/:patientId/emergency/print', element: <EmergencyPrintPage /> },
                  { path: '/patients/:patientId/acp', element: <AcpPage /> },
                  { path: '/patients/:patientId/acp/print', element: <AcpPrintPage /> },
                  { path: '/teams/broadcast', element: <BroadcastPage /> },
                  { path: '/teams/:teamId', element: <TeamPage /> },
                  { path: '/admission/rule', element: <AdmissionRulePage /> },
                  { path: '/admission/participation', element: <AdmissionParticipationPage /> },
                  { path: '/admission/forms', element: <AdmissionFormsPage /> },
                  { path: '/admission/episodes/:episodeId', element: <AdmissionEpisodePage /> },
                  {
                    path: '/admission/episodes/:episodeId/documents/:formId',
                    element: <AdmissionDocumentPage />,
                  },
                  {
                    path: '/admission/episodes/:episodeId/documents/:formId/print',
                    element: <AdmissionPrintPage />,
                  },
                  { path: '/orgs/:orgId', element: <OrganisationPage /> },
                  { path: '/orgs/:orgId/directory', element: <OrgDirectoryPage /> },
                  { path: '/directory/points/:id/edit', element: <EditPointPage /> },
                  {
                    element: <RequireRole roles={['center_staff']} />,
                    children: [{ path: '/directory/approvals', element: <ApprovalsPage /> }],
                  },
                  {
                    element: <RequireRole roles={['system_admin']} />,
                    children: [
                      { path: '/admin/organisations', element: <AdminOrganisationsPage /> },
                      { path: '/admin/users', element: <AdminUsersPage /> },
                      { path: '/admin/audit', element: <AdminAuditPage /> },
                      { path: '/admin/support-access', element: <AdminSupportAccessPage /> },
                    ],
                  },
                  {
                    element: <RequireRole roles={['system_admin', 'city_staff']} />,
                    children: [{ path: '/settings', element: <SettingsPage /> }],
                  },
                  {
                    element: <RequireRole roles={['center_staff', 'system_admin']} />,
                    children: [{ path: '/directory/imports', element: <ImportsPage /> }],
                  },
                  {
                    element: <RequireRole roles={['center_staff', 'city_staff']} />,
                    children: [
                      { path: '/admission/center', element: <AdmissionCenterPage /> },
                      { path: '/emergency/review', element: <EmergencyReviewPage /> },
                    ],
                  },
                  {
                    element: <RequireRole roles={['ems']} />,
                    children: [{ path: '/emergency', element: <EmsPage /> }],
                  },
                ],
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
