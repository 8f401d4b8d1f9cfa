// The site map: the second way to find a page (RGAA 12.1), alongside the main menu.
import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LIFE_EVENTS, lifeEventPath } from './life-events.tsx';

export const SitemapPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('sitemap.title')}>
      <ul>
        <li>
          <Link to="/">{t('nav.home')}</Link>
          <ul>
            {LIFE_EVENTS.map((event) => (
              <li key={event.id}>
                <Link to={lifeEventPath(event)}>{t(`event.${event.id}.title`)}</Link>
              </li>
            ))}
          </ul>
        </li>
        <li>
          <Link to="/estimer-mes-droits">{t('nav.estimate')}</Link>
        </li>
        <li>
          <Link to="/connexion">{t('nav.login')}</Link>
        </li>
        <li>
          <Link to="/mon-espace">{t('nav.mySpace')}</Link>
        </li>
        <li>
          <Link to="/agent">{t('nav.agent')}</Link>
        </li>
        <li>
          <Link to="/admin/travaux">{t('nav.jobs')}</Link>
        </li>
        <li>
          <Link to="/accessibilite">{t('a11y.title')}</Link>
        </li>
        <li>
          <Link to="/mentions-legales">{t('legal.title')}</Link>
        </li>
      </ul>
    </Page>
  );
};
