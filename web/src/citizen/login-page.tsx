// Login goes through full-page navigations to the server (`/auth/login/…`), which runs the OpenID
// Connect flow and comes back to `returnTo`. The embedded identity provider is a demo: say so.
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Link, useSearchParams } from 'react-router';
import { Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';

// Only paths of this site: an open redirect through `?retour=` would help phishing.
const safeReturn = (value: string | null, fallback: string) =>
  value && value.startsWith('/') && !value.startsWith('//') ? value : fallback;

export const LoginPage = () => {
  const { t } = useI18n();
  const { session } = useSession();
  const [params] = useSearchParams();
  const error = params.get('erreur');
  const returnTo = params.get('retour');
  const citizenReturn = safeReturn(
    returnTo && !returnTo.startsWith('/agent') && !returnTo.startsWith('/admin') ? returnTo : null,
    '/mon-espace',
  );
  const agentReturn = safeReturn(
    returnTo && (returnTo.startsWith('/agent') || returnTo.startsWith('/admin')) ? returnTo : null,
    '/agent',
  );
  const user = session?.authenticated ? session.user : undefined;

  return (
    <Page title={t('login.title')}>
      <div aria-live="polite">
        {error === 'compte-inconnu' ? (
          <Alert
            as="h2"
            severity="error"
            title={t('login.unknownAccountTitle')}
            description={t('login.unknownAccountText')}
            className="fr-mb-4w"
          />
        ) : error ? (
          <Alert
            as="h2"
            severity="error"
            title={t('login.failedTitle')}
            description={t('login.failedText')}
            className="fr-mb-4w"
          />
        ) : null}
        {params.get('session') === 'expiree' ? (
          <Alert
            as="h2"
            severity="warning"
            title={t('login.expiredTitle')}
            description={t('login.expiredText')}
            className="fr-mb-4w"
          />
        ) : null}
      </div>
      {user ? (
        <Alert
          as="h2"
          severity="info"
          className="fr-mb-4w"
          title={t('login.alreadyTitle')}
          description={
            <>
              {t('login.alreadyText', { name: user.displayName })}{' '}
              <Link to={user.role === 'citizen' ? '/mon-espace' : '/agent'}>{t('login.goToSpace')}</Link>
            </>
          }
        />
      ) : null}
      <div className="fr-grid-row fr-grid-row--gutters">
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="connexion-particulier">
          <div className="fr-card fr-card--no-arrow guichet-card-pad">
            <h2 id="connexion-particulier" className="fr-h4">
              {t('login.citizenTitle')}
            </h2>
            <p>{t('login.citizenText')}</p>
            <a className="fr-btn fr-btn--lg" href={`/auth/login/citizen?returnTo=${encodeURIComponent(citizenReturn)}`}>
              {t('login.citizenButton')}
            </a>
            <p className="fr-text--sm fr-mt-2w fr-mb-0">{t('login.demoNotice')}</p>
          </div>
        </section>
        <section className="fr-col-12 fr-col-md-6" aria-labelledby="connexion-agent">
          <div className="fr-card fr-card--no-arrow guichet-card-pad">
            <h2 id="connexion-agent" className="fr-h4">
              {t('login.agentTitle')}
            </h2>
            <p>{t('login.agentText')}</p>
            <a
              className="fr-btn fr-btn--secondary"
              href={`/auth/login/agent?returnTo=${encodeURIComponent(agentReturn)}`}
            >
              {t('login.agentButton')}
            </a>
          </div>
        </section>
      </div>
    </Page>
  );
};
