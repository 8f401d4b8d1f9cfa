// Guards a page by role: a visitor goes to the login page; a logged-in person without the role
// sees a plain explanation (the API checks access again: this is only for the person's sake).
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../api.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { Loading } from './loading.tsx';
import { Page } from './page.tsx';

export const RequireRole = ({ roles, children }: { roles: Role[]; children: ReactNode }) => {
  const { session } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (!session)
    return (
      <div className="fr-container fr-py-4w">
        <Loading />
      </div>
    );
  if (!session.authenticated || !session.user) {
    return <Navigate to={`/connexion?retour=${encodeURIComponent(location.pathname)}`} replace />;
  }
  if (!roles.includes(session.user.role)) {
    return (
      <Page title={t('access.forbiddenTitle')}>
        <p>{t('access.forbiddenText')}</p>
      </Page>
    );
  }
  return <>{children}</>;
};
