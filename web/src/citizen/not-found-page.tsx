import { Link } from 'react-router';
import { Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.tsx';

export const NotFoundPage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
          {t('notFound.home')}
        </Link>
      </p>
    </Page>
  );
};
