// The frame of every page: skip links, DSFR header (navigation by role, language, display
// settings, login/logout), the main landmark, and the footer with the accessibility statement.
import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { headerFooterDisplayItem } from '@codegouvfr/react-dsfr/Display';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../i18n/index.tsx';
import { useSession } from '../session.tsx';
import { useUnreadNotifications } from './use-unread-notifications.ts';

const BRAND_TOP = (
  <>
    République
    <br />
    Française
  </>
);

const isUnder = (pathname: string, prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);

export const Layout = ({ children }: { children: ReactNode }) => {
  const { t, lang, setLang } = useI18n();
  const { session, logout } = useSession();
  const { pathname } = useLocation();
  const role = session?.user?.role;
  const other = lang === 'fr' ? 'en' : 'fr';
  const hasNotificationCentre = role === 'citizen' && Boolean(session?.user?.personId);
  const unreadNotifications = useUnreadNotifications(hasNotificationCentre);

  const navigation: MainNavigationProps.Item[] = [
    { text: t('nav.home'), linkProps: { to: '/' }, isActive: pathname === '/' },
    {
      text: t('nav.estimate'),
      linkProps: { to: '/estimer-mes-droits' },
      isActive: isUnder(pathname, '/estimer-mes-droits'),
    },
    ...(role === 'citizen' || !role
      ? [{ text: t('nav.mySpace'), linkProps: { to: '/mon-espace' }, isActive: isUnder(pathname, '/mon-espace') }]
      : []),
    ...(role === 'citizen'
      ? [
          {
            text: t('nav.myAppointments'),
            linkProps: { to: '/mes-rendez-vous' },
            isActive: isUnder(pathname, '/mes-rendez-vous') || isUnder(pathname, '/prendre-rendez-vous'),
          },
        ]
      : []),
    ...(role === 'agent' || role === 'admin'
      ? [
          {
            text: t('nav.agent'),
            linkProps: { to: '/agent' },
            isActive: pathname === '/agent' || isUnder(pathname, '/agent/personnes'),
          },
          {
            text: t('nav.agenda'),
            linkProps: { to: '/agent/agenda' },
            isActive: ['/agent/agenda', '/agent/rendez-vous', '/agent/conseillers'].some((p) => isUnder(pathname, p)),
          },
          { text: t('nav.surveys'), linkProps: { to: '/agent/avis' }, isActive: isUnder(pathname, '/agent/avis') },
        ]
      : []),
    ...(role === 'admin'
      ? [
          { text: t('nav.jobs'), linkProps: { to: '/admin/travaux' }, isActive: isUnder(pathname, '/admin/travaux') },
          {
            text: t('nav.capturedEmails'),
            linkProps: { to: '/admin/courriels' },
            isActive: isUnder(pathname, '/admin/courriels'),
          },
        ]
      : []),
  ];

  const account = session?.authenticated
    ? {
        iconId: 'fr-icon-logout-box-r-line' as const,
        text: t('nav.logout'),
        buttonProps: { onClick: () => void logout() },
      }
    : { iconId: 'fr-icon-account-circle-line' as const, text: t('nav.login'), linkProps: { to: '/connexion' } };

  // The count is shown as a badge and said in full to screen readers (the link's name keeps its visible text).
  const notifications = {
    iconId: 'fr-icon-notification-3-line' as const,
    text: (
      <>
        {t('nav.notifications')}
        {unreadNotifications > 0 ? (
          <>
            <span aria-hidden="true" className="fr-badge fr-badge--sm fr-badge--new fr-badge--no-icon fr-ml-1v">
              {unreadNotifications}
            </span>
            <span className="fr-sr-only">{t('nav.notificationsUnreadSuffix', { count: unreadNotifications })}</span>
          </>
        ) : null}
      </>
    ),
    linkProps: { to: '/mes-notifications' },
  };

  return (
    <>
      <SkipLinks
        links={[
          { label: t('skip.content'), anchor: '#contenu' },
          { label: t('skip.menu'), anchor: '#fr-header-main-navigation' },
          { label: t('skip.footer'), anchor: '#fr-footer' },
        ]}
      />
      <Header
        brandTop={BRAND_TOP}
        serviceTitle={t('app.name')}
        serviceTagline={t('app.tagline')}
        homeLinkProps={{ to: '/', title: t('app.homeLinkTitle') }}
        navigation={navigation}
        quickAccessItems={[
          headerFooterDisplayItem,
          ...(hasNotificationCentre ? [notifications] : []),
          {
            iconId: 'fr-icon-translate-2',
            text: (
              <span lang={other} className="guichet-lang-switch">
                {t('nav.otherLanguage')}
              </span>
            ),
            buttonProps: { onClick: () => setLang(other), lang: other },
          },
          account,
        ]}
      />
      <main id="contenu" role="main" tabIndex={-1} className="guichet-main">
        {children}
      </main>
      <Footer
        id="fr-footer"
        accessibility="partially compliant"
        contentDescription={t('footer.description')}
        accessibilityLinkProps={{ to: '/accessibilite' }}
        termsLinkProps={{ to: '/mentions-legales' }}
        websiteMapLinkProps={{ to: '/plan-du-site' }}
        license={t('footer.license')}
        bottomItems={[headerFooterDisplayItem]}
      />
    </>
  );
};
