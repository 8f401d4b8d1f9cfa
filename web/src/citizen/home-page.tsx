import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { Page } from '../components/page.tsx';
import { useI18n } from '../i18n/index.tsx';
import { LIFE_EVENTS, lifeEventPath } from './life-events.tsx';

export const HomePage = () => {
  const { t } = useI18n();
  return (
    <Page title={t('home.title')} lead={t('home.lead')}>
      <CallOut
        title={t('home.estimateTitle')}
        titleAs="h2"
        iconId="fr-icon-calculator-line"
        className="fr-my-4w"
        bodyAs="div"
      >
        <p>{t('home.estimateText')}</p>
        <Button
          size="large"
          linkProps={{ to: '/estimer-mes-droits' }}
          iconId="fr-icon-arrow-right-line"
          iconPosition="right"
        >
          {t('home.estimateButton')}
        </Button>
      </CallOut>

      <section aria-labelledby="evenements-titre" className="fr-my-6w">
        <h2 id="evenements-titre">{t('home.eventsTitle')}</h2>
        <p>{t('home.eventsLead')}</p>
        <ul className="fr-grid-row fr-grid-row--gutters guichet-plain-list">
          {LIFE_EVENTS.map((event) => (
            <li key={event.id} className="fr-col-12 fr-col-sm-6 fr-col-lg-4">
              <Tile
                title={t(`event.${event.id}.title`)}
                titleAs="h3"
                desc={t(`event.${event.id}.desc`)}
                linkProps={{ to: lifeEventPath(event) }}
                enlargeLinkOrButton
                orientation="horizontal"
                pictogram={<event.Pictogram />}
              />
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="rendez-vous-titre" className="fr-my-6w">
        <h2 id="rendez-vous-titre">{t('home.appointmentTitle')}</h2>
        <p>{t('home.appointmentText')}</p>
        <Button priority="secondary" iconId="fr-icon-calendar-event-line" linkProps={{ to: '/prendre-rendez-vous' }}>
          {t('appt.bookButton')}
        </Button>
      </section>

      <section aria-labelledby="compte-titre" className="fr-my-6w">
        <h2 id="compte-titre">{t('home.accountTitle')}</h2>
        <p>{t('home.accountText')}</p>
        <Button priority="secondary" linkProps={{ to: '/mon-espace' }}>
          {t('home.accountButton')}
        </Button>
      </section>
    </Page>
  );
};
