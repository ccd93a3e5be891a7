// The web app's routes: the login page until someone is signed in, then the screens of their role.
import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from './api/queries.js';
import type { SessionUser } from './api/types.js';
import { LoginPage } from './auth/LoginPage.js';
import { changeLanguage, isLanguage } from './i18n/index.js';
import { paths, startPath } from './navigation.js';
import { Layout } from './ui/Layout.js';
import { ClientLoading } from './client-week/ClientLayout.js';
import { ErrorMessage } from './ui/QueryState.js';

// Each role's screens load when first opened, so a phone downloads only what its user sees.
const TeamTodayPage = lazy(() => import('./team/TeamDayPage.js').then((m) => ({ default: m.TeamTodayPage })));
const TeamDayPage = lazy(() => import('./team/TeamDayPage.js').then((m) => ({ default: m.TeamDayPage })));
const PhoneDayPage = lazy(() => import('./phone/PhoneDayPage.js').then((m) => ({ default: m.PhoneDayPage })));
const BoardPage = lazy(() => import('./board/BoardPage.js').then((m) => ({ default: m.BoardPage })));
const PlanningWeightsPage = lazy(() => import('./board/PlanningWeightsPage.js').then((m) => ({ default: m.PlanningWeightsPage })));
const UnitPage = lazy(() => import('./manager/UnitPage.js').then((m) => ({ default: m.UnitPage })));
const TeamClientsPage = lazy(() => import('./manager/TeamClientsPage.js').then((m) => ({ default: m.TeamClientsPage })));
const AccessReportPage = lazy(() => import('./manager/AccessReportPage.js').then((m) => ({ default: m.AccessReportPage })));
const FollowUpPage = lazy(() => import('./assessor/FollowUpPage.js').then((m) => ({ default: m.FollowUpPage })));
const BillingPage = lazy(() => import('./finance/BillingPage.js').then((m) => ({ default: m.BillingPage })));
const MyVisitsPage = lazy(() => import('./client-week/ClientWeekPage.js').then((m) => ({ default: m.ClientWeekStart })));
const RelativePage = lazy(() => import('./client-week/ClientWeekPage.js').then((m) => ({ default: m.RelativeWeekStart })));
const DeviationsPage = lazy(() => import('./follow-up/DeviationsPage.js').then((m) => ({ default: m.DeviationsPage })));
const ImprovementsPage = lazy(() => import('./follow-up/ImprovementsPage.js').then((m) => ({ default: m.ImprovementsPage })));
const MyInvoicesPage = lazy(() => import('./follow-up/MyInvoicesPage.js').then((m) => ({ default: m.MyInvoicesPage })));
const UsersPage = lazy(() => import('./admin/UsersPage.js').then((m) => ({ default: m.UsersPage })));

export function App() {
  const session = useSession();
  const { t } = useTranslation();
  const user = session.data?.user ?? null;
  useEffect(() => {
    if (user && isLanguage(user.locale)) void changeLanguage(user.locale);
  }, [user?.locale]);

  if (session.isPending) return <p className="loading" role="status">{t('common.loading')}</p>;
  if (session.isError) return <main id="main"><ErrorMessage error={session.error} /></main>;
  return (
    <BrowserRouter>
      {user ? <SignedIn user={user} /> : (
        <Routes>
          <Route path={paths.login} element={<LoginPage />} />
          <Route path="*" element={<Navigate to={paths.login} replace />} />
        </Routes>
      )}
    </BrowserRouter>
  );
}

function SignedIn({ user }: { user: SessionUser }) {
  const home = startPath(user);
  const r = user.role;
  const staffDay = r === 'staff' || r === 'substitute' || (r === 'coordinator' && !!user.staffId);
  const { t } = useTranslation();
  return (
    <Layout user={user}>
      <Suspense fallback={r === 'client' || r === 'relative' ? <ClientLoading user={user} /> : <p className="loading" role="status">{t('common.loading')}</p>}>
      <Routes>
        {r === 'coordinator' ? <Route path={paths.teamToday} element={<TeamTodayPage user={user} />} /> : null}
        {staffDay ? <Route path={paths.myDay} element={<PhoneDayPage />} /> : null}
        {r === 'unit_manager' ? (
          <>
            <Route path={paths.unit} element={<UnitPage user={user} />} />
            <Route path="/teams/:teamId/clients" element={<TeamClientsPage />} />
            <Route path="/clients/:clientId/access-log" element={<AccessReportPage />} />
          </>
        ) : null}
        {r === 'unit_manager' || r === 'coordinator' ? <Route path="/teams/:teamId/days/:date" element={<TeamDayPage linkClients={r === 'unit_manager'} />} /> : null}
        {r === 'unit_manager' || r === 'coordinator' ? <Route path="/teams/:teamId/days/:date/board" element={<BoardPage />} /> : null}
        {r === 'unit_manager' || r === 'coordinator' || r === 'staff' ? <Route path="/teams/:teamId/planning-weights" element={<PlanningWeightsPage />} /> : null}
        {r === 'needs_assessor' || r === 'unit_manager' ? <Route path={paths.followUp} element={<FollowUpPage />} /> : null}
        {r === 'finance' ? <Route path={paths.billing} element={<BillingPage />} /> : null}
        {r === 'client' ? <Route path={paths.myVisits} element={<MyVisitsPage />} /> : null}
        {r === 'unit_manager' ? <Route path={paths.deviations} element={<DeviationsPage user={user} />} /> : null}
        {r === 'unit_manager' ? <Route path={paths.improvements} element={<ImprovementsPage user={user} />} /> : null}
        {r === 'client' ? <Route path={paths.myInvoices} element={<MyInvoicesPage user={user} />} /> : null}
        {r === 'relative' ? <Route path={paths.relative} element={<RelativePage />} /> : null}
        {r === 'admin' ? <Route path={paths.users} element={<UsersPage />} /> : null}
        <Route path="*" element={<Navigate to={home} replace />} />
      </Routes>
      </Suspense>
    </Layout>
  );
}
