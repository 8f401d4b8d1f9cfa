import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Link, useParams } from 'react-router';
import { Page } from '../components/page.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { LIFE_EVENTS } from './life-events.tsx';
import { NotFoundPage } from './not-found-page.tsx';

export const LifeEventPage = () => {
  const { t } = useI18n();
  const { slug } = useParams();
  const event = LIFE_EVENTS.find((candidate) => candidate.slug === slug);
  if (!event) return <NotFoundPage />;
  return (
    <Page title={t(`event.${event.id}.title`)} lead={t(`event.${event.id}.desc`)}>
      {event.declarations.length ? (
        <section aria-labelledby="declarer-titre" className="fr-my-4w">
          <h2 id="declarer-titre">{t('eventPage.declareTitle')}</h2>
          <p>{t('eventPage.declareText')}</p>
          <ul>
            {event.declarations.map((type) => (
              <li key={type}>
                <Link to={`/mon-espace/declarer/${type}`}>{t(`declare.type.${type}` as MessageKey)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="fr-my-4w">
        <Notice title={t('eventPage.comingTitle')} />
      </div>
      <p>{t('eventPage.comingText')}</p>
      <p>{t('eventPage.meanwhile')}</p>
      <ul>
        <li>
          <Link to="/estimer-mes-droits">{t('eventPage.toEstimate')}</Link>
        </li>
        <li>
          <Link to="/">{t('eventPage.toHome')}</Link>
        </li>
      </ul>
    </Page>
  );
};
