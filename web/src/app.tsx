// Routes in French. Public pages are in the main bundle; the agent and admin areas are loaded on
// demand (React.lazy) so a citizen on a cheap phone never downloads them.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AccessibilityPage } from './citizen/accessibility-page.tsx';
import { EstimatePage } from './citizen/estimate-page.tsx';
import { HomePage } from './citizen/home-page.tsx';
import { LegalPage } from './citizen/legal-page.tsx';
import { LifeEventPage } from './citizen/life-event-page.tsx';
import { LoginPage } from './citizen/login-page.tsx';
import { NotFoundPage } from './citizen/not-found-page.tsx';
import { SitemapPage } from './citizen/sitemap-page.tsx';
import { Layout } from './components/layout.tsx';
import { Loading } from './components/loading.tsx';
import { RequireRole } from './components/require-role.tsx';

const MySpacePage = lazy(() =>
  import('./citizen/my-space-page.tsx').then((module) => ({ default: module.MySpacePage })),
);
const AppointmentsArea = lazy(() => import('./citizen/appointments-area.tsx'));
const DeclarePage = lazy(() =>
  import('./citizen/declarations/declare-page.tsx').then((module) => ({ default: module.DeclarePage })),
);
const DeclarationFormPage = lazy(() =>
  import('./citizen/declarations/declaration-form-page.tsx').then((module) => ({
    default: module.DeclarationFormPage,
  })),
);
const DeclarationStatusPage = lazy(() =>
  import('./citizen/declarations/declaration-status-page.tsx').then((module) => ({
    default: module.DeclarationStatusPage,
  })),
);
const NotificationsPage = lazy(() =>
  import('./citizen/notifications-page.tsx').then((module) => ({ default: module.NotificationsPage })),
);
const CalendarPage = lazy(() =>
  import('./citizen/journeys/calendar-page.tsx').then((module) => ({ default: module.CalendarPage })),
);
const AgentArea = lazy(() => import('./agent/index.tsx'));
const AdminArea = lazy(() => import('./admin/index.tsx'));

const Pending = () => (
  <div className="fr-container fr-py-4w">
    <Loading />
  </div>
);

export const App = () => (
  <Layout>
    <Suspense fallback={<Pending />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/estimer-mes-droits" element={<EstimatePage />} />
        <Route path="/evenements/:slug" element={<LifeEventPage />} />
        <Route path="/connexion" element={<LoginPage />} />
        <Route
          path="/mon-espace"
          element={
            <RequireRole roles={['citizen']}>
              <MySpacePage />
            </RequireRole>
          }
        />
        <Route
          path="/mon-calendrier"
          element={
            <RequireRole roles={['citizen']}>
              <CalendarPage />
            </RequireRole>
          }
        />
        <Route
          path="/mes-notifications"
          element={
            <RequireRole roles={['citizen']}>
              <NotificationsPage />
            </RequireRole>
          }
        />
        <Route path="/prendre-rendez-vous" element={<AppointmentsArea booking />} />
        <Route path="/mes-rendez-vous/*" element={<AppointmentsArea />} />
        <Route
          path="/mon-espace/declarer"
          element={
            <RequireRole roles={['citizen']}>
              <DeclarePage />
            </RequireRole>
          }
        />
        <Route
          path="/mon-espace/declarer/:type"
          element={
            <RequireRole roles={['citizen']}>
              <DeclarationFormPage />
            </RequireRole>
          }
        />
        <Route
          path="/mon-espace/declarations/:id"
          element={
            <RequireRole roles={['citizen']}>
              <DeclarationStatusPage />
            </RequireRole>
          }
        />
        <Route path="/agent/*" element={<AgentArea />} />
        <Route path="/admin/*" element={<AdminArea />} />
        <Route path="/accessibilite" element={<AccessibilityPage />} />
        <Route path="/mentions-legales" element={<LegalPage />} />
        <Route path="/plan-du-site" element={<SitemapPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  </Layout>
);
